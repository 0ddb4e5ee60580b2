import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError } from "../../../errors";
import { importTooManyRowsMessage, OZG_IMPORT_MAX_ROWS } from "../../../schemas/ozg-import";

/** A file's rows as text, with the line (CSV) or row (XLSX) each starts on; the header is line 1. */
export interface ImportTable {
  /** what was detected, as the import record shows it: "CSV (UTF-8, Semikolon)", "XLSX" */
  format: string;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/**
 * Physical lines of a CSV the parser reads at most: the rows, the header, and room for blank lines and
 * cells over several lines. A file with more is refused before it is parsed into cells.
 */
const CSV_MAX_LINES = OZG_IMPORT_MAX_ROWS + 1 + 1_000;

/**
 * The exports write a cell starting like a formula with a leading apostrophe (defuseFormula): read
 * back, the apostrophe goes again, so an exported file re-imports unchanged.
 */
const formulaDefused = /^'[=+\-@\t\r]/;
export const undefuseFormula = (cell: string): string => (formulaDefused.test(cell) ? cell.slice(1) : cell);

const refuse = (message: string) => new AppError("IMPORT_INVALID", message);
const WRONG_TYPE = "Bitte laden Sie die Nachnutzungsübersicht als CSV- oder XLSX-Datei hoch (geprüft wird der Inhalt der Datei, nicht ihr Name).";

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** What a file that is neither CSV nor XLSX is, judged by its first bytes, for the refusal. */
function foreignType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ...ascii("%PDF-"))) return "eine PDF-Datei";
  if (startsWith(bytes, 0x89, ...ascii("PNG"))) return "ein Bild (PNG)";
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return "ein Bild (JPEG)";
  if (startsWith(bytes, ...ascii("GIF8"))) return "ein Bild (GIF)";
  if (startsWith(bytes, ...ascii("RIFF")) && startsWith(bytes.subarray(8), ...ascii("WEBP"))) return "ein Bild (WebP)";
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return "eine Datei im alten Excel-Format (.xls) – bitte in Excel als .xlsx oder CSV speichern";
  if (startsWith(bytes, 0x1f, 0x8b)) return "ein gepacktes Archiv (gzip)";
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return "Text in UTF-16 – bitte als „CSV UTF-8“ oder XLSX speichern";
  return null;
}

const isZip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);

/** Zip entry names are stored uncompressed: an XLSX names its workbook part. */
const isXlsxZip = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("xl/workbook.xml");

/**
 * Reads an uploaded file as a table: XLSX (first sheet, first row the header) or CSV in UTF-8 (with or
 * without BOM) or Windows-1252, with `;` or `,` (whichever the header line has more of). Anything
 * else, an empty file, a file of only a header and one of more than OZG_IMPORT_MAX_ROWS rows are
 * refused with a German message. A cell the export defused (`'=…`) is read without its apostrophe.
 */
export async function readImportTable(bytes: Uint8Array): Promise<ImportTable> {
  if (bytes.byteLength === 0) throw refuse("Die Datei ist leer.");
  const foreign = foreignType(bytes);
  if (foreign) throw refuse(`Die Datei ist ${foreign}, keine Nachnutzungsübersicht. ${WRONG_TYPE}`);
  if (isZip(bytes)) {
    if (!isXlsxZip(bytes)) throw refuse(`Die Datei ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe. ${WRONG_TYPE}`);
    return withRows(await readXlsx(bytes));
  }
  return withRows(readCsv(bytes));
}

function withRows(table: ImportTable): ImportTable {
  if (table.header.every((cell) => !cell.trim()) && table.rows.length === 0) throw refuse("Die Datei ist leer.");
  if (table.rows.length === 0) throw refuse("Die Datei enthält nur die Kopfzeile und keine Leistungen.");
  return table;
}

function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  // NUL never occurs in text of either encoding: a binary file of some other kind
  if (bytes.subarray(0, 65_536).includes(0)) throw refuse(`Die Datei ist keine Textdatei. ${WRONG_TYPE}`);
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "UTF-8" };
  } catch {
    // not valid UTF-8: Excel's "CSV (Trennzeichen-getrennt)" on German Windows writes Windows-1252
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}

/** Whether the text has more than `max` line breaks (stops counting there). */
function lineBreaksOver(text: string, max: number): boolean {
  const lineBreak = /\r\n|\n|\r/g;
  let count = 0;
  while (lineBreak.exec(text)) if (++count > max) return true;
  return false;
}

/** Counts a character in a line outside double quotes. */
function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let isQuoted = false;
  for (const c of line) {
    if (c === '"') isQuoted = !isQuoted;
    else if (c === char && !isQuoted) count++;
  }
  return count;
}

const delimiterNames: Record<string, string> = { ";": "Semikolon", ",": "Komma" };

function readCsv(bytes: Uint8Array): ImportTable {
  const { text, encoding } = decodeText(bytes);
  // control characters other than tab and line ends: not a table someone wrote
  const controls = text.slice(0, 65_536).match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 8) throw refuse(`Die Datei ist keine Textdatei. ${WRONG_TYPE}`);
  if (!text.replace(/^\uFEFF/, "").trim()) throw refuse("Die Datei ist leer.");
  const headerLine = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, 1)[0] ?? "";
  const delimiter = countOutsideQuotes(headerLine, ",") > countOutsideQuotes(headerLine, ";") ? "," : ";";
  if (lineBreaksOver(text, CSV_MAX_LINES)) throw refuse(importTooManyRowsMessage);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: 1_000_000, to_line: CSV_MAX_LINES }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw refuse(`Die CSV-Datei ist beschädigt${line ? ` (Zeile ${line})` : ""}: ${WRONG_TYPE}`);
  }
  const [first, ...rest] = records;
  const rows: ImportTable["rows"] = [];
  let previousEnd = first?.info.lines ?? 1;
  for (const { record, info } of rest) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((cell) => !cell.trim())) continue;
    rows.push({ line, cells: record.map(undefuseFormula) });
  }
  if (rows.length > OZG_IMPORT_MAX_ROWS) throw refuse(importTooManyRowsMessage);
  return { format: `CSV (${encoding}, ${delimiterNames[delimiter]})`, header: (first?.record ?? []).map(undefuseFormula), rows };
}

/** A cell as text: numbers without Excel's float noise, dates as dd.mm.yyyy, rich text and formulas by their result. */
function cellValue(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (value instanceof Date) return value.toLocaleDateString("de-DE", { timeZone: "UTC" });
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellValue((value.result ?? "") as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw refuse(`Die Excel-Datei ist beschädigt und kann nicht gelesen werden. ${WRONG_TYPE}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw refuse("Die Datei ist leer.");
  // rows with values (not rowCount, which also counts rows that only carry formatting), header included
  if (sheet.actualRowCount > OZG_IMPORT_MAX_ROWS + 1) throw refuse(importTooManyRowsMessage);
  let header: string[] | null = null;
  const rows: ImportTable["rows"] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty
    const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => undefuseFormula(cellValue(values[i + 1] ?? null)));
    if (header === null) {
      header = cells;
      return;
    }
    if (cells.some((cell) => cell.trim())) rows.push({ line: rowNumber, cells });
  });
  return { format: "XLSX", header: header ?? [], rows };
}
