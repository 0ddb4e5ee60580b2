import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../../db";
import { acquireDataDirLock } from "../../db/data-dir-lock";
import type { SqlRunner } from "../../db/migrations";
import { isPostgresUrl } from "../../env";
import { BackupError, NOTHING_CHANGED } from "./backup-error";
import type { DatabaseKind } from "./manifest";

/** One database session: a snapshot transaction needs all its statements on one connection. */
export interface DatabaseSession {
  kind: DatabaseKind;
  sql: SqlRunner;
  close(): Promise<void>;
}

export const databaseKind = (url: string): DatabaseKind => (isPostgresUrl(url) ? "postgresql" : "pglite");

/** The directory of an embedded database URL (file:<dir>). */
export const pgliteDir = (url: string): string => url.replace(/^file:/, "");

/**
 * Opens the database for backup or restore outside the app. PostgreSQL: one pg.Client (a pool would
 * spread a transaction over connections). PGlite: the data directory's lock is taken like the app
 * takes it, so a running app is never opened twice (PGlite has no lock of its own; two instances on
 * one directory corrupt it). PGlite's own dumpDataDir() would work only inside the app's process and
 * copies files, not rows: it could not move data to PostgreSQL, so a running app is refused instead.
 */
export async function openDatabaseSession(url: string, options: { mustExist?: boolean } = {}): Promise<DatabaseSession> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
    } catch (error) {
      throw new BackupError(`Die Datenbank ist nicht erreichbar (${(error as Error).message}). ${NOTHING_CHANGED}`);
    }
    return {
      kind: "postgresql",
      sql: { exec: (text) => client.query(text), query: async <T,>(text: string, params?: unknown[]) => ({ rows: (await client.query(text, params)).rows as T[] }) },
      close: () => client.end(),
    };
  }
  if (url === "file:memory") throw new BackupError("Eine Datenbank im Arbeitsspeicher (file:memory) lässt sich nicht sichern oder wiederherstellen.");
  // opening a missing directory would create a new database: a backup must not
  if (options.mustExist && !existsSync(path.join(pgliteDir(url), "PG_VERSION"))) {
    throw new BackupError(`Unter ${pgliteDir(url)} gibt es keine eingebettete Datenbank (DATA_DIR prüfen). ${NOTHING_CHANGED}`);
  }
  const dataDir = path.dirname(pgliteDir(url));
  let release: () => void;
  try {
    release = acquireDataDirLock(dataDir);
  } catch (error) {
    throw new BackupError(
      `${(error as Error).message} Für Sicherung und Wiederherstellung der eingebetteten Datenbank muss die Anwendung beendet sein ` +
        `(im Betrieb mit PostgreSQL ist das nicht nötig). ${NOTHING_CHANGED}`,
    );
  }
  try {
    const handle = await openDatabase(url);
    return {
      kind: "pglite",
      sql: handle.raw,
      close: async () => {
        await handle.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
