import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError } from "../../test/assertions";
import { makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { moderateThread } from "./moderate-thread";

const { actors } = await openTestDatabase();
const { participant, moderator, admin, reader } = actors;

const auditFor = (threadId: string) =>
  db().auditEntry.findMany({ where: { subjectType: "thread", subjectId: threadId }, orderBy: { createdAt: "asc" } });

test("[thread] a participant may not pin or lock, not even their own thread", async () => {
  const thread = await makeThread(participant);
  await rejectsWithAppError(() => moderateThread(participant, { threadId: thread.id, isPinned: true }), "FORBIDDEN");
  await rejectsWithAppError(() => moderateThread(reader, { threadId: thread.id, isLocked: true }), "FORBIDDEN");
  await rejectsWithAppError(() => moderateThread(null, { threadId: thread.id, isLocked: true }), "UNAUTHORIZED");
  const row = await db().thread.findUniqueOrThrow({ where: { id: thread.id } });
  assert.equal(row.isPinned, false);
  assert.equal(row.isLocked, false);
  assert.deepEqual(await auditFor(thread.id), []);
});

test("[thread] a moderator pins and locks; each change is audited with before and after", async () => {
  const thread = await makeThread(participant);

  const pinned = await moderateThread(moderator, { threadId: thread.id, isPinned: true });
  assert.equal(pinned.result.isPinned, true);
  assert.equal(pinned.result.isLocked, false);
  assert.equal(pinned.result.seq, 2);

  const locked = await moderateThread(moderator, { threadId: thread.id, isLocked: true });
  assert.equal(locked.result.isPinned, true, "pinning is kept when only the lock changes");
  assert.equal(locked.result.isLocked, true);
  assert.equal(locked.result.seq, 3);

  const row = await db().thread.findUniqueOrThrow({ where: { id: thread.id } });
  assert.equal(row.isPinned, true);
  assert.equal(row.isLocked, true);

  const audit = await auditFor(thread.id);
  assert.equal(audit.length, 2);
  assert.ok(audit.every((entry) => entry.action === "thread.moderate" && entry.actorId === moderator.id));
  // jsonb does not keep key order, so compare structurally, in the order of the changes
  const details = audit.map((entry) => entry.details as { after: { isLocked: boolean } });
  details.sort((x, y) => Number(x.after.isLocked) - Number(y.after.isLocked));
  assert.deepEqual(details, [
    { before: { isPinned: false, isLocked: false }, after: { isPinned: true, isLocked: false } },
    { before: { isPinned: true, isLocked: false }, after: { isPinned: true, isLocked: true } },
  ]);
});

test("[thread] moderation pushes the new state to the thread and its group", async () => {
  const thread = await makeThread(participant);
  const { result, events } = await moderateThread(admin, { threadId: thread.id, isLocked: true });
  assert.deepEqual(
    events.map((e) => [e.room, e.name]),
    [
      [`thread:${thread.id}`, "thread.updated"],
      [`group:${thread.group.id}`, "group.thread"],
    ],
  );
  assert.deepEqual(events[0].payload, { thread: result, seq: result.seq });
  const listed = (events[1].payload as { thread: { id: string; isLocked: boolean } }).thread;
  assert.equal(listed.id, thread.id);
  assert.equal(listed.isLocked, true);
});

test("[thread] a moderation without a change is BAD_INPUT; an unknown thread NOT_FOUND", async () => {
  const thread = await makeThread(participant);
  await rejectsWithAppError(() => moderateThread(moderator, { threadId: thread.id }), "BAD_INPUT", "Bitte geben Sie an, was geändert werden soll.");
  await rejectsWithAppError(() => moderateThread(moderator, { threadId: randomUUID(), isPinned: true }), "NOT_FOUND");
  assert.deepEqual(await auditFor(thread.id), []);
});

test("[thread] unlocking and unpinning work the same way", async () => {
  const thread = await makeThread(participant);
  await moderateThread(moderator, { threadId: thread.id, isPinned: true, isLocked: true });
  const { result } = await moderateThread(moderator, { threadId: thread.id, isPinned: false, isLocked: false });
  assert.equal(result.isPinned, false);
  assert.equal(result.isLocked, false);
  assert.equal((await auditFor(thread.id)).length, 2);
});
