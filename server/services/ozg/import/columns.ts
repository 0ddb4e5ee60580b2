import { OZG_ID_HEADER, ozgFieldHeaders, ozgFields, type OzgField } from "../../../schemas/ozg-fields";

export type ImportColumn = OzgField | "ozgId";

/**
 * A header or value reduced to what tells it apart: lower case, umlauts as ae/oe/ue, ß as ss, without
 * spaces, hyphens, dots, slashes or brackets. "Lebens-/Geschäftslage", "lebens geschaeftslage" and
 * "LEBENS/GESCHÄFTSLAGE" are all "lebensgeschaeftslage".
 */
export function looseKey(value: string): string {
  return value
    .normalize("NFC")
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
}

/** Other names the ministries' files use for a column, besides the export's header. */
const aliases: Record<ImportColumn, string[]> = {
  ozgId: ["OZG ID", "OZG-Nr.", "OZG-Nummer", "ID", "Leistungs-ID", "OZG-Leistungs-ID"],
  name: ["Leistungsbezeichnung", "Bezeichnung", "Name", "OZG-Leistung", "Leistungsname"],
  lage: ["Lage", "Lebenslage", "Geschäftslage", "Lebens- und Geschäftslage"],
  themenfeld: ["Themenfelder"],
  ressort: ["Zuständiges Ressort", "Federführendes Ressort", "Ministerium", "Zuständigkeit"],
  priority: ["Prio", "Priorisierung"],
  phase: ["Umsetzungsphase", "Umsetzungsstand", "Status"],
  implementationModel: ["Modell", "Nachnutzungsmodell"],
  leadState: ["Themenfeldführer", "Federführendes Land", "Führendes Land", "TFF-Land"],
  isFocus: ["Fokus", "Fokusleistungen"],
  availability: ["Verfügbarkeit", "Flächendeckend", "Flächendeckend verfügbar"],
};

/** Columns of the export that the import does not read: written for people, not state. */
export const ignoredExportHeaders = ["LeiKa-Schlüssel", "Letzte Änderung"];

export const importColumns: ImportColumn[] = ["ozgId", ...ozgFields];

export const columnHeader = (column: ImportColumn): string => (column === "ozgId" ? OZG_ID_HEADER : ozgFieldHeaders[column]);

/** The names a column is recognised by, the export's header first (for the import page). */
export const acceptedHeaders = (column: ImportColumn): string[] => [columnHeader(column), ...aliases[column]];

const columnByKey = new Map<string, ImportColumn>(importColumns.flatMap((column) => acceptedHeaders(column).map((header) => [looseKey(header), column] as const)));

export interface HeaderMatch {
  /** per position of the file's header: the column it is read as, or null (ignored) */
  columns: (ImportColumn | null)[];
  /** the position of each recognised column (the first, when a file repeats one) */
  indexOf: Partial<Record<ImportColumn, number>>;
}

/** Reads the file's header row: which column is which. Unknown and repeated headers are ignored. */
export function matchHeader(header: string[]): HeaderMatch {
  const indexOf: HeaderMatch["indexOf"] = {};
  const columns = header.map((cell, index) => {
    const column = columnByKey.get(looseKey(cell));
    if (!column || indexOf[column] !== undefined) return null;
    indexOf[column] = index;
    return column;
  });
  return { columns, indexOf };
}
