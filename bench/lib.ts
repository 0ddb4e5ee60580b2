// Helpers shared by the benchmarks in this folder.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const intEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};

/** nearest-rank percentile of an ascending array */
export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

export const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

/** user + system CPU seconds the process used so far (from /proc/<pid>/stat) */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5)), in clock ticks of 1/100 s
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

async function adminQuery<T = unknown>(baseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  /**
   * CPU seconds used so far by the server backends connected to this database, by pid. Only
   * meaningful when PostgreSQL runs on this machine and its processes are visible in /proc.
   */
  backendCpu(): Promise<Map<number, number>>;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL database for one run, made through `baseUrl` (which may CREATE DATABASE). */
export async function createScratchDatabase(baseUrl: string): Promise<ScratchDatabase> {
  const name = `gdst_bench_${randomBytes(4).toString("hex")}`;
  await adminQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async backendCpu() {
      const rows = await adminQuery<{ pid: number }>(baseUrl, "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
      return new Map(rows.map(({ pid }) => [pid, cpuSeconds(pid)] as const).filter(([, cpu]) => !Number.isNaN(cpu)));
    },
    drop: async () => void (await adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

export interface BenchDatabase {
  /** "PostgreSQL (fresh database)" or "PGlite (embedded, temp dir)", for the bench's first line */
  label: string;
  url: string;
  /** migrates it, seeds the demo data and makes it the process database (server/db.ts) */
  start(): Promise<void>;
  /** closes it, then drops the scratch database or removes the temp directory; Ctrl-C runs it too */
  cleanup(): Promise<void>;
}

/**
 * The database one bench run works on: a scratch PostgreSQL database made through `pgBaseUrl`, or
 * without it an embedded PGlite in a temp directory named after `tempPrefix`.
 */
export async function openBenchDatabase(pgBaseUrl: string | undefined, tempPrefix: string): Promise<BenchDatabase> {
  let scratch: ScratchDatabase | undefined;
  let tempDir: string | undefined;
  let close: (() => Promise<void>) | undefined;
  const cleanup = async () => {
    await close?.().catch(() => {});
    await scratch?.drop().catch((error: Error) => console.error(error.message));
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));

  let url: string;
  if (pgBaseUrl) {
    scratch = await createScratchDatabase(pgBaseUrl);
    url = scratch.url;
  } else {
    tempDir = mkdtempSync(path.join(os.tmpdir(), tempPrefix));
    url = `file:${path.join(tempDir, "pglite")}`;
  }
  return {
    label: pgBaseUrl ? "PostgreSQL (fresh database)" : "PGlite (embedded, temp dir)",
    url,
    async start() {
      // imported here: the benches that measure a server in another process do not load the database code
      const { startDatabase } = await import("../server/db/start-database.ts");
      close = (await startDatabase({ url, seedDemo: true })).close;
    },
    cleanup,
  };
}

/** CPU seconds the backends used between two `backendCpu()` readings; a backend that is new counts from 0. */
export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

/** Prints rows as a Markdown table, the first column left-aligned and the others right-aligned. */
export function printTable(header: string[], body: string[][]) {
  const rows = [header, ...body];
  const widths = header.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const row of body) console.log(line(row));
}

/** Memory and start-up figures of one measured process (bench/memory.ts). */
export interface MemorySample {
  readyMs: number;
  /** user + system CPU time of the whole process so far */
  cpuMs: number;
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
  arrayBuffersMiB: number;
  /** PGlite's WebAssembly linear memory (not counted in `external` or `arrayBuffers`) */
  wasmHeapMiB?: number;
}
