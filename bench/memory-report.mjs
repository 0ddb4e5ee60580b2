// Preloaded into a server by bench/memory.ts (`node --expose-gc --import ./bench/memory-report.mjs …`):
// on SIGUSR2 it collects garbage and prints the process's memory as one `MEMORY {…}` line.
import { readFileSync } from "node:fs";

const mib = (bytes) => bytes / 2 ** 20;
process.on("SIGUSR2", () => {
  const rssBeforeGc = Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1]) / 1024;
  globalThis.gc?.();
  const memory = process.memoryUsage();
  const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);
  const report = {
    rssBeforeGcMiB: rssBeforeGc,
    rssMiB: rssKiB / 1024,
    heapUsedMiB: mib(memory.heapUsed),
    heapTotalMiB: mib(memory.heapTotal),
    externalMiB: mib(memory.external),
    arrayBuffersMiB: mib(memory.arrayBuffers),
  };
  console.log(`MEMORY ${JSON.stringify(report)}`);
});
