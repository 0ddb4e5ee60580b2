import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { log } from "../log";

/** The two things migrations need; both PGlite and a pg.Client provide them. */
export interface SqlRunner {
  exec(sql: string): Promise<unknown>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export const migrationsDir = path.resolve(process.env.MIGRATIONS_DIR ?? "prisma/migrations");

/**
 * Applies prisma/migrations/* in name order, each in one transaction, and records them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (checksum = sha256 of the file),
 * so the CLI and this runner can be used on the same database interchangeably.
 * Runs in-process because an embedded PGlite directory must be opened by one process only.
 */
export async function applyMigrations(db: SqlRunner, dir = migrationsDir, options: { upTo?: string } = {}): Promise<string[]> {
  // Several processes may start together on one PostgreSQL: the advisory lock makes them take turns.
  // (An embedded PGlite has one owner anyway; the lock is harmless there.)
  await db.query("SELECT pg_advisory_lock(72201)");
  try {
    await db.exec(MIGRATIONS_TABLE);
    const applied = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const failed = applied.rows.filter((r) => !r.finished_at).map((r) => r.migration_name);
    if (failed.length) throw new Error(`Fehlgeschlagene Migration(en) in der Datenbank: ${failed.join(", ")}`);
    const done = new Map(applied.rows.map((r) => [r.migration_name, r.checksum]));

    const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    const newlyApplied: string[] = [];
    for (const name of names) {
      // a restore brings an empty database to the backup's schema first, newer migrations come at start
      if (options.upTo && name > options.upTo) break;
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (done.has(name)) {
        if (done.get(name) !== checksum) log().warn(`Migration ${name} wurde nach dem Anwenden verändert.`);
        continue;
      }
      const id = randomUUID();
      await db.exec("BEGIN");
      try {
        await db.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`, [id, checksum, name]);
        await db.exec(sql);
        await db.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await db.exec("COMMIT");
      } catch (error) {
        await db.exec("ROLLBACK");
        throw new Error(`Migration ${name} ist fehlgeschlagen: ${(error as Error).message}`);
      }
      newlyApplied.push(name);
    }
    return newlyApplied;
  } finally {
    await db.query("SELECT pg_advisory_unlock(72201)");
  }
}
