import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import { AppError } from "../../../errors";
import { importTooManyRowsMessage, OZG_IMPORT_MAX_ROWS } from "../../../schemas/ozg-import";
import { matchHeader } from "./columns";
import { readImportTable } from "./read-table";

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const bom = (text: string) => new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
const cp1252 = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readImportTable(bytes);
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, "IMPORT_INVALID");
    return error.message;
  }
  assert.fail("expected a refusal");
}

test("[ozg-import] CSV in UTF-8 with BOM and semicolons: header without BOM, line numbers from 2", async () => {
  const table = await readImportTable(bom("OZG-ID;Leistung;Phase\r\n10169;Führerschein;4. Umsetzung (Pilotierung)\r\n\r\n10000;Elterngeld;3\r\n"));
  assert.equal(table.format, "CSV (UTF-8, Semikolon)");
  assert.deepEqual(table.header, ["OZG-ID", "Leistung", "Phase"]);
  assert.deepEqual(
    table.rows.map((row) => [row.line, row.cells[0], row.cells[1]]),
    [
      [2, "10169", "Führerschein"],
      [4, "10000", "Elterngeld"],
    ],
  );
});

test("[ozg-import] CSV in Windows-1252 with umlauts and commas, a quoted cell over two lines keeps the next line's number", async () => {
  const table = await readImportTable(cp1252('OZG-ID,Leistung,Themenfeld\n10169,"Führerschein, Änderung",Mobilität\n10000,"Eltern-\ngeld",Familie & Kind\n10001,Straße,Bauen\n'));
  assert.equal(table.format, "CSV (Windows-1252, Komma)");
  assert.deepEqual(table.rows[0]!.cells, ["10169", "Führerschein, Änderung", "Mobilität"]);
  assert.deepEqual(
    table.rows.map((row) => row.line),
    [2, 3, 5],
  );
  assert.equal(table.rows[2]!.cells[1], "Straße");
});

test("[ozg-import] UTF-8 without BOM is read as UTF-8, not as Windows-1252", async () => {
  const table = await readImportTable(utf8("OZG ID;Leistungsbezeichnung\n10169;Führerschein\n"));
  assert.equal(table.format, "CSV (UTF-8, Semikolon)");
  assert.equal(table.rows[0]!.cells[1], "Führerschein");
});

test("[ozg-import] XLSX written with exceljs: first sheet, first row the header, numbers as text", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Übersicht");
  sheet.addRow(["OZG-ID", "Leistung", "Priorität", "Fokusleistung"]);
  sheet.addRow([10169, "Führerschein", 1, true]);
  sheet.addRow([]);
  sheet.addRow(["10000", { richText: [{ text: "Eltern" }, { text: "geld" }] }, "2 mittel", "nein"]);
  workbook.addWorksheet("Zweites Blatt").addRow(["nicht gelesen"]);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const table = await readImportTable(bytes);
  assert.equal(table.format, "XLSX");
  assert.deepEqual(table.header, ["OZG-ID", "Leistung", "Priorität", "Fokusleistung"]);
  assert.deepEqual(
    table.rows.map((row) => [row.line, ...row.cells]),
    [
      [2, "10169", "Führerschein", "1", "ja"],
      [4, "10000", "Elterngeld", "2 mittel", "nein"],
    ],
  );
});

test("[ozg-import] headers are matched tolerantly: case, umlauts, spaces, hyphens, aliases; the export-only columns are ignored", () => {
  const { columns } = matchHeader([
    "ozg id",
    "LEISTUNGSBEZEICHNUNG",
    "Lebens- / Geschaeftslage",
    "Themenfeld",
    "Zuständiges Ressort",
    "Prio",
    "Umsetzungsphase",
    "Umsetzungsmodell",
    "Themenfeldführendes Land",
    "Fokus",
    "Verfügbarkeit",
    "LeiKa-Schlüssel",
    "Letzte Änderung",
    "Phase",
  ]);
  assert.deepEqual(columns, ["ozgId", "name", "lage", "themenfeld", "ressort", "priority", "phase", "implementationModel", "leadState", "isFocus", "availability", null, null, null]);
  assert.equal(matchHeader(["ID"]).columns[0], "ozgId");
  assert.equal(matchHeader(["Flächendeckende Verfügbarkeit"]).columns[0], "availability");
});

test("[ozg-import] wrong types are refused by content, whatever the name: PDF, images, a zip that is no workbook, binary, old .xls", async () => {
  assert.match(await refusal(utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n")), /PDF-Datei/);
  assert.match(await refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), /Bild \(PNG\)/);
  assert.match(await refusal(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), /Bild \(JPEG\)/);
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("\0\0\0\0word/document.xml")]);
  assert.match(await refusal(new Uint8Array(zip)), /ZIP-Archiv, aber keine Excel-Arbeitsmappe/);
  assert.match(await refusal(new Uint8Array([1, 2, 3, 0, 5, 6, 7, 8])), /keine Textdatei/);
  assert.match(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])), /alten Excel-Format/);
  const brokenXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("\0\0xl/workbook.xml garbage")]);
  assert.match(await refusal(new Uint8Array(brokenXlsx)), /Excel-Datei ist beschädigt/);
});

test("[ozg-import] an empty file, a file of blank lines and a file of only the header are refused", async () => {
  assert.equal(await refusal(new Uint8Array()), "Die Datei ist leer.");
  assert.equal(await refusal(bom("\r\n \r\n")), "Die Datei ist leer.");
  assert.match(await refusal(utf8("OZG-ID;Leistung\n")), /nur die Kopfzeile/);
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Leer");
  assert.equal(await refusal(new Uint8Array(await workbook.xlsx.writeBuffer())), "Die Datei ist leer.");
});

test("[ozg-import] more than 20,000 rows are refused before they are planned: CSV and XLSX", async () => {
  const rows = (count: number) => Array.from({ length: count }, (_, i) => `${10_000 + i};4`);
  const atLimit = await readImportTable(utf8(["OZG-ID;Phase", ...rows(OZG_IMPORT_MAX_ROWS)].join("\n")));
  assert.equal(atLimit.rows.length, OZG_IMPORT_MAX_ROWS);
  assert.equal(await refusal(utf8(["OZG-ID;Phase", ...rows(OZG_IMPORT_MAX_ROWS + 1)].join("\n"))), importTooManyRowsMessage);
  assert.match(importTooManyRowsMessage, /^Die Datei hat mehr als 20\.000 Zeilen/);
  // far more lines than rows allowed (empty ones): refused without parsing them all
  assert.equal(await refusal(utf8(`OZG-ID;Phase\n10169;4\n${";;;;\n".repeat(200_000)}`)), importTooManyRowsMessage);

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Leistungen");
  sheet.addRow(["OZG-ID", "Phase"]);
  for (let i = 0; i <= OZG_IMPORT_MAX_ROWS; i++) sheet.addRow([String(10_000 + i), "4"]);
  assert.equal(await refusal(new Uint8Array(await workbook.xlsx.writeBuffer())), importTooManyRowsMessage);
});

test("[ozg-import] the export's defused cells lose their apostrophe (CSV and XLSX); other apostrophes stay", async () => {
  const table = await readImportTable(utf8("OZG-ID;Leistung;Umsetzungsmodell\n10169;'=X;'+1\n10000;'@Land;'Apostroph\n"));
  assert.deepEqual(
    table.rows.map((row) => row.cells),
    [
      ["10169", "=X", "+1"],
      ["10000", "@Land", "'Apostroph"],
    ],
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Leistungen");
  sheet.addRow(["OZG-ID", "Leistung"]);
  sheet.addRow(["10169", "'-X"]);
  const xlsx = await readImportTable(new Uint8Array(await workbook.xlsx.writeBuffer()));
  assert.deepEqual(xlsx.rows[0]?.cells, ["10169", "-X"]);
});
