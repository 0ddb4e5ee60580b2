import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../../db";
import { OZG_PAGE_SIZE } from "../../schemas/ozg";
import { rejectsWithAppError } from "../../test/assertions";
import { openTestDatabase } from "../../test/test-db";
import { allOzgServices, listOzgServices } from "./list-services";

const { actors } = await openTestDatabase();
const { reader, participant } = actors;

test("[ozg] the seeded catalogue: 557 services with LeiKa services and demo statuses of a year", async () => {
  assert.equal(await db().ozgService.count(), 557);
  assert.equal(await db().ozgLeikaService.count(), 5_249 - 26);
  assert.equal(await db().ozgService.count({ where: { isFocus: true } }), 16);
  assert.equal(await db().ozgImport.count({ where: { status: "APPLIED" } }), 12);
  const settings = await db().ozgSettings.findUniqueOrThrow({ where: { id: 1 } });
  assert.equal(settings.isDemoData, true);
  // every service has a phase in its history, and the last recorded phase is the current one
  const führerschein = await db().ozgService.findUniqueOrThrow({ where: { ozgId: "10169" } });
  const lastPhase = await db().ozgFieldChange.findFirstOrThrow({ where: { ozgId: "10169", field: "phase" }, orderBy: { changedAt: "desc" } });
  assert.ok(lastPhase.newValue?.length);
  assert.equal(führerschein.isFocus, true);
});

test("[ozg] list: filters, counts and pages on the server; a page past the end shows the last", async () => {
  const all = await listOzgServices(reader, {});
  assert.equal(all.total, 557);
  assert.equal(all.rows.length, OZG_PAGE_SIZE);
  assert.equal(all.pageCount, Math.ceil(557 / OZG_PAGE_SIZE));
  assert.equal(all.rows[0]!.ozgId, "10000");

  const last = await listOzgServices(reader, { page: 99_999 });
  assert.equal(last.page, all.pageCount);
  assert.equal(last.rows.length, 557 - (all.pageCount - 1) * OZG_PAGE_SIZE);

  const focus = await listOzgServices(participant, { focusOnly: true, sort: "phase", direction: "desc" });
  assert.equal(focus.total, 16);
  const order = ["DEPRIORITIZED", "NOT_STARTED", "INITIALISATION", "REUSE_REVIEW", "REUSE_PLANNING", "PILOT", "ROLLOUT", "DONE"];
  const phases = focus.rows.map((row) => order.indexOf(row.phase));
  assert.deepEqual(phases, [...phases].sort((a, b) => b - a));

  const mid = await listOzgServices(reader, { ressorts: ["MID"], phases: ["DONE", "ROLLOUT"], themenfeld: "Mobilität & Reisen" });
  assert.ok(mid.total > 0);
  for (const row of mid.rows) {
    assert.equal(row.ressort, "MID");
    assert.ok(["DONE", "ROLLOUT"].includes(row.phase));
    assert.equal(row.themenfeld, "Mobilität & Reisen");
  }
});

test("[ozg] list: free text finds German word forms, a part of a name, the OZG ID and a LeiKa key", async () => {
  const stem = await listOzgServices(reader, { query: "Führerscheine" });
  assert.ok(stem.rows.some((row) => row.ozgId === "10169"));
  const part = await listOzgServices(reader, { query: "baugenehm" });
  assert.ok(part.rows.some((row) => row.ozgId === "10519"));
  const byId = await listOzgServices(reader, { query: "10169" });
  assert.deepEqual(byId.rows.map((row) => row.ozgId), ["10169"]);
  const byLeika = await listOzgServices(reader, { query: "99041006017000" });
  assert.deepEqual(byLeika.rows.map((row) => row.ozgId), ["10000"]);
  const pasted = await listOzgServices(reader, { query: "Führer\u200bschein" });
  assert.ok(pasted.rows.some((row) => row.ozgId === "10169"), "a zero-width space pasted inside the word is ignored");
  const wildcard = await listOzgServices(reader, { query: "%_%" });
  assert.equal(wildcard.total, 0);
});

test("[ozg] list: signed out only once moderation made the overview public", async () => {
  await rejectsWithAppError(() => listOzgServices(null, {}), "UNAUTHORIZED");
  await db().ozgSettings.update({ where: { id: 1 }, data: { isPublic: true } });
  try {
    assert.equal((await listOzgServices(null, {})).total, 557);
  } finally {
    await db().ozgSettings.update({ where: { id: 1 }, data: { isPublic: false } });
  }
});

test("[ozg] export rows carry the LeiKa keys and keep the table's order", async () => {
  const rows = await allOzgServices({ sort: "name", direction: "asc", page: 1, query: "Elterngeld" });
  const elterngeld = rows.find((row) => row.ozgId === "10000");
  assert.ok(elterngeld?.leikaKeys?.includes("99041006000000"));
});
