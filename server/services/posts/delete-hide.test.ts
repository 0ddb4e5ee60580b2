import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { createPost } from "./create-post";
import { deletePost } from "./delete-post";
import type { PostDto } from "./dto";
import { editPost } from "./edit-post";
import { hidePost, unhidePost } from "./hide-post";
import { listPosts, postsSince } from "./list-posts";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;

const find = (posts: PostDto[], id: string) => posts.find((post) => post.id === id)!;
const auditRowsFor = (postId: string) => db().auditEntry.findMany({ where: { subjectType: "post", subjectId: postId }, orderBy: { createdAt: "asc" } });

test("[delete] the author deletes softly: participants see no text, moderation the original; number, author and replies stay", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Geheimer Inhalt, der verschwinden soll");
  const reply = (await createPost(participant2, { id: randomUUID(), threadId: thread.id, body: "Meine Antwort", replyToPostId: post.id })).result;
  const { result, events } = await deletePost(participant, { postId: post.id });
  assert.ok(result.deletedAt);
  assert.equal(result.number, post.number);

  // the thread room's event holds nothing of the text; moderation's room gets the original
  const [toThread, toModeration] = events;
  assert.equal(toThread.except, `thread-moderation:${thread.id}`);
  assert.doesNotMatch(JSON.stringify(toThread.payload), /Geheimer Inhalt/);
  assert.match(JSON.stringify(toModeration.payload), /Geheimer Inhalt/);

  const forParticipant = find((await listPosts(participant2, { threadId: thread.id })).posts, post.id);
  assert.equal(forParticipant.html, "");
  assert.ok(forParticipant.deletedAt);
  assert.equal(forParticipant.author.id, participant.id);
  const forModeration = find((await listPosts(moderator, { threadId: thread.id })).posts, post.id);
  assert.match(forModeration.html, /Geheimer Inhalt/);
  const stillReply = find((await listPosts(participant2, { threadId: thread.id })).posts, reply.id);
  assert.deepEqual(stillReply.replyTo, { id: post.id, number: post.number, authorName: participant.name });
  assert.match(stillReply.html, /Meine Antwort/);

  // what a reconnecting participant catches up on holds no text either
  const caughtUp = find((await postsSince(participant2, { threadId: thread.id, afterSeq: 0 })).posts, post.id);
  assert.equal(caughtUp.html, "");
  // the count of posts is unchanged: numbers are never reused
  assert.equal((await db().thread.findUniqueOrThrow({ where: { id: thread.id } })).postCount, 3);
});

test("[delete] someone else's post, moderation, a reader and a second delete are refused; nothing changes", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id);
  await rejectsWithAppError(() => deletePost(participant2, { postId: post.id }), "FORBIDDEN");
  await rejectsWithAppError(() => deletePost(moderator, { postId: post.id }), "FORBIDDEN");
  await rejectsWithAppError(() => deletePost(admin, { postId: post.id }), "FORBIDDEN");
  await rejectsWithAppError(() => deletePost(reader, { postId: post.id }), "FORBIDDEN");
  await rejectsWithAppError(() => deletePost(participant, { postId: randomUUID() }), "NOT_FOUND");
  await rejectsWithZodMessage(() => deletePost(participant, { postId: "x".repeat(200) }), "Die Kennung ist ungültig.");
  assert.equal((await db().post.findUniqueOrThrow({ where: { id: post.id } })).deletedAt, null);
  await deletePost(participant, { postId: post.id });
  await rejectsWithAppError(() => deletePost(participant, { postId: post.id }), "POST_DELETED", "Dieser Beitrag ist bereits gelöscht.");
});

test("[delete] a deleted post cannot be edited, not even by moderation", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Vorher");
  await deletePost(participant, { postId: post.id });
  await rejectsWithAppError(() => editPost(participant, { postId: post.id, body: "Nachher" }), "POST_DELETED", "Ein gelöschter Beitrag kann nicht mehr bearbeitet werden.");
  await rejectsWithAppError(() => editPost(moderator, { postId: post.id, body: "Nachher" }), "POST_DELETED");
  assert.equal((await db().post.findUniqueOrThrow({ where: { id: post.id } })).body, "Vorher");
});

test("[hide] moderation hides with a reason: audited, participants see no text and no reason, moderation sees both", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Beleidigender Text");
  const { result, events } = await hidePost(moderator, { postId: post.id, reason: "  Persönlicher Angriff  " });
  assert.ok(result.hiddenAt);
  assert.equal(result.hiddenReason, "Persönlicher Angriff");
  assert.match(result.html, /Beleidigender Text/);
  assert.doesNotMatch(JSON.stringify(events[0].payload), /Beleidigender Text|Persönlicher Angriff/);
  assert.equal(events[1].room, `thread-moderation:${thread.id}`);

  const forParticipant = find((await listPosts(participant2, { threadId: thread.id })).posts, post.id);
  assert.equal(forParticipant.html, "");
  assert.equal(forParticipant.hiddenReason, null);
  assert.ok(forParticipant.hiddenAt);
  // the author too sees it only as hidden, and may not edit it
  assert.equal(find((await listPosts(participant, { threadId: thread.id })).posts, post.id).html, "");
  await rejectsWithAppError(() => editPost(participant, { postId: post.id, body: "Neu" }), "FORBIDDEN");

  const audit = await auditRowsFor(post.id);
  assert.equal(audit.length, 1);
  assert.equal(audit[0].action, "post.hide");
  assert.equal(audit[0].actorId, moderator.id);
  assert.deepEqual(audit[0].details, { reason: "Persönlicher Angriff" });

  const shown = await unhidePost(admin, { postId: post.id });
  assert.equal(shown.result.hiddenAt, null);
  assert.match(find((await listPosts(participant2, { threadId: thread.id })).posts, post.id).html, /Beleidigender Text/);
  assert.deepEqual((await auditRowsFor(post.id)).map((row) => row.action), ["post.hide", "post.unhide"]);
});

test("[hide] participants, readers, a missing reason and hiding twice are refused; nothing changes", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id);
  await rejectsWithAppError(() => hidePost(participant, { postId: post.id, reason: "Ich will das nicht" }), "FORBIDDEN");
  await rejectsWithAppError(() => hidePost(participant2, { postId: post.id, reason: "Ich will das nicht" }), "FORBIDDEN");
  await rejectsWithAppError(() => hidePost(reader, { postId: post.id, reason: "x" }), "FORBIDDEN");
  await rejectsWithAppError(() => unhidePost(participant, { postId: post.id }), "FORBIDDEN");
  await rejectsWithZodMessage(() => hidePost(moderator, { postId: post.id, reason: "\u200b \u00ad" }), "Bitte geben Sie einen Grund für das Ausblenden ein.");
  await rejectsWithZodMessage(() => hidePost(moderator, { postId: post.id, reason: "x".repeat(501) }), "Der Grund darf höchstens 500 Zeichen lang sein.");
  await rejectsWithAppError(() => hidePost(moderator, { postId: randomUUID(), reason: "Grund" }), "NOT_FOUND");
  await rejectsWithAppError(() => unhidePost(moderator, { postId: post.id }), "CONFLICT", "Dieser Beitrag ist nicht ausgeblendet.");
  assert.equal((await db().post.findUniqueOrThrow({ where: { id: post.id } })).hiddenAt, null);
  assert.deepEqual(await auditRowsFor(post.id), []);
  await hidePost(moderator, { postId: post.id, reason: "Grund" });
  await rejectsWithAppError(() => hidePost(moderator, { postId: post.id, reason: "Noch einmal" }), "CONFLICT", "Dieser Beitrag ist bereits ausgeblendet.");
  assert.equal((await auditRowsFor(post.id)).length, 1);
});
