import { chmod, copyFile, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { migrationsDir, type SqlRunner } from "../../db/migrations";
import { BackupError, NOTHING_CHANGED } from "./backup-error";
import { listFiles } from "./checksums";
import { databaseKind, openDatabaseSession, pgliteDir } from "./database-session";
import { loadDatabase, type TableCount } from "./load-database";
import type { Manifest } from "./manifest";
import { readArchive } from "./read-archive";
import { quoteIdent } from "./schema-tables";

export interface RestoreReport {
  manifest: Manifest;
  counts: TableCount[];
  uploads: number;
}

/**
 * Restores an archive into an empty database and an empty upload directory. Everything that can be
 * refused (damaged archive, unknown migration, anything in the target) is checked before the first
 * write; if the load itself fails, what it created is removed again.
 */
export async function restoreBackup(options: { archive: string; databaseUrl: string; uploadDir: string }): Promise<RestoreReport> {
  const work = await mkdtemp(path.join(os.tmpdir(), "gdst-restore-"));
  try {
    const manifest = await readArchive(path.resolve(options.archive), work);
    await assertKnownMigrations(manifest);
    const isEmbedded = databaseKind(options.databaseUrl) === "pglite";
    if (isEmbedded) await assertEmptyDirectory(pgliteDir(options.databaseUrl), "Das Datenverzeichnis der eingebetteten Datenbank");
    await assertEmptyDirectory(options.uploadDir, "Das Upload-Verzeichnis");

    const session = await openDatabaseSession(options.databaseUrl);
    let isComplete = false;
    try {
      await assertEmptyDatabase(session.sql);
    } catch (error) {
      await session.close();
      throw error;
    }
    try {
      const counts = await loadDatabase(session.sql, manifest, work);
      const uploads = await restoreUploads(path.join(work, "uploads"), options.uploadDir);
      isComplete = true;
      return { manifest, counts, uploads };
    } catch (error) {
      // nothing was in the target before: remove what this restore wrote, database and files alike
      // (a full disk while copying the uploads must not leave a database without its files)
      if (!isEmbedded) await dropPublicSchemaObjects(session.sql).catch(() => undefined);
      await emptyDirectory(options.uploadDir);
      throw error instanceof BackupError
        ? error
        : new BackupError(`Die Wiederherstellung ist fehlgeschlagen: ${(error as Error).message}. Was sie bis dahin geschrieben hatte, wurde entfernt.`);
    } finally {
      await session.close();
      if (!isComplete && isEmbedded) await rm(pgliteDir(options.databaseUrl), { recursive: true, force: true });
    }
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

async function assertKnownMigrations(manifest: Manifest): Promise<void> {
  const known = new Set((await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name));
  const unknown = manifest.database.migrations.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new BackupError(
      `Die Sicherung stammt von einem neueren Datenbankstand (Migration ${unknown.at(-1)}), den diese Version der Anwendung nicht kennt. ` +
        `Stellen Sie sie mit der Version ${manifest.appVersion} oder einer neueren wieder her. ${NOTHING_CHANGED}`,
    );
  }
}

async function assertEmptyDirectory(dir: string, label: string): Promise<void> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  if (entries.length) {
    throw new BackupError(
      `${label} ${dir} ist nicht leer. Eine Wiederherstellung schreibt nur in ein leeres oder noch nicht vorhandenes Verzeichnis ` +
        `(DATA_DIR bzw. UPLOAD_DIR auf ein neues Verzeichnis setzen). ${NOTHING_CHANGED}`,
    );
  }
}

async function assertEmptyDatabase(sql: SqlRunner): Promise<void> {
  const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
  const tables = Number(rows[0].n);
  if (tables) {
    throw new BackupError(
      `Die Zieldatenbank ist nicht leer (${tables} Tabellen im Schema public). Eine Wiederherstellung schreibt nur in eine leere Datenbank: ` +
        `legen Sie eine neue an (z. B. createdb) und setzen Sie DATABASE_URL darauf. ${NOTHING_CHANGED}`,
    );
  }
}

async function restoreUploads(from: string, to: string): Promise<number> {
  const names = await listFiles(from);
  for (const name of names) {
    const target = path.join(to, name);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(from, name), target);
    await chmod(target, 0o600);
  }
  return names.length;
}

async function emptyDirectory(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) await rm(path.join(dir, name), { recursive: true, force: true });
}

/** Only called on a database that had no table when the restore began. */
async function dropPublicSchemaObjects(sql: SqlRunner): Promise<void> {
  const { rows: tables } = await sql.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
  for (const { name } of tables) await sql.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)} CASCADE`);
  const { rows: types } = await sql.query<{ name: string }>(
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`,
  );
  for (const { name } of types) await sql.exec(`DROP TYPE IF EXISTS ${quoteIdent(name)} CASCADE`);
}
