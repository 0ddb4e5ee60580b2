// One layer of the server's memory, for bench/memory.ts: opens the database the way the server does
// (bare PGlite, or PGlite/PostgreSQL plus the Prisma client) and prints its memory as one JSON line.
//
//   node --import tsx bench/memory-probe.ts <none|init|pglite|prisma> <database url>
//
// `init` migrates and seeds an empty database, as the server's start does, and exits.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { MemorySample } from "./lib.ts";

const [mode, url] = process.argv.slice(2);
if (!mode || !url) throw new Error("usage: memory-probe.ts <none|init|pglite|prisma> <database url>");


const mib = (bytes: number) => bytes / 2 ** 20;

function report(extra: Partial<MemorySample>, startedAt: number): void {
  const cpu = process.cpuUsage();
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const status = readFileSync("/proc/self/status", "utf8");
  const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
  const result: MemorySample & { mode: string } = {
    mode,
    readyMs: performance.now() - startedAt,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMiB: rssKiB / 1024,
    heapUsedMiB: mib(memory.heapUsed),
    heapTotalMiB: mib(memory.heapTotal),
    externalMiB: mib(memory.external),
    arrayBuffersMiB: mib(memory.arrayBuffers),
    ...extra,
  };
  console.log(`MEMORY ${JSON.stringify(result)}`);
}

const startedAt = performance.now();
if (mode === "none") {
  report({}, startedAt);
} else if (mode === "init") {
  const { startDatabase } = await import("../server/db/start-database.ts");
  const database = await startDatabase({ url, seedDemo: true });
  await database.close();
} else if (mode === "pglite") {
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = new PGlite(url.replace(/^file:/, ""));
  await pglite.waitReady;
  await pglite.query(`SELECT count(*) FROM "Post"`);
  await pglite.query(`SELECT * FROM "Post" ORDER BY "createdAt" DESC LIMIT 50`);
  // PGlite's Emscripten module: its HEAPU8 spans the whole WebAssembly memory
  report({ wasmHeapMiB: mib(pglite.Module.HEAPU8.byteLength) }, startedAt);
  await pglite.close();
} else if (mode === "prisma") {
  const { openDatabase } = await import("../server/db.ts");
  const handle = await openDatabase(url);
  await handle.prisma.post.count();
  await handle.prisma.post.findMany({ take: 50, orderBy: { createdAt: "desc" }, include: { author: true } });
  report({}, startedAt);
  await handle.close();
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.exit(0);
