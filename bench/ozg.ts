// OZG service table benchmark: server time of the table's list and of the export over the full catalogue.
//
//   npm run bench:ozg                                                     # embedded PGlite in a temp dir
//   npm run bench:ozg -- --postgres                                       # PostgreSQL on 127.0.0.1:5432 (user postgres)
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:ozg
//
// Opens a fresh database in this process (migrated, demo-seeded: the real OZG catalogue of 557 services
// with their LeiKa services and a year of generated statuses), ANALYZEs, then calls `listOzgServices()`
// (what the table page calls) as the demo reader for typical filters, each sort and free-text searches
// (stemmed word, part of a word, OZG ID, LeiKa key), and `exportOzgServices()` for CSV and XLSX of the
// whole catalogue: 5 warm-up and 40 measured runs each, one at a time; prints median, p95 and max. On
// PostgreSQL it creates its own database and drops it at the end, also on an error or Ctrl-C.
//
// Settings (environment): BENCH_RUNS (40), BENCH_WARMUP (5), BENCH_DATABASE_URL (PostgreSQL URL that
// may CREATE DATABASE; `--postgres` means postgresql://postgres@127.0.0.1:5432/postgres), BENCH_OUT (JSON).
import { writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Actor } from "../server/auth/policy.ts";
import { db, rawDb } from "../server/db.ts";
import type { OzgListInput, OzgSort } from "../server/schemas/ozg.ts";
import { ozgSorts } from "../server/schemas/ozg.ts";
import { defaultOzgSortDirection } from "../server/schemas/ozg-params.ts";
import { exportOzgServices } from "../server/services/ozg/export-services.ts";
import { listOzgServices } from "../server/services/ozg/list-services.ts";
import { ascending, intEnv, openBenchDatabase, percentile, printTable } from "./lib.ts";

const RUNS = intEnv("BENCH_RUNS", 40);
const WARMUP = intEnv("BENCH_WARMUP", 5);
const PG_BASE_URL = process.env.BENCH_DATABASE_URL || (process.argv.includes("--postgres") ? "postgresql://postgres@127.0.0.1:5432/postgres" : undefined);
const TARGET_MS = 50;

async function measure(run: () => Promise<number>): Promise<{ count: number; median: number; p95: number; max: number }> {
  let count = 0;
  for (let i = 0; i < WARMUP; i++) count = await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    count = await run();
    times.push(performance.now() - t0);
  }
  const sorted = ascending(times);
  return { count, median: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
}

const database = await openBenchDatabase(PG_BASE_URL, "gdst-bench-ozg-");
const { label } = database;
try {
  console.log(`OZG table benchmark on ${label}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  await database.start();
  await rawDb().exec("ANALYZE");
  const reader: Actor = await db().user.findUniqueOrThrow({
    where: { email: "lesend@gdst.example" },
    select: { id: true, name: true, email: true, organisation: true, role: true },
  });
  const services = await db().ozgService.count();
  const leika = await db().ozgLeikaService.findFirstOrThrow({ where: { leikaKey: { not: null } }, select: { leikaKey: true }, orderBy: { leikaKey: "asc" } });

  const cases: [string, OzgListInput][] = [
    ["all, first page", {}],
    ["all, page 6", { page: 6 }],
    ["phase Pilotierung", { phases: ["PILOT"] }],
    ["Ressort MS + phases 4–6", { ressorts: ["MS"], phases: ["PILOT", "ROLLOUT", "DONE"] }],
    ["Themenfeld + priority 1", { themenfeld: "Bauen & Wohnen", priorities: [1] }],
    ["Fokus + teilweise verfügbar", { focusOnly: true, availabilities: ["PARTIAL"] }],
    ...ozgSorts.map((sort: OzgSort): [string, OzgListInput] => [`sort ${sort}`, { sort, direction: defaultOzgSortDirection(sort) }]),
    ["text: stemmed word (Genehmigungen)", { query: "Genehmigungen" }],
    ["text: part of a word (genehm)", { query: "genehm" }],
    ["text: two words (Antrag Förderung)", { query: "Antrag Förderung" }],
    ["text: OZG ID (10519)", { query: "10519" }],
    [`text: LeiKa key (${leika.leikaKey!.slice(0, 8)})`, { query: leika.leikaKey!.slice(0, 8) }],
    ["text + filters + sort", { query: "Erlaubnis", ressorts: ["MWL", "MI"], sort: "phase", direction: "desc" }],
  ];
  const rows: string[][] = [];
  const results: Record<string, unknown>[] = [];
  const record = (name: string, r: Awaited<ReturnType<typeof measure>>) => {
    rows.push([name, String(r.count), r.median.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1), r.p95 <= TARGET_MS ? "yes" : "NO"]);
    results.push({ name, matches: r.count, medianMs: r.median, p95Ms: r.p95, maxMs: r.max });
  };
  for (const [name, input] of cases) record(`table: ${name}`, await measure(async () => (await listOzgServices(reader, input)).total));
  const defaults = { sort: "ozgId", direction: "asc", page: 1 } as const;
  record("export CSV, whole catalogue", await measure(async () => String((await exportOzgServices(reader, defaults, "csv")).body).split("\r\n").length - 2));
  record("export CSV, phase 4–6 by name", await measure(async () => String((await exportOzgServices(reader, { ...defaults, phases: ["PILOT", "ROLLOUT", "DONE"], sort: "name" }, "csv")).body).split("\r\n").length - 2));
  record("export XLSX, whole catalogue", await measure(async () => ((await exportOzgServices(reader, defaults, "xlsx")).body.length > 0 ? services : 0)));

  console.log(`\n${label}, ${services} services, ${RUNS} runs per case after ${WARMUP} warm-up runs, target p95 ≤ ${TARGET_MS} ms:\n`);
  printTable(["case", "matches", "median ms", "p95 ms", "max ms", "≤ 50 ms"], rows);
  console.log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify({ database: label, services, results }, null, 2));
} finally {
  await database.cleanup();
}
