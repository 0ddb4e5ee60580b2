import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makePost, makeThread, setThreadLocked } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { getPostSource } from "./post-source";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;

test("[post] the author and moderation get the Markdown source to edit", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Quelle mit **Markdown**");
  for (const actor of [participant, moderator, admin]) {
    assert.deepEqual(await getPostSource(actor, { postId: post.id }), { postId: post.id, body: "Quelle mit **Markdown**" });
  }
});

test("[post] another participant, a reader or a signed-out caller get no source", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Nur für die Autorin");
  await rejectsWithAppError(() => getPostSource(participant2, { postId: post.id }), "FORBIDDEN");
  await rejectsWithAppError(() => getPostSource(reader, { postId: post.id }), "FORBIDDEN");
  await rejectsWithAppError(() => getPostSource(null, { postId: post.id }), "UNAUTHORIZED");
});

test("[post] the source of a post in a locked thread is for moderation only; unknown and malformed ids are refused", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Gesperrt");
  await setThreadLocked(thread.id, true);
  await rejectsWithAppError(() => getPostSource(participant, { postId: post.id }), "THREAD_LOCKED");
  assert.equal((await getPostSource(moderator, { postId: post.id })).body, "Gesperrt");
  await rejectsWithAppError(() => getPostSource(participant, { postId: randomUUID() }), "NOT_FOUND", "Diesen Beitrag gibt es nicht (mehr).");
  await rejectsWithZodMessage(() => getPostSource(participant, { postId: "1 OR 1=1" }), "Die Kennung ist ungültig.");
});
