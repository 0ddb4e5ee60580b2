import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { groupIdBySlug, makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { recentActivity } from "../activity/recent-activity";
import { listThreads } from "./list-threads";
import { moveThread } from "./move-thread";
import { renameThread } from "./rename-thread";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;

const auditFor = (threadId: string, action: string) =>
  db().auditEntry.findMany({ where: { subjectType: "thread", subjectId: threadId, action }, orderBy: { createdAt: "asc" } });

test("[thread] a moderator renames a thread: audited with the old and new title, pushed to thread, group and feed", async () => {
  const thread = await makeThread(participant, { title: "Alter Titel" });
  const { result, events } = await renameThread(moderator, { threadId: thread.id, title: "  Neuer\u200B Titel  " });
  assert.equal(result.title, "Neuer Titel");
  assert.equal(result.seq, thread.seq + 1);
  assert.equal((await db().thread.findUniqueOrThrow({ where: { id: thread.id } })).title, "Neuer Titel");
  const [entry] = await auditFor(thread.id, "thread.rename");
  assert.equal(entry.actorId, moderator.id);
  assert.deepEqual(entry.details, { before: { title: "Alter Titel" }, after: { title: "Neuer Titel" } });
  assert.deepEqual(
    events.map((e) => [e.room, e.name]),
    [
      [`thread:${thread.id}`, "thread.updated"],
      [`group:${thread.group.id}`, "group.thread"],
      ["activity", "activity.thread"],
    ],
  );
  assert.deepEqual(events[2].payload, { thread: { id: thread.id, title: result.title }, group: thread.group });
});

test("[thread] renaming is refused to participants, readers and signed-out callers; nothing changes", async () => {
  const thread = await makeThread(participant, { title: "Bleibt so" });
  await rejectsWithAppError(() => renameThread(participant, { threadId: thread.id, title: "Eigenes Thema umbenannt" }), "FORBIDDEN");
  await rejectsWithAppError(() => renameThread(participant2, { threadId: thread.id, title: "Fremd" }), "FORBIDDEN");
  await rejectsWithAppError(() => renameThread(reader, { threadId: thread.id, title: "Lesend" }), "FORBIDDEN");
  await rejectsWithAppError(() => renameThread(null, { threadId: thread.id, title: "Abgemeldet" }), "UNAUTHORIZED");
  assert.equal((await db().thread.findUniqueOrThrow({ where: { id: thread.id } })).title, "Bleibt so");
  assert.deepEqual(await auditFor(thread.id, "thread.rename"), []);
});

test("[thread] a rename with an empty, invisible, too long or unchanged title is refused in German", async () => {
  const thread = await makeThread(participant, { title: "Gleich" });
  await rejectsWithZodMessage(() => renameThread(moderator, { threadId: thread.id, title: "\u200B\u2060 " }), "Bitte geben Sie einen Titel ein.");
  await rejectsWithZodMessage(() => renameThread(moderator, { threadId: thread.id, title: "x".repeat(201) }), "Der Titel darf höchstens 200 Zeichen lang sein.");
  await rejectsWithAppError(() => renameThread(moderator, { threadId: thread.id, title: " Gleich " }), "BAD_INPUT", "Der neue Titel ist derselbe wie der bisherige.");
  await rejectsWithAppError(() => renameThread(moderator, { threadId: randomUUID(), title: "Niemand" }), "NOT_FOUND");
  assert.deepEqual(await auditFor(thread.id, "thread.rename"), []);
});

test("[thread] a moderator moves a thread: it leaves the old group's list and appears in the new one, posts and feed follow", async () => {
  const thread = await makeThread(participant, { group: "technik", title: `Umzug ${randomUUID().slice(0, 6)}` });
  const reply = await makePost(participant2, thread.id, "Antwort vor dem Umzug");
  const strategie = await groupIdBySlug("strategie");
  const { result, events } = await moveThread(admin, { threadId: thread.id, groupId: strategie });
  assert.equal(result.group.slug, "strategie");
  assert.equal(result.postCount, 2, "posts move with the thread");
  const [entry] = await auditFor(thread.id, "thread.move");
  assert.equal(entry.actorId, admin.id);
  assert.deepEqual(entry.details, { before: { group: thread.group }, after: { group: result.group } });
  assert.deepEqual(
    events.map((e) => [e.room, e.name]),
    [
      [`thread:${thread.id}`, "thread.updated"],
      [`group:${thread.group.id}`, "group.threadRemoved"],
      [`group:${strategie}`, "group.thread"],
      ["activity", "activity.thread"],
    ],
  );
  assert.deepEqual(events[1].payload, { groupId: thread.group.id, threadId: thread.id });
  const oldList = await listThreads(participant, { groupId: thread.group.id });
  const newList = await listThreads(participant, { groupId: strategie });
  assert.ok(!oldList.threads.some((t) => t.id === thread.id));
  assert.ok(newList.threads.some((t) => t.id === thread.id));
  const item = (await recentActivity(participant)).find((i) => i.postId === reply.id);
  assert.equal(item?.group.slug, "strategie");
});

test("[thread] moving is refused below moderation, to the same group, to an unknown group or thread", async () => {
  const thread = await makeThread(participant, { group: "technik" });
  const umsetzung = await groupIdBySlug("umsetzung");
  await rejectsWithAppError(() => moveThread(participant, { threadId: thread.id, groupId: umsetzung }), "FORBIDDEN");
  await rejectsWithAppError(() => moveThread(reader, { threadId: thread.id, groupId: umsetzung }), "FORBIDDEN");
  await rejectsWithAppError(() => moveThread(null, { threadId: thread.id, groupId: umsetzung }), "UNAUTHORIZED");
  await rejectsWithAppError(() => moveThread(moderator, { threadId: thread.id, groupId: thread.group.id }), "BAD_INPUT", "Das Thema ist bereits in der Arbeitsgruppe Technik.");
  await rejectsWithAppError(() => moveThread(moderator, { threadId: thread.id, groupId: randomUUID() }), "NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  await rejectsWithAppError(() => moveThread(moderator, { threadId: randomUUID(), groupId: umsetzung }), "NOT_FOUND");
  await rejectsWithZodMessage(() => moveThread(moderator, { threadId: thread.id, groupId: "technik" }), "Die Kennung ist ungültig.");
  assert.equal((await db().thread.findUniqueOrThrow({ where: { id: thread.id } })).groupId, thread.group.id);
  assert.deepEqual(await auditFor(thread.id, "thread.move"), []);
});
