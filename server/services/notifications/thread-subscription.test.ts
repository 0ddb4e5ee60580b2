import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { getThreadSubscription, setThreadSubscription } from "./thread-subscription";

const { actors } = await openTestDatabase();
const { participant, participant2, reader } = actors;

test("[notifications] opening a thread or posting in it follows it; an explicit choice stays when posting again", async () => {
  const thread = await makeThread(participant);
  assert.equal((await getThreadSubscription(participant, { threadId: thread.id })).level, "FOLLOWING");
  assert.equal((await getThreadSubscription(participant2, { threadId: thread.id })).level, "NORMAL");
  await makePost(participant2, thread.id);
  assert.equal((await getThreadSubscription(participant2, { threadId: thread.id })).level, "FOLLOWING");

  assert.deepEqual((await setThreadSubscription(participant2, { threadId: thread.id, level: "NORMAL" })).result, { threadId: thread.id, level: "NORMAL" });
  await makePost(participant2, thread.id);
  assert.equal((await getThreadSubscription(participant2, { threadId: thread.id })).level, "NORMAL");
  await setThreadSubscription(participant2, { threadId: thread.id, level: "MUTED" });
  assert.equal((await getThreadSubscription(participant2, { threadId: thread.id })).level, "MUTED");
});

test("[notifications] following: readers FORBIDDEN, signed out UNAUTHORIZED, unknown thread NOT_FOUND, bad level refused", async () => {
  const thread = await makeThread(participant);
  await rejectsWithAppError(() => setThreadSubscription(reader, { threadId: thread.id, level: "FOLLOWING" }), "FORBIDDEN");
  await rejectsWithAppError(() => getThreadSubscription(reader, { threadId: thread.id }), "FORBIDDEN");
  await rejectsWithAppError(() => setThreadSubscription(null, { threadId: thread.id, level: "FOLLOWING" }), "UNAUTHORIZED");
  await rejectsWithAppError(() => setThreadSubscription(participant, { threadId: randomUUID(), level: "FOLLOWING" }), "NOT_FOUND", "Dieses Thema gibt es nicht.");
  await rejectsWithAppError(() => getThreadSubscription(participant, { threadId: randomUUID() }), "NOT_FOUND");
  await rejectsWithZodMessage(
    () => setThreadSubscription(participant, { threadId: thread.id, level: "ALLES" }),
    "Bitte wählen Sie Folgen, Nicht mehr folgen oder Stummschalten.",
  );
});
