import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Actor } from "../auth/policy";
import { db } from "../db";
import { berlinDay } from "../schemas/calendar-day";
import { ozgExportHref } from "../schemas/ozg-params";
import { ozgExportHeaders } from "../services/ozg/export-services";
import { openTestDatabase } from "../test/test-db";
import { ozgExportResponse } from "./ozg-export";

const { actors } = await openTestDatabase();
const { reader, participant, moderator } = actors;

const HOSTILE = '=HYPERLINK("http://x","y")';
// a focus service of MID in piloting, renamed to a formula: both exports must show it as text
await db().ozgService.update({
  where: { ozgId: "10000" },
  data: { name: HOSTILE, ressort: "MID", phase: "PILOT", priority: 1, isFocus: true, leadState: "@Land", implementationModel: "+EfA" },
});
const catalogueSize = await db().ozgService.count();

async function download(actor: Actor | null, format: "csv" | "xlsx", query = "") {
  const response = await ozgExportResponse(actor, new Request(`http://localhost/api/ozg/export.${format}${query ? `?${query}` : ""}`), format);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, text: bytes.toString("utf8") };
}
const exportUrlQuery = (href: string) => href.slice(href.indexOf("?") + 1);

const csvRows = (text: string) => parse(text, { bom: true, delimiter: ";", columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];

async function workbookOf(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const setPublic = (isPublic: boolean) => db().ozgSettings.update({ where: { id: 1 }, data: { isPublic } });

test("[ozg/export] signed out: refused in German while the overview is not public, a download once it is", async () => {
  await setPublic(false);
  for (const format of ["csv", "xlsx"] as const) {
    const { response, text } = await download(null, format);
    assert.equal(response.status, 401, format);
    assert.equal(text, "Bitte melden Sie sich an, um die OZG-Leistungen zu exportieren.");
    assert.match(response.headers.get("content-type") ?? "", /^text\/plain/);
    assert.equal(response.headers.get("content-disposition"), null);
  }
  await setPublic(true);
  try {
    const csv = await download(null, "csv", "phase=pilotierung");
    assert.equal(csv.response.status, 200);
    assert.ok(csvRows(csv.text).length > 0);
    const xlsx = await download(null, "xlsx", "phase=pilotierung");
    assert.equal(xlsx.response.status, 200);
  } finally {
    await setPublic(false);
  }
  // readers read the status: they export it too
  assert.equal((await download(reader, "csv")).response.status, 200);
});

test("[ozg/export] CSV for German Excel: BOM, semicolons, CRLF, German headers, every service, file named by today", async () => {
  const { response, bytes, text } = await download(participant, "csv");
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "text/csv; charset=utf-8");
  assert.equal(response.headers.get("content-disposition"), `attachment; filename="ozg-leistungen-${berlinDay()}.csv"`);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte order mark");
  const headerLine = text.slice(1, text.indexOf("\r\n"));
  assert.equal(headerLine, ozgExportHeaders.join(";"));
  assert.deepEqual(ozgExportHeaders.slice(0, 2), ["OZG-ID", "Leistung"]);
  assert.deepEqual(ozgExportHeaders.slice(-2), ["LeiKa-Schlüssel", "Letzte Änderung"]);
  assert.ok(!/[^\r]\n/.test(text.replace(/"[^"]*"/g, "")), "every row ends in CRLF");
  const rows = csvRows(text);
  assert.equal(rows.length, catalogueSize, "all pages");
  const wohngeld = rows.find((row) => row["OZG-ID"] === "10092")!;
  assert.equal(wohngeld.Leistung, "Wohngeld");
  assert.equal(wohngeld.Themenfeld, "Arbeit & Ruhestand");
  assert.match(wohngeld["LeiKa-Schlüssel"], /^\d{14}(, \d{14})*$/);
  assert.match(wohngeld["Letzte Änderung"], /^\d{2}\.\d{2}\.\d{4}$/);
  assert.match(wohngeld.Fokusleistung, /^(ja|nein)$/);
  const ids = rows.map((row) => row["OZG-ID"]);
  assert.deepEqual(ids, [...ids].sort((a, b) => a.length - b.length || a.localeCompare(b)), "in the table's default order");
});

test("[ozg/export] the table's filters and sort apply, all pages", async () => {
  const query = exportUrlQuery(ozgExportHref("csv", { phases: ["PILOT"], ressorts: ["MID"], sort: "name", direction: "desc", page: 3 }));
  const rows = csvRows((await download(moderator, "csv", query)).text);
  const expected = await db().ozgService.count({ where: { phase: "PILOT", ressort: "MID" } });
  assert.equal(rows.length, expected);
  assert.ok(rows.every((row) => row.Phase === "4. Umsetzung (Pilotierung)" && row.Ressort === "MID"));
  const names = rows.map((row) => row.Leistung.replace(/^'/, "").toLowerCase());
  assert.deepEqual(names, [...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)), "by name, descending");

  const text = csvRows((await download(participant, "csv", "q=Wohngeld")).text);
  assert.ok(text.some((row) => row["OZG-ID"] === "10092"));
  assert.ok(text.every((row) => /wohngeld/i.test(row.Leistung)));
  const byLeika = csvRows((await download(participant, "csv", "q=99041006")).text);
  assert.ok(byLeika.some((row) => row["OZG-ID"] === "10000"), "a LeiKa key's beginning finds its service");
  const focus = csvRows((await download(participant, "csv", "fokus=1")).text);
  assert.ok(focus.length > 0 && focus.every((row) => row.Fokusleistung === "ja"));
});

test("[ozg/export] XLSX: a sheet Leistungen, bold frozen header row, widths, autofilter, the filtered values", async () => {
  const { response, bytes } = await download(participant, "xlsx", "ressort=MID&phase=pilotierung");
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  assert.equal(response.headers.get("content-disposition"), `attachment; filename="ozg-leistungen-${berlinDay()}.xlsx"`);
  const sheet = (await workbookOf(bytes)).getWorksheet("Leistungen");
  assert.ok(sheet, "the sheet is named Leistungen");
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header, [...ozgExportHeaders]);
  assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
  assert.equal(sheet.views[0]?.state, "frozen");
  assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1);
  assert.ok(sheet.columns.every((column) => (column.width ?? 0) >= 10), "every column has a width");
  assert.equal(sheet.getColumn(2).width, 60, "the name is wide");
  assert.ok(sheet.autoFilter, "autofilter set");
  assert.equal(sheet.autoFilter, "A1:M1", "over the header row");
  const expected = await db().ozgService.count({ where: { phase: "PILOT", ressort: "MID" } });
  assert.equal(sheet.actualRowCount - 1, expected);
  for (let r = 2; r <= sheet.actualRowCount; r++) {
    const row = sheet.getRow(r);
    assert.equal(row.getCell(5).value, "MID");
    assert.equal(row.getCell(7).value, "4. Umsetzung (Pilotierung)");
  }
});

test("[ozg/export] formula injection is defused in CSV and XLSX: names starting with = + - @ stay text", async () => {
  const csv = csvRows((await download(participant, "csv", "ressort=MID&phase=pilotierung")).text).find((row) => row["OZG-ID"] === "10000")!;
  assert.equal(csv.Leistung, `'${HOSTILE}`);
  assert.equal(csv["Themenfeldführendes Land"], "'@Land");
  assert.equal(csv.Umsetzungsmodell, "'+EfA");
  const sheet = (await workbookOf((await download(participant, "xlsx", "ressort=MID&phase=pilotierung")).bytes)).getWorksheet("Leistungen")!;
  let found = false;
  sheet.eachRow((row, number) => {
    if (number === 1 || row.getCell(1).value !== "10000") return;
    found = true;
    const name = row.getCell(2);
    assert.equal(name.type, ExcelJS.ValueType.String, "a string cell, never a formula");
    assert.equal(name.value, `'${HOSTILE}`);
    assert.equal(row.getCell(9).value, "'@Land");
  });
  assert.ok(found);
  for (const start of ["-", "\t", "\r"]) {
    await db().ozgService.update({ where: { ozgId: "10000" }, data: { name: `${start}SUMME(A1:A9)` } });
    const row = csvRows((await download(participant, "csv", "q=10000")).text).find((entry) => entry["OZG-ID"] === "10000")!;
    assert.equal(row.Leistung, `'${start}SUMME(A1:A9)`, JSON.stringify(start));
  }
  await db().ozgService.update({ where: { ozgId: "10000" }, data: { name: HOSTILE } });
});

test("[ozg/export] garbage parameters give the nearest valid export, never an error", async () => {
  for (const query of [
    "phase=%00&ressort=%E0%A4%A&sortierung=__proto__&richtung=quer&seite=-1",
    `phase=${"x,".repeat(5000)}`,
    `q=${"W".repeat(20_000)}`,
    "q=%27%20OR%201%3D1--&prioritaet=9&verfuegbarkeit=constructor&fokus=vielleicht",
    "themenfeld=%F0%9F%98%80&lage=..%2F..%2Fetc%2Fpasswd",
    "ressort=MID&ressort=MI&phase=pilotierung&phase=rollout",
  ]) {
    for (const format of ["csv", "xlsx"] as const) {
      const { response } = await download(participant, format, query);
      assert.equal(response.status, 200, `${format} ${query.slice(0, 60)}`);
    }
  }
  // an unknown phase is dropped, as in the table: everything rather than nothing
  assert.equal(csvRows((await download(participant, "csv", "phase=gibt-es-nicht")).text).length, catalogueSize);
});
