import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../../db";
import { toBerlinLocal } from "../../schemas/berlin-time";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { groupIdBySlug, makeThread } from "../../test/factories";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { moveThread } from "../threads/move-thread";
import { renameThread } from "../threads/rename-thread";
import { auditActors, listAuditEntries, startOfDay } from "./list-audit";

const { actors } = await openTestDatabase();
const { participant, moderator, admin } = actors;

test("[audit] entries are filtered by kind, person and period, and paged", async () => {
  const otherModerator = await createTestUser("MODERATOR");
  const thread = await makeThread(participant, { title: "Protokollfilter" });
  await renameThread(moderator, { threadId: thread.id, title: "Protokollfilter (umbenannt)" });
  await renameThread(otherModerator, { threadId: thread.id, title: "Protokollfilter (zweimal)" });
  await moveThread(moderator, { threadId: thread.id, groupId: await groupIdBySlug("umsetzung") });

  const renames = await listAuditEntries(admin, { action: "thread.rename" });
  assert.ok(renames.entries.length >= 2);
  assert.ok(renames.entries.every((entry) => entry.action === "thread.rename"));
  assert.equal(renames.entries[0].subjectLabel, "„Protokollfilter (zweimal)“");

  const byOther = await listAuditEntries(admin, { actorId: otherModerator.id });
  assert.deepEqual(byOther.entries.map((entry) => entry.action), ["thread.rename"]);
  const movesByModerator = await listAuditEntries(admin, { action: "thread.move", actorId: moderator.id });
  assert.ok(movesByModerator.entries.some((entry) => entry.subjectId === thread.id));

  // the filter's days are Berlin days: from 22:00/23:00 UTC on, UTC is still on the day before
  const today = toBerlinLocal(new Date()).slice(0, 10);
  const [aLongTimeAgo] = ["2001-01-01"];
  assert.equal((await listAuditEntries(admin, { actorId: otherModerator.id, from: today, to: today })).total, 1);
  assert.equal((await listAuditEntries(admin, { actorId: otherModerator.id, to: aLongTimeAgo })).total, 0);
  // a period given backwards is read forwards
  assert.equal((await listAuditEntries(admin, { actorId: otherModerator.id, from: "2099-01-01", to: aLongTimeAgo })).total, 1);

  const persons = await auditActors(admin);
  assert.ok(persons.some((person) => person.id === otherModerator.id));
  assert.ok(!persons.some((person) => person.id === participant.id), "only people who acted");
});

test("[audit] a page past the end is the last page; more than a page of entries is split", async () => {
  const thread = await makeThread(participant, { title: "Viele Einträge" });
  const rows = Array.from({ length: 60 }, (_, i) => ({ actorId: moderator.id, action: "thread.moderate", subjectType: "thread", subjectId: thread.id, createdAt: new Date(Date.UTC(2020, 0, 1, 0, i)) }));
  await db().auditEntry.createMany({ data: rows });
  const first = await listAuditEntries(admin, { action: "thread.moderate", from: "2020-01-01", to: "2020-01-01" });
  assert.equal(first.total, 60);
  assert.equal(first.pageCount, 2);
  assert.equal(first.entries.length, 50);
  const last = await listAuditEntries(admin, { action: "thread.moderate", from: "2020-01-01", to: "2020-01-01", page: 99 });
  assert.equal(last.page, 2);
  assert.equal(last.entries.length, 10);
});

test("[audit] days are Berlin days", () => {
  assert.equal(startOfDay("2026-01-15").toISOString(), "2026-01-14T23:00:00.000Z");
  assert.equal(startOfDay("2026-07-15").toISOString(), "2026-07-14T22:00:00.000Z");
});

test("[audit] only administration reads the log; bad filters get a German message", async () => {
  await rejectsWithAppError(() => listAuditEntries(moderator, {}), "FORBIDDEN");
  await rejectsWithAppError(() => listAuditEntries(participant, {}), "FORBIDDEN");
  await rejectsWithAppError(() => listAuditEntries(null, {}), "UNAUTHORIZED");
  await rejectsWithAppError(() => auditActors(moderator), "FORBIDDEN");
  await rejectsWithZodMessage(() => listAuditEntries(admin, { action: "user.delete" }), "Diese Art von Eintrag gibt es nicht.");
  await rejectsWithZodMessage(() => listAuditEntries(admin, { from: "2026-02-30" }), "Dieses Datum gibt es nicht.");
  await rejectsWithZodMessage(() => listAuditEntries(admin, { to: "gestern" }), "Bitte geben Sie ein Datum im Format JJJJ-MM-TT an.");
  await rejectsWithZodMessage(() => listAuditEntries(admin, { actorId: "admin" }), "Die Kennung ist ungültig.");
});
