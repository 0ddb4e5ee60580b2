import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../../db";
import type { EventPayload } from "../../realtime/events";
import { makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { createPost } from "../posts/create-post";
import { setThreadSubscription } from "./thread-subscription";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator } = actors;

const kindsFor = async (postId: string) =>
  (await db().notification.findMany({ where: { postId }, select: { recipientId: true, kind: true } })).map((n) => `${n.recipientId}:${n.kind}`).sort();

test("[notifications] a new thread notifies the members of its group, not its author", async () => {
  // Technik: the moderator and both participants are members; the reader is in no group
  const thread = await makeThread(participant, { group: "technik", title: "Neu in Technik" });
  const firstPost = await db().post.findFirstOrThrow({ where: { threadId: thread.id }, select: { id: true } });
  assert.deepEqual(await kindsFor(firstPost.id), [`${participant2.id}:NEW_THREAD`, `${moderator.id}:NEW_THREAD`].sort());
  const row = await db().notification.findFirstOrThrow({ where: { postId: firstPost.id, recipientId: participant2.id } });
  assert.equal(row.title, "Neu in Technik");
  assert.equal(row.link, `/beitraege/${firstPost.id}`);
  assert.equal(row.threadId, thread.id);
});

test("[notifications] a post notifies the thread's followers with the post's link, and its author follows from then on", async () => {
  const thread = await makeThread(participant, { group: "strategie" });
  await setThreadSubscription(moderator, { threadId: thread.id, level: "FOLLOWING" });
  const { result: post, events } = await createPost(participant2, { id: crypto.randomUUID(), threadId: thread.id, body: "**Wichtig**: bitte lesen" });
  assert.deepEqual(await kindsFor(post.id), [`${participant.id}:THREAD_POST`, `${moderator.id}:THREAD_POST`].sort());
  const toParticipant = events.find((e) => e.room === `user:${participant.id}`);
  assert.ok(toParticipant);
  const payload = toParticipant.payload as EventPayload<"notification.created">;
  assert.equal(payload.notification.excerpt, "Wichtig: bitte lesen");
  assert.equal(payload.notification.link, `/beitraege/${post.id}`);
  assert.equal(payload.notification.actor?.id, participant2.id);

  // participant2 follows now: the next post by someone else reaches them
  const next = await makePost(participant, thread.id, "Danke!");
  assert.deepEqual(await kindsFor(next.id), [`${participant2.id}:THREAD_POST`, `${moderator.id}:THREAD_POST`].sort());
});

test("[notifications] whoever stopped following or muted a thread hears nothing more from it", async () => {
  const thread = await makeThread(participant, { group: "strategie" });
  await makePost(participant2, thread.id);
  await setThreadSubscription(participant, { threadId: thread.id, level: "MUTED" });
  await setThreadSubscription(participant2, { threadId: thread.id, level: "NORMAL" });
  const post = await makePost(moderator, thread.id, "Hört das jemand?");
  assert.deepEqual(await kindsFor(post.id), []);
});

test("[notifications] a retried post notifies nobody a second time", async () => {
  const thread = await makeThread(participant, { group: "strategie" });
  const input = { id: crypto.randomUUID(), threadId: thread.id, body: "Einmal" };
  const first = await createPost(participant2, input);
  const second = await createPost(participant2, input);
  assert.equal(first.events.filter((e) => e.name === "notification.created").length, 1);
  // only the thread hears of it again (the process that stored it may have died before publishing)
  assert.deepEqual(second.events.map((published) => published.name), ["post.created"]);
  assert.equal(await db().notification.count({ where: { postId: input.id } }), 1);
});
