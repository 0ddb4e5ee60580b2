import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { listThreads } from "../threads/list-threads";
import { markThreadRead } from "./mark-thread-read";
import { lastReadNumber } from "./read-state";

const { actors } = await openTestDatabase();
const { participant, participant2, reader } = actors;

const readUpTo = async (actor: typeof participant, threadId: string, groupId: string) =>
  (await listThreads(actor, { groupId })).readUpTo[threadId];

test("[reads] a thread never opened has no read mark; the list counts from the mark", async () => {
  const thread = await makeThread(participant2);
  await makePost(participant2, thread.id);
  assert.equal(await readUpTo(participant, thread.id, thread.group.id), undefined);
  assert.equal(await lastReadNumber(participant, thread.id), null);

  const { result, events } = await markThreadRead(participant, { threadId: thread.id, readUpTo: 1 });
  assert.deepEqual(result, { threadId: thread.id, lastReadNumber: 1 });
  assert.deepEqual(
    // (the notification about the new thread, read with it, is notifications' business: follow-up-reading.test.ts)
    events.filter((e) => e.name === "reads.updated").map((e) => [e.room, e.name, e.payload]),
    [[`user:${participant.id}`, "reads.updated", { reads: [{ threadId: thread.id, lastReadNumber: 1 }] }]],
  );
  await makePost(participant2, thread.id);
  const page = await listThreads(participant, { groupId: thread.group.id });
  const item = page.threads.find((t) => t.id === thread.id)!;
  assert.equal(item.postCount - page.readUpTo[thread.id], 2, "two posts are new");
});

test("[reads] the mark only moves forward and stops at the last post", async () => {
  const thread = await makeThread(participant2);
  await makePost(participant2, thread.id);
  assert.equal((await markThreadRead(participant, { threadId: thread.id, readUpTo: 999 })).result?.lastReadNumber, 2);
  const older = await markThreadRead(participant, { threadId: thread.id, readUpTo: 1 });
  assert.equal(older.result, null);
  assert.deepEqual(older.events, [], "nothing changed, nothing published");
  assert.equal(await lastReadNumber(participant, thread.id), 2);
});

test("[reads] one's own posts are never new: writing marks the thread read up to the own post", async () => {
  const thread = await makeThread(participant);
  assert.equal(await lastReadNumber(participant, thread.id), 1, "the opener has read the first post");
  await makePost(participant2, thread.id);
  await makePost(participant2, thread.id);
  assert.equal(await lastReadNumber(participant, thread.id), 1);
  await makePost(participant, thread.id, "Meine Antwort");
  assert.equal(await lastReadNumber(participant, thread.id), 4);
  assert.equal(await lastReadNumber(participant2, thread.id), 3, "the other author read up to their own last post");
});

test("[reads] one reader's mark is theirs alone", async () => {
  const thread = await makeThread(participant2);
  await markThreadRead(participant, { threadId: thread.id, readUpTo: 1 });
  assert.equal(await lastReadNumber(actors.moderator, thread.id), null);
  assert.equal(await db().threadRead.count({ where: { threadId: thread.id } }), 2);
});

test("[reads] readers, signed-out callers, unknown threads and bad numbers are refused and change nothing", async () => {
  const thread = await makeThread(participant2);
  await rejectsWithAppError(() => markThreadRead(reader, { threadId: thread.id, readUpTo: 1 }), "FORBIDDEN");
  await rejectsWithAppError(() => markThreadRead(null, { threadId: thread.id, readUpTo: 1 }), "UNAUTHORIZED");
  await rejectsWithAppError(() => markThreadRead(participant, { threadId: randomUUID(), readUpTo: 1 }), "NOT_FOUND");
  for (const bad of [0, -1, 1.5, "1", null, 2 ** 31]) {
    await rejectsWithZodMessage(() => markThreadRead(participant, { threadId: thread.id, readUpTo: bad }), "Die Beitragsnummer ist ungültig.");
  }
  await rejectsWithZodMessage(() => markThreadRead(participant, { threadId: "kaputt", readUpTo: 1 }), "Die Kennung ist ungültig.");
  assert.equal(await db().threadRead.count({ where: { threadId: thread.id, userId: { not: participant2.id } } }), 0);
});
