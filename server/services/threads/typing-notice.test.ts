import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makeThread, setThreadLocked } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { typingNotice } from "./typing-notice";

const { actors } = await openTestDatabase();
const { participant, moderator, reader } = actors;

test("[typing] a participant's notice names them; stopped is passed on", async () => {
  const thread = await makeThread(participant);
  assert.deepEqual(await typingNotice(participant, { threadId: thread.id }), {
    threadId: thread.id,
    user: { id: participant.id, name: participant.name },
    stopped: false,
  });
  assert.equal((await typingNotice(participant, { threadId: thread.id, stopped: true })).stopped, true);
});

test("[typing] readers, signed-out callers, unknown threads, locked threads and bad input are refused", async () => {
  const thread = await makeThread(participant);
  await rejectsWithAppError(() => typingNotice(reader, { threadId: thread.id }), "FORBIDDEN");
  await rejectsWithAppError(() => typingNotice(null, { threadId: thread.id }), "UNAUTHORIZED");
  await rejectsWithAppError(() => typingNotice(participant, { threadId: randomUUID() }), "NOT_FOUND");
  await rejectsWithZodMessage(() => typingNotice(participant, { threadId: thread.id, stopped: "ja" }), "Die Angabe „stopped“ muss wahr oder falsch sein.");
  await setThreadLocked(thread.id, true);
  await rejectsWithAppError(() => typingNotice(participant, { threadId: thread.id }), "THREAD_LOCKED");
  assert.equal((await typingNotice(moderator, { threadId: thread.id })).user.id, moderator.id);
});
