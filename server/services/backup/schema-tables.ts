import type { SqlRunner } from "../../db/migrations";
import { BackupError } from "./backup-error";

export interface TableInfo {
  name: string;
  /** stored columns, in table order; generated columns are recomputed by the database */
  columns: string[];
  primaryKey: string[];
  /** single-column foreign keys into the table itself: restored in a second pass */
  selfReferences: string[];
}

/** Prisma's own bookkeeping is rebuilt by the migrations a restore applies. */
const SKIPPED = new Set(["_prisma_migrations"]);

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The application's tables in an order in which every row's foreign keys point at rows inserted
 * before it (references within one table aside, see `selfReferences`).
 */
export async function tablesInForeignKeyOrder(sql: SqlRunner): Promise<TableInfo[]> {
  const { rows: tables } = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const { rows: columns } = await sql.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY c.relname, a.attnum`,
  );
  const { rows: keys } = await sql.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE n.nspname = 'public' AND i.indisprimary ORDER BY c.relname, k.position`,
  );
  const { rows: foreignKeys } = await sql.query<{ table: string; referenced: string; columns: string[] }>(
    `SELECT c.relname AS table, r.relname AS referenced,
            ARRAY(SELECT a.attname::text FROM unnest(f.conkey) AS k(attnum) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) AS columns
     FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class r ON r.oid = f.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE f.contype = 'f' AND n.nspname = 'public'`,
  );

  const infos = new Map<string, TableInfo>();
  for (const { name } of tables) {
    if (!SKIPPED.has(name)) infos.set(name, { name, columns: [], primaryKey: [], selfReferences: [] });
  }
  for (const { table, column } of columns) infos.get(table)?.columns.push(column);
  for (const { table, column } of keys) infos.get(table)?.primaryKey.push(column);
  const dependsOn = new Map([...infos.keys()].map((name) => [name, new Set<string>()]));
  for (const { table, referenced, columns: fkColumns } of foreignKeys) {
    const info = infos.get(table);
    if (!info) continue;
    if (table !== referenced) {
      dependsOn.get(table)!.add(referenced);
      continue;
    }
    if (fkColumns.length !== 1 || info.primaryKey.length === 0) {
      throw new BackupError(`Die Tabelle ${table} verweist mit mehreren Spalten oder ohne Primärschlüssel auf sich selbst; das unterstützt die Sicherung nicht.`);
    }
    info.selfReferences.push(fkColumns[0]);
  }

  const ordered: TableInfo[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      throw new BackupError(`Die Tabellen ${[...path, name].join(" → ")} verweisen im Kreis aufeinander; die Sicherung kann sie nicht ordnen.`);
    }
    state.set(name, "visiting");
    for (const dependency of [...dependsOn.get(name)!].sort()) visit(dependency, [...path, name]);
    state.set(name, "done");
    ordered.push(infos.get(name)!);
  };
  for (const name of [...infos.keys()].sort()) visit(name, []);
  return ordered;
}
