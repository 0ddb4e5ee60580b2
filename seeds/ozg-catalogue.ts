import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Tx } from "../server/db";

/**
 * The federal OZG catalogue as published (state of October 2019): 557 OZG-Leistungen with their Lage
 * and Themenfeld, and 5,249 LeiKa services. Source and license: seeds/ozg/SOURCES.md and
 * seeds/ozg/LICENSE-KDN-OZG-Datenbank-NRW.txt (MIT, KDN OZG-Datenbank NRW). The catalogue carries no
 * status of Sachsen-Anhalt: that comes from the monthly import (or, for the demo, seeds/demo-ozg.ts).
 */

const ozgDir = () => path.resolve(process.env.SEEDS_DIR ?? "seeds", "ozg");
const readCsv = <T,>(file: string): T[] => parse(readFileSync(path.join(ozgDir(), file), "utf8"), { columns: true, skip_empty_lines: true }) as T[];

export interface CatalogueService {
  ozg_id: string;
  ozg_leistung: string;
  lage: string;
  themenfeld: string;
  leika_typen: string;
}

interface CatalogueLeika {
  leika_schluessel: string;
  leika_bezeichnung: string;
  leika_typ: string;
  ozg_id: string;
  rechtsgrundlage: string;
  gesetze: string;
  gesetzeskuerzel: string;
}

export const catalogueServices = () => readCsv<CatalogueService>("ozg_leistungen.csv");

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** Loads the catalogue into an empty service table; a table with services (seeded or imported) is left alone. */
export async function seedOzgCatalogue(tx: Tx): Promise<boolean> {
  if (await tx.ozgService.count()) return false;
  const services = catalogueServices();
  // one statement per table with a column array each: Prisma's createMany compiles a query of some
  // 42,000 bound values for the LeiKa rows, and the query compiler keeps the memory it grew for it
  // for the life of the process (bench/README.md, "Where the memory goes")
  await tx.$executeRaw`
    INSERT INTO "OzgService" ("ozgId", "name", "lage", "themenfeld")
    SELECT * FROM unnest(
      ${services.map((service) => service.ozg_id)}::text[], ${services.map((service) => service.ozg_leistung)}::text[],
      ${services.map((service) => service.lage)}::text[], ${services.map((service) => service.themenfeld)}::text[]
    )`;
  const known = new Set(services.map((service) => service.ozg_id));
  // 26 LeiKa rows of the source belong to no OZG-Leistung: there is nothing to show them on
  const leika = readCsv<CatalogueLeika>("ozg_leika_zuordnung.csv").filter((row) => known.has(row.ozg_id));
  const column = (pick: (row: CatalogueLeika) => string | null) => leika.map(pick);
  await tx.$executeRaw`
    INSERT INTO "OzgLeikaService" ("id", "ozgId", "leikaKey", "name", "leikaType", "legalBasis", "laws", "lawAbbrevs")
    SELECT gen_random_uuid()::text, l.* FROM unnest(
      ${column((row) => row.ozg_id)}::text[], ${column((row) => orNull(row.leika_schluessel))}::text[],
      ${column((row) => row.leika_bezeichnung)}::text[], ${column((row) => orNull(row.leika_typ))}::text[],
      ${column((row) => orNull(row.rechtsgrundlage))}::text[], ${column((row) => orNull(row.gesetze))}::text[],
      ${column((row) => orNull(row.gesetzeskuerzel))}::text[]
    ) AS l`;
  return true;
}
