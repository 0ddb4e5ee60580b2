// Where the server's memory goes: RSS and V8 heap / external / array buffers of each layer, once
// run as TypeScript through the tsx loader and once compiled to JavaScript (esbuild) under plain node.
//
//   npm run bench:memory        # needs a build in .next (npm run build)
//
// Layers, each a fresh process, BENCH_MEMORY_RUNS (3) times, medians printed:
//   node      an empty node process (the probe with nothing to do)
//   pglite    + PGlite opened on a copy of a migrated and seeded data directory, two queries run
//   prisma    + the Prisma client on that PGlite (the server's openDatabase), two queries run
//   server    the full server (server.ts: Next, Socket.IO, database) on a fresh data directory:
//             idle after start, then after 30 thread-page requests and 100 posts
// With BENCH_DATABASE_URL (a PostgreSQL URL that may CREATE DATABASE), `prisma` and `server` run on a
// fresh PostgreSQL database instead; BENCH_NODE_ARGS adds node options to every measured process. Compiled variants are built into dist/ (scripts/build-server.mjs
// for the server). Everything started is stopped and temp directories removed.
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";
import { PARTICIPANT, ROOT, connectSocket, request, seededThread, signIn, sleep, startServer, type ServerProcess } from "../e2e/scale-out/harness.ts";
import { ascending, cpuSeconds, createScratchDatabase, intEnv, percentile, printTable, type MemorySample, type ScratchDatabase } from "./lib.ts";
import { markdownBody } from "./markdown-corpus.ts";

const RUNS = Math.max(1, intEnv("BENCH_MEMORY_RUNS", 3));
const PORT = intEnv("BENCH_PORT", 3412);
const PG_BASE_URL = process.env.BENCH_DATABASE_URL || undefined;
/** extra node options for every measured process, e.g. "--enable-source-maps" */
const NODE_ARGS = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];

type Runtime = "tsx" | "compiled";
const samples = new Map<string, MemorySample[]>();
const record = (key: string, sample: MemorySample) => samples.set(key, [...(samples.get(key) ?? []), sample]);

const tmp = mkdtempSync(path.join(os.tmpdir(), "gdst-memory-"));
let server: ServerProcess | undefined;
let database: ScratchDatabase | undefined;
async function cleanup() {
  await server?.stop();
  server = undefined;
  await database?.drop().catch((error: Error) => console.error(error.message));
  database = undefined;
  rmSync(tmp, { recursive: true, force: true });
}
process.once("SIGINT", () => void cleanup().then(() => process.exit(1)));

function parseReport(output: string): Record<string, number> {
  const line = output.split("\n").findLast((l) => l.startsWith("MEMORY "));
  if (!line) throw new Error(`no MEMORY line in:\n${output.slice(-2000)}`);
  return JSON.parse(line.slice("MEMORY ".length)) as Record<string, number>;
}

function runProbe(runtime: Runtime, mode: string, url: string): MemorySample {
  const args = [...NODE_ARGS, "--expose-gc", ...(runtime === "tsx" ? ["--import", "tsx", "bench/memory-probe.ts"] : ["dist/memory-probe.mjs"]), mode, url];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`probe ${runtime} ${mode} failed:\n${result.stderr}`);
  const report = parseReport(result.stdout) as unknown as MemorySample;
  // from spawn, so the loader's own start-up is included
  return { ...report, readyMs: performance.now() - started };
}

/** the server's memory: RSS as it was, the V8 figures after a forced GC (what is really retained) */
/** migrates and seeds a database as the server's start would */
function initDatabase(url: string) {
  const init = spawnSync(process.execPath, ["dist/memory-probe.mjs", "init", url], { cwd: ROOT, encoding: "utf8", timeout: 180_000 });
  if (init.status !== 0) throw new Error(`seeding ${url} failed:\n${init.stderr}`);
}

async function serverMemory(): Promise<MemorySample> {
  const before = server!.log();
  process.kill(server!.pid, "SIGUSR2");
  for (let i = 0; i < 100; i++) {
    await sleep(50);
    const log = server!.log();
    if (log !== before && log.includes("MEMORY ")) {
      const report = parseReport(log) as unknown as MemorySample & { rssBeforeGcMiB: number };
      return { ...report, rssMiB: report.rssBeforeGcMiB };
    }
  }
  throw new Error("the server printed no MEMORY line");
}

async function runServer(runtime: Runtime): Promise<void> {
  const env: Record<string, string> = {};
  if (PG_BASE_URL) {
    database = await createScratchDatabase(PG_BASE_URL);
    Object.assign(env, { DATABASE_URL: database.url, SEED_DEMO: "1" });
  }
  const started = performance.now();
  server = await startServer({
    port: PORT,
    secret: randomBytes(32).toString("base64url"),
    name: "memory",
    env,
    nodeArgs: [...NODE_ARGS, "--expose-gc", "--import", "./bench/memory-report.mjs"],
    entry: runtime === "tsx" ? ["--import", "tsx", "server.ts"] : ["dist/server.mjs"],
  });
  const readyMs = performance.now() - started;
  const cpuMs = cpuSeconds(server.pid) * 1000;
  await sleep(2000);
  record(`server idle ${runtime}`, { ...(await serverMemory()), readyMs, cpuMs });

  const cookie = await signIn(server.url, PARTICIPANT);
  const thread = await seededThread(server.url, cookie);
  const page = `${server.url}/arbeitsgruppen/technik/themen/${thread.id}`;
  for (let i = 0; i < 30; i++) await (await fetch(page, { headers: { cookie } })).text();
  const sender = await connectSocket(server.url, cookie);
  for (let i = 0; i < 100; i++) await request(sender, "post.create", { id: randomUUID(), threadId: thread.id, body: markdownBody(i) });
  sender.close();
  record(`server loaded ${runtime}`, { ...(await serverMemory()), readyMs: NaN, cpuMs: NaN });
  await server.stop();
  server = undefined;
  await database?.drop();
  database = undefined;
}

async function main() {
  console.log(`Memory by layer; ${RUNS} run(s) each; load average ${os.loadavg()[0].toFixed(1)}${NODE_ARGS.length ? `; node options ${NODE_ARGS.join(" ")}` : ""}`);
  await build({
    absWorkingDir: ROOT,
    entryPoints: ["bench/memory-probe.ts"],
    outfile: "dist/memory-probe.mjs",
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });
  const built = spawnSync(process.execPath, ["scripts/build-server.mjs"], { cwd: ROOT, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`scripts/build-server.mjs failed:\n${built.stderr}`);

  const seeded = path.join(tmp, "seeded", "pglite");
  initDatabase(`file:${seeded}`);

  for (let run = 0; run < RUNS; run++) {
    for (const runtime of ["compiled", "tsx"] as const) {
      process.stdout.write(`run ${run + 1}, ${runtime}: probes … `);
      record(`node ${runtime}`, runProbe(runtime, "none", "-"));
      const copy = path.join(tmp, `copy-${run}-${runtime}`);
      cpSync(path.dirname(seeded), copy, { recursive: true });
      record(`pglite ${runtime}`, runProbe(runtime, "pglite", `file:${path.join(copy, "pglite")}`));
      if (PG_BASE_URL) {
        database = await createScratchDatabase(PG_BASE_URL);
        initDatabase(database.url);
        record(`prisma ${runtime}`, runProbe(runtime, "prisma", database.url));
        await database.drop();
        database = undefined;
      } else {
        record(`prisma ${runtime}`, runProbe(runtime, "prisma", `file:${path.join(copy, "pglite")}`));
      }
      rmSync(copy, { recursive: true, force: true });
      process.stdout.write("server … ");
      await runServer(runtime);
      console.log("done");
    }
  }
  await cleanup();

  const median = (values: (number | undefined)[]) => {
    const present = values.filter((v): v is number => v !== undefined && !Number.isNaN(v));
    return present.length ? percentile(ascending(present), 50) : NaN;
  };
  const layerOrder = [...new Set([...samples.keys()].map((key) => key.slice(0, key.lastIndexOf(" "))))];
  const cell = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(0));
  console.log(`\nMedians of ${RUNS} run(s); ${PG_BASE_URL ? "prisma and server on PostgreSQL" : "PGlite"}; Node ${process.version}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}`);
  console.log("MiB; V8 figures after a forced GC, RSS of the server before it; ready ms: spawn → ready (probes) or → /api/health answers (server);\nstart CPU ms: CPU time the process used until then (less sensitive to other load than ready ms)\n");
  printTable(
    ["layer", "runtime", "RSS", "V8 heap used", "V8 heap total", "external", "of it array buffers", "PGlite WASM heap", "ready ms", "start CPU ms"],
    [...samples]
      .map(([key, list]) => ({ layer: key.slice(0, key.lastIndexOf(" ")), runtime: key.slice(key.lastIndexOf(" ") + 1), list }))
      .sort((a, b) => layerOrder.indexOf(a.layer) - layerOrder.indexOf(b.layer) || a.runtime.localeCompare(b.runtime))
      .map(({ layer, runtime, list }) => [
        layer,
        runtime,
        cell(median(list.map((s) => s.rssMiB))),
        cell(median(list.map((s) => s.heapUsedMiB))),
        cell(median(list.map((s) => s.heapTotalMiB))),
        cell(median(list.map((s) => s.externalMiB))),
        cell(median(list.map((s) => s.arrayBuffersMiB))),
        cell(median(list.map((s) => s.wasmHeapMiB))),
        cell(median(list.map((s) => s.readyMs))),
        cell(median(list.map((s) => s.cpuMs))),
      ]),
  );
  process.exit(0);
}

main().catch(async (error: unknown) => {
  console.error(`memory benchmark failed: ${(error as Error).stack ?? String(error)}`);
  if (server) console.error(`--- last server output ---\n${server.log()}`);
  await cleanup();
  process.exit(1);
});
