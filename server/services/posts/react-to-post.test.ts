import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import type { PostDto } from "./dto";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { deletePost } from "./delete-post";
import { hidePost } from "./hide-post";
import { listPosts } from "./list-posts";
import { reactToPost } from "./react-to-post";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;

const reactionCount = (postId: string) => db().postReaction.count({ where: { postId } });
const payloadOf = (events: { payload: unknown }[], index: number) => events[index].payload as { post: PostDto; seq: number };

test("[reaction] a participant reacts: counts with names per kind, a new seq, and the post pushed live in both views", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id);
  await reactToPost(participant2, { postId: post.id, kind: "👍", active: true });
  const { result, events } = await reactToPost(moderator, { postId: post.id, kind: "👍", active: true });
  await reactToPost(moderator, { postId: post.id, kind: "🎉", active: true });
  assert.deepEqual(result.reactions, [{ kind: "👍", users: [{ id: participant2.id, name: participant2.name }, { id: moderator.id, name: moderator.name }] }]);
  assert.ok(result.changeSeq > post.changeSeq);
  assert.equal(events.length, 2);
  assert.equal(events[0].name, "post.updated");
  assert.equal(payloadOf(events, 0).post.reactions[0].users.length, 2);

  // the page reads every post's reactions, in the order of the set
  const page = await listPosts(participant, { threadId: thread.id });
  const listed = page.posts.find((entry) => entry.id === post.id);
  assert.deepEqual(listed?.reactions.map((reaction) => [reaction.kind, reaction.users.length]), [["👍", 2], ["🎉", 1]]);
});

test("[reaction] taking a reaction back removes only one's own", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id);
  await reactToPost(participant, { postId: post.id, kind: "❤️", active: true });
  await reactToPost(participant2, { postId: post.id, kind: "❤️", active: true });
  const { result } = await reactToPost(participant, { postId: post.id, kind: "❤️", active: false });
  assert.deepEqual(result.reactions, [{ kind: "❤️", users: [{ id: participant2.id, name: participant2.name }] }]);
});

test("[reaction] reacting twice with the same kind is refused in German and changes nothing", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id);
  await reactToPost(participant2, { postId: post.id, kind: "👀", active: true });
  const seqBefore = (await db().thread.findUniqueOrThrow({ where: { id: thread.id } })).seq;
  await rejectsWithAppError(() => reactToPost(participant2, { postId: post.id, kind: "👀", active: true }), "CONFLICT", "Sie haben bereits mit 👀 reagiert.");
  await rejectsWithAppError(() => reactToPost(participant2, { postId: post.id, kind: "🤔", active: false }), "CONFLICT", "Sie haben nicht mit 🤔 reagiert.");
  assert.equal(await reactionCount(post.id), 1);
  assert.equal((await db().thread.findUniqueOrThrow({ where: { id: thread.id } })).seq, seqBefore);
});

test("[reaction] a kind outside the set, garbage and a reader are refused; nothing is stored", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id);
  await rejectsWithZodMessage(() => reactToPost(participant, { postId: post.id, kind: "💩", active: true }), "Diese Reaktion gibt es nicht. Möglich sind 👍 ❤️ 🎉 🤔 👀.");
  await rejectsWithZodMessage(() => reactToPost(participant, { postId: post.id, kind: "👍".repeat(200), active: true }), "Diese Reaktion gibt es nicht. Möglich sind 👍 ❤️ 🎉 🤔 👀.");
  await rejectsWithZodMessage(() => reactToPost(participant, { postId: "kaputt", kind: "👍", active: true }), "Die Kennung ist ungültig.");
  await rejectsWithAppError(() => reactToPost(reader, { postId: post.id, kind: "👍", active: true }), "FORBIDDEN");
  await rejectsWithAppError(() => reactToPost(null, { postId: post.id, kind: "👍", active: true }), "UNAUTHORIZED");
  await rejectsWithAppError(() => reactToPost(participant, { postId: randomUUID(), kind: "👍", active: true }), "NOT_FOUND");
  assert.equal(await reactionCount(post.id), 0);
});

test("[reaction] deleted and hidden posts take no reactions; a hidden one does not even exist for participants", async () => {
  const thread = await makeThread(participant);
  const deleted = await makePost(participant, thread.id);
  await deletePost(participant, { postId: deleted.id });
  await rejectsWithAppError(() => reactToPost(participant2, { postId: deleted.id, kind: "👍", active: true }), "POST_DELETED");
  const hidden = await makePost(participant, thread.id);
  await hidePost(moderator, { postId: hidden.id, reason: "Test" });
  await rejectsWithAppError(() => reactToPost(participant2, { postId: hidden.id, kind: "👍", active: true }), "NOT_FOUND");
  await rejectsWithAppError(() => reactToPost(moderator, { postId: hidden.id, kind: "👍", active: true }), "POST_DELETED");
});

test("[reaction] the thread page reads reactions with one query, not one per post", async () => {
  const thread = await makeThread(participant);
  for (let i = 0; i < 5; i++) {
    const post = await makePost(participant, thread.id, `Beitrag ${i}`);
    await reactToPost(participant2, { postId: post.id, kind: "👍", active: true });
  }
  const queries: string[] = [];
  const original = db().postReaction.findMany.bind(db().postReaction);
  (db().postReaction as { findMany: unknown }).findMany = (...args: Parameters<typeof original>) => {
    queries.push("findMany");
    return original(...args);
  };
  try {
    const page = await listPosts(participant, { threadId: thread.id });
    assert.equal(page.posts.filter((post) => post.reactions.length === 1).length, 5);
  } finally {
    (db().postReaction as { findMany: unknown }).findMany = original;
  }
  assert.equal(queries.length, 1);
});
