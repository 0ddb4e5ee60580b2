import assert from "node:assert/strict";
import { test } from "node:test";
import { AppError } from "../../../errors";
import { moreErrorsMessage, newServiceFields, OZG_IMPORT_MAX_ERRORS_SHOWN } from "../../../schemas/ozg-import";
import { buildImportPlan, type CurrentService } from "./plan";
import { readImportTable } from "./read-table";
import { parsePhase, parsePriority } from "./values";

const catalogue: CurrentService[] = [
  { ozgId: "10169", name: "Führerschein", lage: "Mobilität", themenfeld: "Mobilität & Reisen", ressort: "MID", priority: 1, phase: "REUSE_PLANNING", implementationModel: "EfA-Nachnutzung", leadState: "Hessen", isFocus: true, availability: "NONE" },
  { ozgId: "10000", name: "Elterngeld", lage: "Geburt", themenfeld: "Familie & Kind", ressort: "MS", priority: 2, phase: "DONE", implementationModel: null, leadState: null, isFocus: false, availability: "AREA_WIDE" },
  { ozgId: "10519", name: "Baugenehmigung", lage: "Bauen", themenfeld: "Bauen & Wohnen", ressort: null, priority: null, phase: "NOT_STARTED", implementationModel: null, leadState: null, isFocus: false, availability: "NONE" },
];

async function plan(csv: string, current = catalogue) {
  return buildImportPlan(await readImportTable(new Uint8Array(Buffer.from(csv, "utf8"))), current);
}

test("[ozg-import] plan: changed field by field (old → new as the export writes), new, unchanged, missing; absent columns stay", async () => {
  const result = await plan(
    [
      "OZG-ID;Phase;Prio;Zuständiges Ressort;Fokus;Verfügbarkeit;Leistung;Lage;Themenfeld",
      "10169;Pilotierung;1 hoch;Ministerium für Infrastruktur und Digitales;x;teilweise;;;",
      "10000;6;2;ms;nein;flächendeckend verfügbar;Elterngeld;;",
      "99999;Depriorisiert;hoch;MI;ja;ja;Neue Leistung;Neue Lage;Neues Feld",
    ].join("\n"),
  );
  assert.deepEqual(result.errors, []);
  assert.equal(result.rowCount, 3);
  assert.deepEqual(
    result.changed.map((row) => [row.line, row.ozgId, row.changes]),
    [
      [
        2,
        "10169",
        [
          { field: "phase", oldValue: "3. Planung Nachnutzung", newValue: "4. Umsetzung (Pilotierung)" },
          { field: "availability", oldValue: "nicht verfügbar", newValue: "teilweise verfügbar" },
        ],
      ],
    ],
  );
  assert.deepEqual(result.changed[0]!.values, { phase: "PILOT", availability: "PARTIAL" });
  assert.equal(result.unchangedCount, 1);
  assert.deepEqual(
    result.newServices.map((row) => [row.line, row.ozgId, row.name, row.values.phase, row.values.priority, row.values.ressort]),
    [[4, "99999", "Neue Leistung", "DEPRIORITIZED", 1, "MI"]],
  );
  assert.equal(newServiceFields(result.newServices[0]!).find((field) => field.field === "isFocus")?.newValue, "ja");
  assert.deepEqual(result.missing, [{ ozgId: "10519", name: "Baugenehmigung" }]);
  assert.equal(result.isRefused, false);
  // the implementation model column is not in the file: nothing about it changes
  assert.ok(result.changed.every((row) => row.changes.every((change) => change.field !== "implementationModel")));
});

test("[ozg-import] plan: every row error with its line and a German message; rows with errors are not planned", async () => {
  const rows = [
    "OZG-ID;Phase;Priorität;Ressort;Verfügbarkeit;Leistung",
    "10169;7. Fertig;;;;", // 2: unknown phase
    "10000;;5;;;", // 3: priority outside 1–4
    ";3;;;;Ohne ID", // 4: missing ID
    "10519;;;MXY;;", // 5: unknown Ressort
    "10519;;;;;", // 6: duplicate of line 5
    "20000;;;;vielleicht;", // 7: unknown availability, new without name
    ...Array.from({ length: 60 }, (_, i) => `${30000 + i};2;1;MI;nein;Neu ${i}`),
  ];
  const result = await plan(rows.join("\n"), [...catalogue, ...Array.from({ length: 60 }, (_, i) => ({ ...catalogue[2]!, ozgId: String(30000 + i), name: `Neu ${i}` }))]);
  const byLine = (line: number) => result.errors.filter((error) => error.line === line).map((error) => error.message);
  assert.match(byLine(2)[0]!, /^Unbekannte Phase „7\. Fertig“: erlaubt sind Depriorisiert, 0\. Nicht gestartet/);
  assert.match(byLine(3)[0]!, /^Die Priorität „5“ liegt außerhalb von 1–4/);
  assert.deepEqual(byLine(4), ["Die OZG-ID fehlt."]);
  assert.ok(byLine(5).some((message) => message.startsWith("Unbekanntes Ressort „MXY“")));
  assert.ok(byLine(5).includes("Die OZG-ID 10519 steht mehrfach in der Datei: in Zeile 5 und Zeile 6."));
  assert.deepEqual(byLine(6), ["Die OZG-ID 10519 steht mehrfach in der Datei: in Zeile 6 und Zeile 5."]);
  assert.ok(byLine(7).some((message) => message.startsWith("Unbekannte Verfügbarkeit „vielleicht“")));
  assert.ok(byLine(7).some((message) => message.includes("für eine neue Leistung fehlt Namen")));
  assert.equal(result.errorRowCount, 6);
  assert.equal(result.rowCount, 66);
  // 6 of 66 rows are broken (9 %): the rest can be applied
  assert.equal(result.isRefused, false);
  assert.equal(result.changed.length, 60);
  assert.ok(!result.changed.some((row) => ["10169", "10000", "10519"].includes(row.ozgId)));
  assert.deepEqual(result.newServices, []);
  // rows with errors are not "missing": the file names them
  assert.ok(!result.missing.some((row) => row.ozgId === "10519" || row.ozgId === "10169"));
});

test("[ozg-import] plan: a file with 20 % broken rows is refused as a whole, the errors are still listed; 10 % is not", async () => {
  const many = Array.from({ length: 10 }, (_, i) => ({ ...catalogue[2]!, ozgId: String(40000 + i), name: `Leistung ${i}` }));
  const file = (broken: number) => ["OZG-ID;Phase", ...many.map((service, i) => `${service.ozgId};${i < broken ? "Fertig" : "2"}`)].join("\n");
  const twenty = await plan(file(2), many);
  assert.equal(twenty.rowCount, 10);
  assert.equal(twenty.errorRowCount, 2);
  assert.equal(twenty.isRefused, true);
  assert.deepEqual(
    twenty.errors.map((error) => error.line),
    [2, 3],
  );
  const ten = await plan(file(1), many);
  assert.equal(ten.isRefused, false);
  assert.equal(ten.changed.length, 9);
});

test("[ozg-import] plan: values are read tolerantly (phase, priority, Fokus, availability)", async () => {
  const phases = ["4. Umsetzung (Pilotierung)", "4", "Pilotierung", "Umsetzung (Pilotierung)", "umsetzung pilotierung", "PILOT"];
  for (const phase of phases) {
    const result = await plan(`OZG-ID;Phase\n10169;${phase}\n`);
    assert.equal(result.changed[0]?.values.phase, "PILOT", phase);
  }
  assert.equal((await plan("OZG-ID;Phase\n10000;Depriorisiert\n")).changed[0]?.values.phase, "DEPRIORITIZED");
  for (const [value, expected] of [["1 hoch", 1], ["3", 3], ["niedrig", 3], ["4 kein Bedarf", 4], ["", null]] as const) {
    const result = await plan(`OZG-ID;Priorität\n10000;${value}\n`);
    assert.equal(result.errors.length, 0, value);
    assert.equal(result.changed[0]?.values.priority, expected, value);
  }
  assert.match((await plan("OZG-ID;Priorität\n10000;0\n")).errors[0]!.message, /außerhalb von 1–4/);
  assert.match((await plan("OZG-ID;Priorität\n10000;2 hoch\n")).errors[0]!.message, /Unbekannte Priorität/);
  for (const [value, expected] of [["ja", true], ["X", true], ["1", true], ["wahr", true], ["nein", false], ["0", false], ["falsch", false], ["", false]] as const) {
    const result = await plan(`OZG-ID;Fokusleistung\n10519;${value}\n10169;${value}\n`);
    assert.equal(result.errors.length, 0, value);
    const row = result.changed.find((changed) => changed.values.isFocus !== undefined);
    assert.equal(row?.values.isFocus, expected, value);
  }
  for (const [value, expected] of [["teilweise", "PARTIAL"], ["Flächendeckend", "AREA_WIDE"], ["ja", "AREA_WIDE"], ["teilweise verfügbar", "PARTIAL"]] as const) {
    assert.equal((await plan(`OZG-ID;Verfügbarkeit\n10519;${value}\n`)).changed[0]?.values.availability, expected, value);
  }
});

test("[ozg-import] plan: a file without an OZG ID column is refused, naming the columns it has", async () => {
  await assert.rejects(
    () => plan("Leistung;Phase\nFührerschein;4\n"),
    (error: unknown) => error instanceof AppError && error.code === "IMPORT_INVALID" && /keine Spalte mit der OZG-ID .* Gefunden: „Leistung“, „Phase“/.test(error.message),
  );
});

test("[ozg-import] plan: the same values again plan no change", async () => {
  const result = await plan("OZG-ID;Leistung;Phase;Priorität;Ressort;Fokusleistung;Flächendeckende Verfügbarkeit\n10169;Führerschein;3. Planung Nachnutzung;1 hoch;MID;ja;nicht verfügbar\n");
  assert.equal(result.changed.length, 0);
  assert.equal(result.unchangedCount, 1);
});

test("[ozg-import] plan: at most 1,000 errors are stored, the total is counted, and the refusal counts every broken row", async () => {
  const rows = Array.from({ length: 1_500 }, (_, i) => `${50_000 + i};Fertig`);
  const result = await plan(["OZG-ID;Phase", ...rows].join("\n"), []);
  assert.equal(result.errors.length, OZG_IMPORT_MAX_ERRORS_SHOWN);
  assert.equal(result.errorCount, 3_000, "two per row: the phase, and the name a new service lacks");
  assert.equal(result.errorRowCount, 1_500);
  assert.equal(result.isRefused, true);
  assert.equal(result.errors[0]?.line, 2, "the first errors by line are kept");
  assert.equal(moreErrorsMessage(result), "… und 2.000 weitere Fehler");
  assert.equal(moreErrorsMessage({ errors: [], errorCount: 1 }), "… und 1 weiterer Fehler");
  assert.equal(moreErrorsMessage({ errors: [], errorCount: 0 }), null);
});

test("[ozg-import] values: a sign or a decimal part is refused, not dropped (\"-1\" is no priority 1, \"-3\" no phase 3)", () => {
  for (const raw of ["-1", "−1", "-4", "0", "5"]) {
    const parsed = parsePriority(raw);
    assert.ok(!parsed.ok, raw);
    assert.equal(parsed.message, `Die Priorität „${raw}“ liegt außerhalb von 1–4 (1 hoch, 2 mittel, 3 niedrig, 4 kein Bedarf).`);
  }
  for (const raw of ["2,0", "1.5", "+2", "2,0 mittel"]) {
    const parsed = parsePriority(raw);
    assert.ok(!parsed.ok, raw);
    assert.match(parsed.message, /^Die Priorität „.+“ ist keine ganze Zahl ohne Vorzeichen/, raw);
  }
  for (const [raw, expected] of [["1", 1], [" 2 mittel ", 2], ["1 - hoch", 1], ["hoch", 1], ["", null]] as const) {
    assert.deepEqual(parsePriority(raw), { ok: true, value: expected }, raw);
  }
  const negative = parsePhase("-3");
  assert.ok(!negative.ok);
  assert.match(negative.message, /^Die Phase „-3“ liegt außerhalb von 0–6/);
  for (const raw of ["2,0", "3.5", "+3"]) {
    const parsed = parsePhase(raw);
    assert.ok(!parsed.ok, raw);
    assert.match(parsed.message, /^Die Phase „.+“ ist keine ganze Zahl ohne Vorzeichen/, raw);
  }
  assert.deepEqual(parsePhase("3. Planung Nachnutzung"), { ok: true, value: "REUSE_PLANNING" });
  assert.deepEqual(parsePhase("0"), { ok: true, value: "NOT_STARTED" });
});

test("[ozg-import] plan: a cell the export defused (\"'=X\") reads as the value itself: no change", async () => {
  const formulaLike = [{ ...catalogue[2]!, name: "=X", implementationModel: "-EfA", leadState: "@Land" }];
  const result = await plan("OZG-ID;Leistung;Umsetzungsmodell;Themenfeldführendes Land\n10519;'=X;'-EfA;'@Land\n", formulaLike);
  assert.equal(result.unchangedCount, 1);
  assert.deepEqual(result.changed, []);
  const kept = await plan("OZG-ID;Leistung\n10519;'Apostroph\n", [{ ...catalogue[2]!, name: "'Apostroph" }]);
  assert.equal(kept.unchangedCount, 1, "an apostrophe before anything else is part of the value");
});
