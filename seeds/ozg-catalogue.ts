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
  await tx.ozgService.createMany({
    data: services.map((service) => ({ ozgId: service.ozg_id, name: service.ozg_leistung, lage: service.lage, themenfeld: service.themenfeld })),
  });
  const known = new Set(services.map((service) => service.ozg_id));
  // 26 LeiKa rows of the source belong to no OZG-Leistung: there is nothing to show them on
  const leika = readCsv<CatalogueLeika>("ozg_leika_zuordnung.csv").filter((row) => known.has(row.ozg_id));
  await tx.ozgLeikaService.createMany({
    data: leika.map((row) => ({
      ozgId: row.ozg_id,
      leikaKey: orNull(row.leika_schluessel),
      name: row.leika_bezeichnung,
      leikaType: orNull(row.leika_typ),
      legalBasis: orNull(row.rechtsgrundlage),
      laws: orNull(row.gesetze),
      lawAbbrevs: orNull(row.gesetzeskuerzel),
    })),
  });
  return true;
}
