// All benchmarks in one command, one table:
//
//   npm run build && npm run bench
//
// Runs bench/realtime.ts, bench/thread-page.ts, bench/ozg.ts and bench/search.ts, each as its own
// process (each opens its own server or process database, installs its own Ctrl-C cleanup and time
// limit, and exits), once on an embedded PGlite and once on a fresh PostgreSQL database, reads the
// figures each writes with BENCH_OUT and prints one Markdown table headed by the machine and the
// commit. PostgreSQL is used when BENCH_DATABASE_URL, or else postgresql://postgres@127.0.0.1:5432/postgres,
// answers (the user must be allowed to CREATE DATABASE; each bench drops its database); otherwise the
// table has the PGlite column only and says why.
//
// Search and OZG run fewer rounds than their own defaults (and search over fewer posts), so the whole
// run takes about 6–12 minutes on a 2-core machine. Settings (environment), defaults in brackets:
//   BENCH_ALL_DATABASES ("pglite,postgresql")   which columns to run
//   BENCH_ALL_REALTIME_POSTS (200), BENCH_ALL_REALTIME_WARMUP (30), BENCH_ALL_LISTENERS ("1,50,200")
//   BENCH_ALL_THREAD_POSTS (500), BENCH_ALL_PAGE_REQUESTS (30), BENCH_ALL_PAGE_WARMUP (5)
//   BENCH_ALL_SEARCH_POSTS (10000), BENCH_ALL_RUNS (20, OZG and search runs per case), BENCH_ALL_WARMUP (3)
//   BENCH_ALL_PORT (3800: the realtime server; the thread-page server gets the next port)
//   BENCH_ALL_KEEP (a directory: keep each bench's JSON and output there instead of a temp dir)
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ROOT } from "../e2e/scale-out/harness.ts";
import { ascending, intEnv, percentile, printTable } from "./lib.ts";

const DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const PG_URL = process.env.BENCH_DATABASE_URL || DEFAULT_PG_URL;
const DATABASES = (process.env.BENCH_ALL_DATABASES ?? "pglite,postgresql").split(",").map((d) => d.trim());
const PORT = intEnv("BENCH_ALL_PORT", 3800);
const LISTENERS = process.env.BENCH_ALL_LISTENERS ?? "1,50,200";
const settings = {
  realtimePosts: intEnv("BENCH_ALL_REALTIME_POSTS", 200),
  realtimeWarmup: intEnv("BENCH_ALL_REALTIME_WARMUP", 30),
  threadPosts: intEnv("BENCH_ALL_THREAD_POSTS", 500),
  pageRequests: intEnv("BENCH_ALL_PAGE_REQUESTS", 30),
  pageWarmup: intEnv("BENCH_ALL_PAGE_WARMUP", 5),
  searchPosts: intEnv("BENCH_ALL_SEARCH_POSTS", 10_000),
  runs: intEnv("BENCH_ALL_RUNS", 20),
  warmup: intEnv("BENCH_ALL_WARMUP", 3),
};

if (!existsSync(path.join(ROOT, "dist", "server.mjs"))) {
  console.error("dist/server.mjs fehlt: bitte zuerst `npm run build` ausführen.");
  process.exit(1);
}

const outDir = process.env.BENCH_ALL_KEEP ? path.resolve(process.env.BENCH_ALL_KEEP) : mkdtempSync(path.join(os.tmpdir(), "gdst-bench-all-"));
mkdirSync(outDir, { recursive: true });

async function postgresReachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0].server_version;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

type Database = "pglite" | "postgresql";
type Json = Record<string, any>;

/** Runs one bench script as a child process; answers its BENCH_OUT figures, or null when it failed. */
async function runBench(script: string, database: Database, env: Record<string, string>): Promise<Json | null> {
  const name = `${path.basename(script, ".ts")}-${database}`;
  const jsonFile = path.join(outDir, `${name}.json`);
  const logFile = path.join(outDir, `${name}.log`);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, BENCH_OUT: jsonFile };
  delete childEnv.BENCH_DATABASE_URL;
  if (database === "postgresql") childEnv.BENCH_DATABASE_URL = PG_URL;
  process.stdout.write(`${name}: running … `);
  const startedAt = performance.now();
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: ROOT, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(0);
  const figures = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, "utf8")) as Json) : null;
  console.log(`${code === 0 ? "done" : `exit code ${code}`} in ${seconds} s${code === 0 ? "" : ` (output: ${logFile})`}`);
  if (code !== 0) keepOutput = true;
  return figures;
}

let keepOutput = !!process.env.BENCH_ALL_KEEP;

interface Column {
  realtime: Json | null;
  threadPage: Json | null;
  ozg: Json | null;
  search: Json | null;
}

async function runColumn(database: Database): Promise<Column> {
  const realtime = await runBench("bench/realtime.ts", database, {
    BENCH_PORT: String(PORT),
    BENCH_LISTENERS: LISTENERS,
    BENCH_POSTS: String(settings.realtimePosts),
    BENCH_WARMUP: String(settings.realtimeWarmup),
  });
  const threadPage = await runBench("bench/thread-page.ts", database, {
    BENCH_PORT: String(PORT + 1),
    BENCH_THREAD_POSTS: String(settings.threadPosts),
    BENCH_REQUESTS: String(settings.pageRequests),
    BENCH_REQUEST_WARMUP: String(settings.pageWarmup),
  });
  const ozg = await runBench("bench/ozg.ts", database, { BENCH_RUNS: String(settings.runs), BENCH_WARMUP: String(settings.warmup) });
  const search = await runBench("bench/search.ts", database, {
    BENCH_POSTS: String(settings.searchPosts),
    BENCH_RUNS: String(settings.runs),
    BENCH_WARMUP: String(settings.warmup),
  });
  return { realtime, threadPage, ozg, search };
}

const fixed = (value: unknown, digits = 1) => (typeof value === "number" && Number.isFinite(value) ? value.toFixed(digits) : "–");
const median = (values: number[]) => percentile(ascending(values), 50);
const max = (values: number[]) => (values.length ? Math.max(...values) : NaN);

/** Rows of the table: a label and how to read the figure from one column's results. */
function rows(): [string, (c: Column) => string][] {
  const listenerCounts = LISTENERS.split(",").map((n) => Number(n.trim()));
  const round = (c: Column, listeners: number) => c.realtime?.results.find((r: Json) => r.listeners === listeners) as Json | undefined;
  const page = (c: Column, which: "first" | "last") => {
    const pages = (c.threadPage?.pages ?? []) as Json[];
    const long = pages.filter((p) => String(p.label).startsWith(`${settings.threadPosts}-post`));
    return which === "first" ? long[0] : long.at(-1);
  };
  const ozgCases = (c: Column, prefix: string) => ((c.ozg?.results ?? []) as Json[]).filter((r) => String(r.name).startsWith(prefix));
  const searchQueries = (c: Column, similar: boolean) => ((c.search?.results ?? []) as Json[]).filter((r) => String(r.name).startsWith("similar:") === similar);
  const lastListeners = listenerCounts.at(-1)!;
  return [
    ...listenerCounts.flatMap((n): [string, (c: Column) => string][] => [
      [`realtime, ${n} listener(s): post → delivery p50 / p99 ms`, (c) => (round(c, n) ? `${fixed(round(c, n)!.p50)} / ${fixed(round(c, n)!.p99)}` : "–")],
      [`realtime, ${n} listener(s): deliveries/s`, (c) => fixed(round(c, n)?.deliveriesPerSecond, 0)],
    ]),
    [`closed-loop posts/s (1 in flight, ${listenerCounts[0]} listener)`, (c) => fixed(round(c, listenerCounts[0])?.postsPerSecond)],
    [`closed-loop posts/s, Markdown bodies (thread-page seeding)`, (c) => fixed(c.threadPage?.seed?.postsPerSecond)],
    [`thread page, ${settings.threadPosts} posts, first page: TTFB median ms`, (c) => fixed(page(c, "first")?.headersP50)],
    [`thread page, ${settings.threadPosts} posts, last page: TTFB median ms`, (c) => fixed(page(c, "last")?.headersP50)],
    ["OZG table (list cases): median of medians / worst p95 ms", (c) => (ozgCases(c, "table:").length ? `${fixed(median(ozgCases(c, "table:").map((r) => r.medianMs)))} / ${fixed(max(ozgCases(c, "table:").map((r) => r.p95Ms)))}` : "–")],
    ["OZG export CSV / XLSX, whole catalogue: median ms", (c) => {
      const csv = ozgCases(c, "export CSV, whole")[0];
      const xlsx = ozgCases(c, "export XLSX")[0];
      return csv || xlsx ? `${fixed(csv?.medianMs)} / ${fixed(xlsx?.medianMs)}` : "–";
    }],
    [`search, ${settings.searchPosts} posts: median of medians / worst p95 ms`, (c) => (searchQueries(c, false).length ? `${fixed(median(searchQueries(c, false).map((r) => r.medianMs)))} / ${fixed(max(searchQueries(c, false).map((r) => r.p95Ms)))}` : "–")],
    ["similar topics while typing: median of medians / worst p95 ms", (c) => (searchQueries(c, true).length ? `${fixed(median(searchQueries(c, true).map((r) => r.medianMs)))} / ${fixed(max(searchQueries(c, true).map((r) => r.p95Ms)))}` : "–")],
    ["server RSS idle after start MiB", (c) => fixed(c.realtime?.idleRssMiB, 0)],
    [`server RSS after realtime load (${lastListeners} listeners) MiB`, (c) => fixed(round(c, lastListeners)?.rssMiB, 0)],
    ["server RSS after thread-page load MiB", (c) => fixed(c.threadPage?.rssMiB?.end, 0)],
  ];
}

function git(...args: string[]): string {
  return spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout.trim();
}

async function main() {
  const started = new Date();
  // read before the run: what was measured, not what was edited meanwhile
  const commit = git("rev-parse", "--short", "HEAD");
  const dirty = git("status", "--porcelain").length > 0;
  const loadBefore = os.loadavg();
  const pgVersion = DATABASES.includes("postgresql") ? await postgresReachable(PG_URL) : null;
  const databases: Database[] = [];
  if (DATABASES.includes("pglite")) databases.push("pglite");
  if (DATABASES.includes("postgresql") && pgVersion) databases.push("postgresql");
  const pgNote = !DATABASES.includes("postgresql")
    ? "PostgreSQL not asked for (BENCH_ALL_DATABASES)"
    : pgVersion
      ? `PostgreSQL ${pgVersion} at ${new URL(PG_URL).host}`
      : `PostgreSQL not reachable at ${new URL(PG_URL).host} (BENCH_DATABASE_URL): PGlite only`;
  console.log(`${pgNote}; output of each bench in ${outDir}\n`);

  const columns = new Map<Database, Column>();
  for (const database of databases) columns.set(database, await runColumn(database));

  const cpus = os.cpus();
  const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(1);
  const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(" / ");
  console.log(`\n## npm run bench — ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit}${dirty ? " (dirty)" : ""}\n`);
  console.log(`Machine: ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`);
  console.log(`${pgNote}. No Redis. Took ${minutes} min; load average (1/5/15 min) before ${load(loadBefore)}, after ${load(os.loadavg())}${os.loadavg()[1] > cpus.length ? " — other work competed for the CPUs, figures are pessimistic" : ""}.`);
  console.log(
    `Realtime: ${settings.realtimePosts} posts per round after ${settings.realtimeWarmup} warm-up, 1 in flight; thread page: ${settings.pageRequests} requests after ${settings.pageWarmup} warm-up; OZG and search: ${settings.runs} runs per case after ${settings.warmup} warm-up.\n`,
  );
  const header = ["figure", ...databases.map((d) => (d === "pglite" ? "PGlite" : "PostgreSQL"))];
  printTable(
    header,
    rows().map(([label, read]) => [label, ...databases.map((d) => read(columns.get(d)!))]),
  );
  const failed = [...columns.values()].some((c) => Object.values(c).some((figures) => figures === null));
  if (failed) console.log(`\nAt least one bench failed (–): its output is in ${outDir}.`);
  else if (!keepOutput) rmSync(outDir, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}

await main();
