import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { SqlRunner } from "../../db/migrations";
import { BackupError } from "./backup-error";
import type { Manifest } from "./manifest";
import { quoteIdent, tablesInForeignKeyOrder, type TableInfo } from "./schema-tables";

export type DatabaseDump = Pick<Manifest, "tables" | "sequences"> & { migrations: string[] };

const FETCH_ROWS = 1000;

/**
 * Writes every table as JSON lines (one `row_to_json` per row, ordered by primary key) into
 * `<dir>/database/`, all inside one REPEATABLE READ READ ONLY transaction: one snapshot of the whole
 * database, the same SQL on PGlite and PostgreSQL, while the app may keep writing (PostgreSQL).
 * PostgreSQL itself renders every value as text, so no type passes through JavaScript.
 * `inSnapshot` runs inside the same transaction (the uploads are copied there).
 */
export async function dumpDatabase(sql: SqlRunner, dir: string, inSnapshot?: () => Promise<void>): Promise<DatabaseDump> {
  await mkdir(path.join(dir, "database"), { recursive: true });
  await sql.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const migrations = await appliedMigrations(sql);
    const tables: Manifest["tables"] = [];
    for (const table of await tablesInForeignKeyOrder(sql)) {
      const file = `database/${encodeURIComponent(table.name)}.jsonl`;
      tables.push({ name: table.name, file, columns: table.columns, rows: await dumpTable(sql, table, path.join(dir, file)) });
    }
    const { rows: sequences } = await sql.query<{ name: string; lastValue: string | null }>(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value::text AS "lastValue"
       FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
    );
    await inSnapshot?.();
    await sql.exec("COMMIT");
    return { migrations, tables, sequences };
  } catch (error) {
    await sql.exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function appliedMigrations(sql: SqlRunner): Promise<string[]> {
  const { rows: exists } = await sql.query<{ ok: boolean }>(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok`);
  const names = exists[0]?.ok
    ? (
        await sql.query<{ name: string }>(
          `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
        )
      ).rows.map((row) => row.name)
    : [];
  if (!names.length) throw new BackupError("Die Datenbank enthält keine angewendeten Migrationen: es gibt nichts zu sichern.");
  return names;
}

async function dumpTable(sql: SqlRunner, table: TableInfo, file: string): Promise<number> {
  const columns = table.columns.map(quoteIdent).join(", ");
  // without a primary key every column orders the rows: the same data always gives the same file
  const orderBy = (table.primaryKey.length ? table.primaryKey.map(quoteIdent) : table.columns.map((_, i) => String(i + 1))).join(", ");
  await sql.exec(
    `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS line FROM (SELECT ${columns} FROM ${quoteIdent(table.name)} ORDER BY ${orderBy}) r`,
  );
  const out = createWriteStream(file, { flags: "wx", mode: 0o600 });
  let count = 0;
  try {
    for (;;) {
      const { rows } = await sql.query<{ line: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
      if (!rows.length) break;
      count += rows.length;
      if (!out.write(rows.map((row) => row.line + "\n").join(""))) await once(out, "drain");
    }
  } finally {
    out.end();
    await once(out, "close");
    await sql.exec("CLOSE backup_rows");
  }
  return count;
}
