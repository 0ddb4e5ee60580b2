import path from "node:path";
import { PrismaClient } from "./generated/prisma/client";
import { env, isPostgresUrl } from "./env";
import { log } from "./log";

export { Prisma } from "./generated/prisma/client";
export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface DbHandle {
  prisma: PrismaClient;
  /** Raw SQL access for migrations and health checks */
  raw: { exec(sql: string): Promise<unknown>; query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> };
  url: string;
  close(): Promise<void>;
}

// Next's server bundle and server.ts load this module separately: the handle lives on globalThis
// so both share one database connection (and one PGlite instance, which must never be opened twice).
const globalForDb = globalThis as typeof globalThis & { __gdstDb?: DbHandle };

/** file:<dir> or file:memory → embedded PGlite; postgresql://… → PostgreSQL. */
export function databaseUrl(): string {
  return env.databaseUrl ?? `file:${path.join(env.dataDir, "pglite")}`;
}

export async function openDatabase(url: string): Promise<DbHandle> {
  if (isPostgresUrl(url)) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const pg = (await import("pg")).default;
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    let isClosing = false;
    // an idle connection that PostgreSQL ends (restart, failover, admin command) emits on the pool;
    // without a listener that error would end the process. The pool opens a new connection next time.
    pool.on("error", (error) => {
      if (!isClosing) log().warn({ err: error }, "Eine ruhende Datenbankverbindung wurde beendet");
    });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      url,
      raw: {
        exec: (sql) => pool.query(sql),
        query: async <T,>(sql: string, params?: unknown[]) => {
          const result = await pool.query(sql, params);
          return { rows: result.rows as T[] };
        },
      },
      close: async () => {
        isClosing = true;
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const dir = url.replace(/^file:/, "");
  // PostgreSQL's default 128 MB of shared buffers is most of the embedded server's memory; a working
  // group's data fits in a fraction of 32 MB, and pages not in the buffers are a file read away
  // (bench/README.md: about 100 MiB less resident memory, no measurable change in CPU per request)
  const pglite = new PGlite(dir === "memory" ? undefined : dir, {
    startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"],
    // trigram similarity for "similar topics" while a spotlight's title is typed; PostgreSQL ships it too
    extensions: { pg_trgm },
  });
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    url,
    raw: { exec: (sql) => pglite.exec(sql), query: <T,>(sql: string, params?: unknown[]) => pglite.query<T>(sql, params) },
    close: async () => {
      await prisma.$disconnect();
      // the adapter's dispose() does not close PGlite; an unclean exit can skip sequence values
      await pglite.close();
    },
  };
}

/** Installs the process-wide database (done once at start by server.ts, or by a test). */
export function setDatabase(handle: DbHandle | undefined): void {
  globalForDb.__gdstDb = handle;
}

function handle(): DbHandle {
  const current = globalForDb.__gdstDb;
  if (!current) throw new Error("Die Datenbank ist noch nicht geöffnet (server.ts öffnet sie beim Start).");
  return current;
}

export const db = (): PrismaClient => handle().prisma;
export const rawDb = (): DbHandle["raw"] => handle().raw;
export const hasDatabase = (): boolean => !!globalForDb.__gdstDb;
