import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { PAGE_MAX } from "../../schemas/paging";
import { THREADS_PER_PAGE } from "../../schemas/thread";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { groupIdBySlug, makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { listThreads } from "./list-threads";
import { moderateThread } from "./moderate-thread";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);

test("[thread] the list shows pinned threads first, then by last activity", async () => {
  const groupId = await groupIdBySlug("organisation");
  const a = await makeThread(participant, { group: "organisation", title: "A" });
  const b = await makeThread(participant, { group: "organisation", title: "B" });
  const c = await makeThread(participant, { group: "organisation", title: "C" });
  const d = await makeThread(participant, { group: "organisation", title: "D" });
  for (const [thread, hours] of [[a, 4], [b, 3], [c, 2], [d, 1]] as const) {
    await db().thread.update({ where: { id: thread.id }, data: { lastActivityAt: hoursAgo(hours) } });
  }
  // a new post brings A to the top of the unpinned threads
  await makePost(participant2, a.id, "Neu");
  await moderateThread(moderator, { threadId: b.id, isPinned: true });
  await moderateThread(moderator, { threadId: c.id, isPinned: true });

  const { threads: list } = await listThreads(participant, { groupId });
  const mine = new Set([a.id, b.id, c.id, d.id]);
  assert.deepEqual(
    list.filter((t) => mine.has(t.id)).map((t) => t.title),
    ["C", "B", "A", "D"],
  );
  const first = list.find((t) => t.id === a.id)!;
  assert.equal(first.postCount, 2);
  assert.equal(first.lastPostAuthor?.id, participant2.id);
  assert.equal(first.author.id, participant.id);
});

test("[thread] the list holds only the group's threads", async () => {
  const elsewhere = await makeThread(participant, { group: "strategie", title: "Anderswo" });
  const list = await listThreads(participant, { groupId: await groupIdBySlug("organisation") });
  assert.equal(list.threads.some((t) => t.id === elsewhere.id), false);
  const own = await listThreads(participant, { groupId: await groupIdBySlug("strategie") });
  assert.equal(own.threads.some((t) => t.id === elsewhere.id), true);
});

test("[thread] a well-formed but unknown group is NOT_FOUND, like an unknown thread", async () => {
  await rejectsWithAppError(() => listThreads(participant, { groupId: randomUUID() }), "NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  await rejectsWithZodMessage(() => listThreads(participant, { groupId: "technik" }), "Die Kennung ist ungültig.");
});

test("[thread] a group with many threads pages its list; a page past the end gives the last page", async () => {
  const groupId = await groupIdBySlug("umsetzung");
  const before = (await listThreads(participant, { groupId })).total;
  for (let i = 0; i < THREADS_PER_PAGE + 5 - (before % THREADS_PER_PAGE); i++) await makeThread(participant, { group: "umsetzung", title: `Seite ${i}` });
  const first = await listThreads(participant, { groupId });
  assert.equal(first.page, 1);
  assert.equal(first.threads.length, THREADS_PER_PAGE);
  assert.equal(first.pageCount, Math.ceil(first.total / THREADS_PER_PAGE));
  assert.equal(first.total % THREADS_PER_PAGE, 5);
  const last = await listThreads(participant, { groupId, page: PAGE_MAX });
  assert.equal(last.page, first.pageCount);
  assert.equal(last.threads.length, 5);
  const seen = new Set<string>();
  for (let page = 1; page <= first.pageCount; page++) for (const t of (await listThreads(participant, { groupId, page })).threads) seen.add(t.id);
  assert.equal(seen.size, first.total, "every thread on exactly one page");
  await rejectsWithZodMessage(() => listThreads(participant, { groupId, page: 0 }), "Zu klein: erwartet, dass number >=1 ist");
});

test("[thread] the seeded demo thread is pinned in Technik", async () => {
  const { threads: list } = await listThreads(participant, { groupId: await groupIdBySlug("technik") });
  assert.equal(list[0].title, "Vorstellungsrunde: Wo steht Ihre Kommune bei der Anbindung?");
  assert.equal(list[0].isPinned, true);
  assert.equal(list[0].postCount, 4);
});

test("[thread] listing: reader FORBIDDEN, signed out UNAUTHORIZED", async () => {
  const groupId = await groupIdBySlug("technik");
  await rejectsWithAppError(() => listThreads(reader, { groupId }), "FORBIDDEN");
  await rejectsWithAppError(() => listThreads(null, { groupId }), "UNAUTHORIZED");
});
