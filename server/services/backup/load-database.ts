import { createReadStream } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { applyMigrations, migrationsDir, type SqlRunner } from "../../db/migrations";
import { BackupError } from "./backup-error";
import type { Manifest } from "./manifest";
import { quoteIdent, tablesInForeignKeyOrder, type TableInfo } from "./schema-tables";

const BATCH_ROWS = 500;

export interface TableCount {
  name: string;
  expected: number;
  restored: number;
}

/**
 * Brings an empty database to the backup's migration (not further: newer migrations run when the app
 * starts on it, exactly as after an upgrade) and inserts the rows in one transaction: all or nothing.
 * Rows are inserted in foreign-key order; references within one table are set in a second pass,
 * so no constraint is switched off (that would need a superuser on PostgreSQL).
 */
export async function loadDatabase(sql: SqlRunner, manifest: Manifest, dir: string): Promise<TableCount[]> {
  await applyMigrations(sql, migrationsDir, { upTo: manifest.database.latestMigration });
  await sql.exec("BEGIN");
  try {
    const targetTables = await tablesInForeignKeyOrder(sql);
    const byName = new Map(manifest.tables.map((table) => [table.name, table]));
    const missing = manifest.tables.filter((table) => !targetTables.some((target) => target.name === table.name));
    if (missing.length) {
      throw new BackupError(`Die Tabellen ${missing.map((t) => t.name).join(", ")} der Sicherung fehlen nach den Migrationen im Zielschema.`);
    }
    // some migrations insert rows (settings singletons); the backup's rows replace them
    if (targetTables.length) await sql.exec(`TRUNCATE ${targetTables.map((t) => quoteIdent(t.name)).join(", ")} RESTART IDENTITY`);
    for (const target of targetTables) {
      const entry = byName.get(target.name);
      if (!entry) continue;
      const unknown = entry.columns.filter((column) => !target.columns.includes(column));
      if (unknown.length) throw new BackupError(`Die Spalten ${unknown.join(", ")} der Tabelle ${target.name} gibt es im Zielschema nicht.`);
      const file = path.join(dir, entry.file);
      const firstPass = entry.columns.filter((column) => !target.selfReferences.includes(column));
      await forEachBatch(file, (json) => sql.query(insertSql(target, firstPass), [json]));
      for (const column of target.selfReferences.filter((c) => entry.columns.includes(c))) {
        await forEachBatch(file, (json) => sql.query(selfReferenceSql(target, column), [json]));
      }
    }
    for (const sequence of manifest.sequences) {
      if (sequence.lastValue !== null) await sql.query(`SELECT setval($1::regclass, $2::bigint, true)`, [sequence.name, sequence.lastValue]);
    }
    const counts: TableCount[] = [];
    for (const table of manifest.tables) {
      const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdent(table.name)}`);
      counts.push({ name: table.name, expected: table.rows, restored: Number(rows[0].n) });
    }
    const wrong = counts.filter((count) => count.expected !== count.restored);
    if (wrong.length) {
      throw new BackupError(
        `Die Zeilenzahlen weichen vom Manifest ab: ${wrong.map((c) => `${c.name} ${c.restored} statt ${c.expected}`).join(", ")}.`,
      );
    }
    await sql.exec("COMMIT");
    return counts;
  } catch (error) {
    await sql.exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

const columnList = (columns: string[]) => columns.map(quoteIdent).join(", ");

function insertSql(table: TableInfo, columns: string[]): string {
  return `INSERT INTO ${quoteIdent(table.name)} (${columnList(columns)}) SELECT ${columnList(columns)} FROM json_populate_recordset(NULL::${quoteIdent(table.name)}, $1::json)`;
}

function selfReferenceSql(table: TableInfo, column: string): string {
  const key = table.primaryKey.map((c) => `t.${quoteIdent(c)} = j.${quoteIdent(c)}`).join(" AND ");
  return `UPDATE ${quoteIdent(table.name)} AS t SET ${quoteIdent(column)} = j.${quoteIdent(column)}
    FROM json_populate_recordset(NULL::${quoteIdent(table.name)}, $1::json) AS j WHERE ${key} AND j.${quoteIdent(column)} IS NOT NULL`;
}

/** Hands the JSON-lines file to `run` as JSON arrays of up to BATCH_ROWS rows. */
async function forEachBatch(file: string, run: (json: string) => Promise<unknown>): Promise<void> {
  let batch: string[] = [];
  for await (const line of readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(line);
    if (batch.length === BATCH_ROWS) {
      await run(`[${batch.join(",")}]`);
      batch = [];
    }
  }
  if (batch.length) await run(`[${batch.join(",")}]`);
}
