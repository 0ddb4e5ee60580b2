import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { groupIdBySlug, makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { listThreads } from "../threads/list-threads";
import { markGroupRead } from "./mark-group-read";
import { markThreadRead } from "./mark-thread-read";
import { unreadThreadsByGroup } from "./read-state";

const { actors } = await openTestDatabase();
const { participant, participant2, reader } = actors;

const unreadIn = async (groupId: string) => {
  const page = await listThreads(participant, { groupId });
  return page.threads.filter((t) => (page.readUpTo[t.id] ?? 0) < t.postCount).map((t) => t.id);
};

test("[reads] marking a group read marks all its threads, and only that group's", async () => {
  const groupId = await groupIdBySlug("organisation");
  const a = await makeThread(participant2, { group: "organisation" });
  const b = await makeThread(participant2, { group: "organisation" });
  await makePost(participant2, b.id);
  await markThreadRead(participant, { threadId: b.id, readUpTo: 1 });
  const elsewhere = await makeThread(participant2, { group: "strategie" });
  assert.ok((await unreadIn(groupId)).includes(a.id));
  assert.ok((await unreadIn(groupId)).includes(b.id));
  const before = await unreadThreadsByGroup(participant);
  assert.ok(before[groupId] >= 2);

  const { result, events } = await markGroupRead(participant, { groupId });
  assert.ok(result.some((r) => r.threadId === a.id && r.lastReadNumber === 1));
  assert.ok(result.some((r) => r.threadId === b.id && r.lastReadNumber === 2));
  assert.equal(result.some((r) => r.threadId === elsewhere.id), false);
  assert.deepEqual(events.map((e) => [e.room, e.name]), [[`user:${participant.id}`, "reads.updated"]]);
  assert.deepEqual(await unreadIn(groupId), []);
  const after = await unreadThreadsByGroup(participant);
  assert.equal(after[groupId], undefined);
  assert.ok(after[elsewhere.group.id] >= 1);

  const again = await markGroupRead(participant, { groupId });
  assert.deepEqual(again, { result: [], events: [] }, "nothing new: nothing published");

  await makePost(participant2, a.id);
  assert.deepEqual(await unreadIn(groupId), [a.id], "a later post is new again");
});

test("[reads] marking a group read is refused for readers, signed-out callers and unknown groups", async () => {
  const groupId = await groupIdBySlug("organisation");
  await rejectsWithAppError(() => markGroupRead(reader, { groupId }), "FORBIDDEN");
  await rejectsWithAppError(() => markGroupRead(null, { groupId }), "UNAUTHORIZED");
  await rejectsWithAppError(() => markGroupRead(participant, { groupId: randomUUID() }), "NOT_FOUND");
  await rejectsWithZodMessage(() => markGroupRead(participant, { groupId: "x".repeat(200) }), "Die Kennung ist ungültig.");
  await rejectsWithAppError(() => unreadThreadsByGroup(reader), "FORBIDDEN");
});
