import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import type { Actor } from "../auth/policy";
import { db } from "../db";
import { berlinDay } from "../schemas/calendar-day";
import { spotlightReference } from "../schemas/spotlight-lifecycle";
import { spotlightExportHeaders } from "../services/spotlights/export-spotlights";
import { makeSpotlight } from "../test/factories";
import { openTestDatabase } from "../test/test-db";
import { spotlightExportResponse } from "./spotlight-export";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader, admin } = actors;

const RESSORT = "Testressort für den CSV-Export";
const forwarded = await makeSpotlight(participant, { status: "FORWARDED", group: "organisation", title: "=HYPERLINK(\"https://example.com\";\"Klick\")", forwardedTo: RESSORT, dueOn: "2026-10-15" });
const answered = await makeSpotlight(participant, { status: "ANSWERED", group: "organisation", title: "Antwort mit Zeilen; und Semikolon", forwardedTo: RESSORT });
const otherGroup = await makeSpotlight(participant, { status: "FORWARDED", group: "technik", title: "Anderer Gruppe", forwardedTo: RESSORT });
const declined = await makeSpotlight(participant2, { status: "DECLINED", group: "organisation", title: "@Abgelehnt wegen Dopplung" });
await db().spotlight.update({ where: { id: answered.id }, data: { answer: "-Zeile eins\nZeile zwei mit \"Zitat\"", answeredOn: new Date("2026-11-02") } });
// the second municipality co-signs the forwarded one
await db().spotlightCosignature.create({ data: { spotlightId: forwarded.id, userId: participant2.id, organisation: participant2.organisation } });

async function download(actor: Actor | null, query = "") {
  const response = await spotlightExportResponse(actor, new Request(`http://localhost/api/spotlights/export${query ? `?${query}` : ""}`));
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, text: bytes.toString("utf8") };
}

const rowsOf = (text: string) => parse(text, { bom: true, delimiter: ";", columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
const byNumber = (rows: Record<string, string>[], number: number) => rows.find((row) => row.Nummer === spotlightReference(number));

test("[spotlights/export] signed out: 401, reader: 403, each with a German sentence and no data", async () => {
  const signedOut = await download(null);
  assert.equal(signedOut.response.status, 401);
  assert.equal(signedOut.text, "Bitte melden Sie sich an, um Spotlights zu exportieren.");
  assert.match(signedOut.response.headers.get("content-type") ?? "", /^text\/plain/);
  const asReader = await download(reader, "status=weitergeleitet");
  assert.equal(asReader.response.status, 403);
  assert.equal(asReader.text, "Der Export der Spotlights steht Teilnehmenden und der Moderation offen.");
  assert.equal(asReader.response.headers.get("content-disposition"), null);
});

test("[spotlights/export] German Excel's CSV: BOM, semicolons, CRLF, German headers, the file named by today's date", async () => {
  const { response, bytes, text } = await download(participant);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "text/csv; charset=utf-8");
  assert.equal(response.headers.get("content-disposition"), `attachment; filename="spotlights-${berlinDay()}.csv"`);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte order mark");
  const headerLine = text.slice(1, text.indexOf("\r\n"));
  assert.equal(headerLine, spotlightExportHeaders.join(";"));
  assert.ok(headerLine.includes("Überfällig"), "umlauts intact");
  assert.equal(text.replace(/"[^"]*"/g, "").split("\n").every((line, index, lines) => index === lines.length - 1 || line.endsWith("\r")), true, "every row ends in CRLF");
  const rows = rowsOf(text);
  for (const spotlight of [forwarded, answered, otherGroup, declined]) assert.ok(byNumber(rows, spotlight.number), `S-${spotlight.number} exported`);
});

test("[spotlights/export] the board's filters apply: group, status and Ressort", async () => {
  const { text } = await download(moderator, `gruppe=organisation&status=weitergeleitet,beantwortet&ressort=${encodeURIComponent(RESSORT)}`);
  const rows = rowsOf(text);
  assert.deepEqual(rows.map((row) => row.Nummer).sort(), [forwarded.number, answered.number].map(spotlightReference).sort());
  const onlyMine = rowsOf((await download(participant2, "kommune=1")).text);
  assert.ok(byNumber(onlyMine, forwarded.number), "co-signed by the viewer's municipality");
  assert.ok(byNumber(onlyMine, declined.number), "proposed (so co-signed) by the viewer's municipality");
  assert.equal(byNumber(onlyMine, answered.number), undefined);
  const sorted = rowsOf((await download(admin, "sortierung=titel&richtung=auf&gruppe=organisation")).text).map((row) => row.Titel);
  assert.deepEqual(sorted, [...sorted].sort((a, b) => a.replace(/^'/, "").localeCompare(b.replace(/^'/, ""), "de")), "in the board's order");
});

test("[spotlights/export] cells: dd.mm.yyyy dates, overdue flag, co-signing municipalities, the answer as text, the decline reason", async () => {
  const rows = rowsOf((await download(participant, "gruppe=organisation")).text);
  const row = byNumber(rows, forwarded.number)!;
  assert.equal(row.Status, "Weitergeleitet");
  assert.equal(row.Arbeitsgruppen, "Arbeitsgruppe Organisation");
  assert.equal(row["Vorgeschlagen von"], participant.name);
  assert.equal(row.Kommune, participant.organisation);
  assert.match(row["Vorgeschlagen am"], /^\d{2}\.\d{2}\.\d{4}$/);
  assert.equal(row["Mitzeichnende Kommunen (Anzahl)"], "2");
  assert.equal(row["Mitzeichnende Kommunen"], [participant.organisation, participant2.organisation].sort((a, b) => a.localeCompare(b, "de")).join(", "));
  assert.equal(row["Weitergeleitet an"], RESSORT);
  assert.equal(row.Ansprechperson, "Referat 11");
  assert.equal(row["Weitergeleitet am"], "01.10.2026");
  assert.equal(row.Frist, "15.10.2026");
  assert.equal(row["Überfällig"], berlinDay() > "2026-10-15" ? "Ja" : "Nein");
  assert.equal(row["Beantwortet am"], "");

  const answer = byNumber(rows, answered.number)!;
  assert.equal(answer.Titel, "Antwort mit Zeilen; und Semikolon");
  assert.equal(answer["Antwort (Text)"], "'-Zeile eins\nZeile zwei mit \"Zitat\"", "a multi-line answer stays one cell");
  assert.equal(answer["Beantwortet am"], "02.11.2026");
  assert.equal(answer["Überfällig"], "Nein", "answered is never overdue");
  assert.equal(byNumber(rows, declined.number)!.Ablehnungsgrund, "Testaufbau");
});

test("[spotlights/export] formula injection is defused: cells starting with = + - @ tab or CR become text", async () => {
  const rows = rowsOf((await download(participant, "gruppe=organisation")).text);
  assert.equal(byNumber(rows, forwarded.number)!.Titel, "'=HYPERLINK(\"https://example.com\";\"Klick\")");
  assert.equal(byNumber(rows, declined.number)!.Titel, "'@Abgelehnt wegen Dopplung");
  for (const start of ["+", "\t", "\r"]) {
    await db().spotlight.update({ where: { id: otherGroup.id }, data: { title: `${start}SUMME(A1:A9)` } });
    const row = byNumber(rowsOf((await download(participant, "gruppe=technik")).text), otherGroup.number)!;
    assert.equal(row.Titel, `'${start}SUMME(A1:A9)`, JSON.stringify(start));
  }
});

test("[spotlights/export] garbage parameters give the nearest valid export, never an error", async () => {
  for (const query of [
    "gruppe=%00&status=%E0%A4%A&ressort=gibt-es-nicht&sortierung=__proto__&richtung=quer",
    `status=${"x,".repeat(5000)}`,
    `ressort=${"W".repeat(20_000)}`,
    "gruppe=organisation&gruppe=technik&kommune=1&kommune=0",
  ]) {
    const { response, text } = await download(participant, query);
    assert.equal(response.status, 200, query.slice(0, 60));
    assert.ok(rowsOf(text).length >= 1, query.slice(0, 60));
  }
  // an unknown Ressort is dropped, as on the board: everything rather than nothing
  const all = rowsOf((await download(participant)).text).length;
  assert.equal(rowsOf((await download(participant, "ressort=gibt-es-nicht")).text).length, all);
});
