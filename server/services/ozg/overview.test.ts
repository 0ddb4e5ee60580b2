import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../../db";
import { toBerlinLocal } from "../../schemas/berlin-time";
import { ozgPhaseInfo, ozgPhases, type OzgPhase } from "../../schemas/ozg";
import { rejectsWithAppError } from "../../test/assertions";
import { openTestDatabase } from "../../test/test-db";
import { ozgOverview, type PhaseCounts } from "./overview";
import { ozgMonthLabel, ozgPhaseHistory } from "./phase-history";

const { actors } = await openTestDatabase();
const { reader, participant } = actors;

const sum = (counts: PhaseCounts) => Object.values(counts).reduce((total, n) => total + n, 0);

test("[ozg] overview: every chart adds up to the number of services, Depriorisiert included", async () => {
  const overview = await ozgOverview(reader);
  const total = await db().ozgService.count();
  assert.equal(overview.total, total);
  assert.equal(sum(overview.byPhase), total);
  for (const phase of ozgPhases) assert.equal(overview.byPhase[phase], await db().ozgService.count({ where: { phase } }), phase);
  assert.ok(overview.byPhase.DEPRIORITIZED > 0, "the demo has deprioritised services");

  assert.equal(overview.byRessort.reduce((n, bar) => n + bar.total, 0), total);
  for (const bar of overview.byRessort) assert.equal(sum(bar.counts), bar.total);
  const mid = overview.byRessort.find((bar) => bar.key === "MID")!;
  assert.equal(mid.total, await db().ozgService.count({ where: { ressort: "MID" } }));
  assert.equal(mid.title, "Ministerium für Infrastruktur und Digitales");

  assert.deepEqual(overview.byPriority.slice(0, 4).map((bar) => bar.label), ["1 hoch", "2 mittel", "3 niedrig", "4 kein Bedarf"]);
  assert.equal(overview.byPriority.reduce((n, bar) => n + bar.total, 0), total);
  const depriorisiert = overview.byPriority.reduce((n, bar) => n + bar.counts.DEPRIORITIZED, 0);
  assert.equal(depriorisiert, overview.byPhase.DEPRIORITIZED);

  assert.equal(overview.focus.length, 16);
  assert.ok(overview.focus.some((service) => service.ozgId === "10169"));
  assert.match(overview.lastImport!.fileName ?? "", /^Nachnutzungsuebersicht_\d{4}-\d{2}\.csv$/);
});

test("[ozg] overview: a service without a Ressort or priority gets a bar of its own", async () => {
  const service = await db().ozgService.findUniqueOrThrow({ where: { ozgId: "10000" } });
  await db().ozgService.update({ where: { ozgId: "10000" }, data: { ressort: null, priority: null } });
  try {
    const overview = await ozgOverview(participant);
    assert.equal(overview.byRessort.at(-1)!.label, "ohne Ressort");
    assert.equal(overview.byRessort.at(-1)!.total, 1);
    assert.equal(overview.byPriority.at(-1)!.label, "ohne Priorität");
    assert.equal(overview.byPriority.reduce((n, bar) => n + bar.total, 0), overview.total);
  } finally {
    await db().ozgService.update({ where: { ozgId: "10000" }, data: { ressort: service.ressort, priority: service.priority } });
  }
});

test("[ozg] overview and history: signed out only when public", async () => {
  await rejectsWithAppError(() => ozgOverview(null), "UNAUTHORIZED");
  await rejectsWithAppError(() => ozgPhaseHistory(null), "UNAUTHORIZED");
});

test("[ozg] overview in public mode: visitors see when the last import was, not its file", async () => {
  await db().ozgSettings.update({ where: { id: 1 }, data: { isPublic: true } });
  try {
    const open = await ozgOverview(null);
    assert.ok(open.lastImport, "the demo has an applied import");
    assert.ok(open.lastImport.appliedAt instanceof Date);
    assert.equal(open.lastImport.fileName, null);
    assert.ok(open.total > 0);
    const signedIn = await ozgOverview(reader);
    assert.deepEqual(signedIn.lastImport?.appliedAt, open.lastImport.appliedAt);
    assert.ok(signedIn.lastImport?.fileName);
  } finally {
    await db().ozgSettings.update({ where: { id: 1 }, data: { isPublic: false } });
  }
});

/** Each service's phase at an instant, straight from the history rows, to check the SQL against. */
async function phasesAt(until: Date): Promise<PhaseCounts> {
  const byLabel = new Map(ozgPhases.map((phase) => [ozgPhaseInfo[phase].label, phase]));
  const changes = await db().ozgFieldChange.findMany({ where: { field: "phase", changedAt: { lt: until } }, orderBy: [{ changedAt: "asc" }, { id: "asc" }] });
  const latest = new Map<string, OzgPhase>();
  for (const change of changes) latest.set(change.ozgId, byLabel.get(change.newValue!)!);
  const counts = Object.fromEntries(ozgPhases.map((phase) => [phase, 0])) as PhaseCounts;
  for (const phase of latest.values()) counts[phase]++;
  return counts;
}

test("[ozg] history: a column per month, each as the history says at the month's end; the last is the current state", async () => {
  const now = new Date();
  const history = await ozgPhaseHistory(reader, now);
  assert.equal(history.length, 12, "the demo seeds a year of monthly imports");
  assert.equal(history.at(-1)!.month, toBerlinLocal(now).slice(0, 7));
  assert.deepEqual(history.at(-1)!.counts, (await ozgOverview(reader)).byPhase);
  for (const month of history) assert.equal(month.total, 557, month.month);
  assert.ok(history.some((month) => month.counts.DEPRIORITIZED > 0));
  // progress: more services done at the end than at the start
  assert.ok(history.at(-1)!.counts.DONE >= history[0]!.counts.DONE);

  // the last but one column is what the history rows say at the first instant of this month
  const imports = await db().ozgImport.findMany({ where: { status: "APPLIED" }, orderBy: { appliedAt: "asc" }, select: { appliedAt: true } });
  const thisMonthsImport = imports.at(-1)!.appliedAt!;
  assert.deepEqual(history.at(-2)!.counts, await phasesAt(thisMonthsImport));
  // and the history replayed to now gives the current catalogue
  assert.deepEqual(await phasesAt(new Date(now.getTime() + 1000)), history.at(-1)!.counts);
});

test("[ozg] history: month labels in German", () => {
  assert.equal(ozgMonthLabel("2025-12"), "Dez 2025");
  assert.equal(ozgMonthLabel("2026-03"), "Mär 2026");
});
