// Medians over several runs of the benchmarks, from the JSON files they wrote with BENCH_OUT:
//
//   npx tsx bench/summarize.ts bench/out/thread-page-pglite-*.json
//   npx tsx bench/summarize.ts bench/out/realtime-pg-*.json
//
// Each figure is the median of that figure over the runs given (each run's figure is already a
// median or percentile over its own requests or posts); the range over the runs follows in brackets.
import { readFileSync } from "node:fs";
import { ascending, percentile, printTable } from "./lib.ts";

const files = process.argv.slice(2);
if (!files.length) throw new Error("usage: summarize.ts <BENCH_OUT json files of one benchmark>");
const runs = files.map((file) => JSON.parse(readFileSync(file, "utf8")) as Record<string, any>);

const summary = (values: number[], digits = 1) => {
  const sorted = ascending(values.filter((v) => typeof v === "number" && !Number.isNaN(v)));
  if (!sorted.length) return "–";
  const median = percentile(sorted, 50).toFixed(digits);
  return sorted.length > 1 ? `${median} [${sorted[0].toFixed(digits)}–${sorted.at(-1)!.toFixed(digits)}]` : median;
};

console.log(`${runs.length} run(s) of ${runs[0].database}; load average (1 min) at the end of each: ${runs.map((r) => r.loadavg[0].toFixed(1)).join(", ")}\n`);

if ("pages" in runs[0]) {
  printTable(
    ["figure", "median [range]"],
    [
      ["server healthy after s", summary(runs.map((r) => r.startSeconds))],
      ["posts/s, 1 sender, 1 listener", summary(runs.map((r) => r.seed.postsPerSecond))],
      ["server CPU ms/post", summary(runs.map((r) => r.seed.serverCpuMsPerPost))],
      ["PostgreSQL CPU ms/post", summary(runs.map((r) => r.seed.dbCpuMsPerPost ?? NaN))],
      ["post ack p50 ms", summary(runs.map((r) => r.seed.ackP50))],
      ...runs[0].pages.flatMap((page: { label: string }, i: number) => [
        [`${page.label}: TTFB p50 ms`, summary(runs.map((r) => r.pages[i].headersP50))],
        [`${page.label}: TTFB p95 ms`, summary(runs.map((r) => r.pages[i].headersP95))],
        [`${page.label}: server CPU ms/request`, summary(runs.map((r) => r.pages[i].serverCpuMsPerRequest))],
        [`${page.label}: HTML / RSC / wire KiB`, `${(runs[0].pages[i].htmlBytes / 1024).toFixed(1)} / ${(runs[0].pages[i].rscBytes / 1024).toFixed(1)} / ${(runs[0].pages[i].wireBytes / 1024).toFixed(1)}`],
        [`${page.label}: copies of each post`, summary(runs.map((r) => r.pages[i].copiesPerPost))],
      ]),
      ["RSS idle after start MiB", summary(runs.map((r) => r.rssMiB.idle), 0)],
      ["RSS after posting MiB", summary(runs.map((r) => r.rssMiB.afterPosting), 0)],
      ["RSS after the page requests MiB", summary(runs.map((r) => r.rssMiB.end), 0)],
    ],
  );
} else {
  const listenerCounts: number[] = runs[0].results.map((r: { listeners: number }) => r.listeners);
  const round = (run: Record<string, any>, listeners: number) => run.results.find((r: { listeners: number }) => r.listeners === listeners);
  printTable(
    ["listeners", "p50 ms", "p99 ms", "posts/s", "server CPU ms/post", "server RSS MiB"],
    listenerCounts.map((n) => [
      String(n),
      summary(runs.map((r) => round(r, n).p50)),
      summary(runs.map((r) => round(r, n).p99)),
      summary(runs.map((r) => round(r, n).postsPerSecond)),
      summary(runs.map((r) => (round(r, n).serverCpuSeconds * 1000) / round(r, n).posts)),
      summary(runs.map((r) => round(r, n).rssMiB), 0),
    ]),
  );
  console.log(`\nRSS idle after start: ${summary(runs.map((r) => r.idleRssMiB), 0)} MiB`);
}
