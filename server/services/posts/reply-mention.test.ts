import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { mentionedUserIds, mentionMarkdown } from "../../schemas/post";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { setUserActive } from "../users/manage-users";
import { createUser } from "../users/create-user";
import { createPost } from "./create-post";
import { editPost } from "./edit-post";
import { hidePost } from "./hide-post";
import { locatePost } from "./locate-post";
import { listPosts } from "./list-posts";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;

const notificationsOf = (recipientId: string, postId: string) => db().notification.findMany({ where: { recipientId, postId } });
const send = (actor: typeof participant, threadId: string, body: string, replyToPostId?: string | null) =>
  createPost(actor, { id: randomUUID(), threadId, body, replyToPostId });

test("[reply] a reply stores the post it answers, shows 'Antwort auf' data and notifies that post's author with its permalink", async () => {
  const thread = await makeThread(participant);
  const original = await makePost(participant, thread.id, "Was meinen die anderen?");
  const { result, events } = await send(participant2, thread.id, "> Was meinen die anderen?\n\nGute Frage.", original.id);
  assert.deepEqual(result.replyTo, { id: original.id, number: original.number, authorName: participant.name });
  const [notification] = await notificationsOf(participant.id, result.id);
  assert.equal(notification.kind, "REPLY");
  assert.equal(notification.link, `/beitraege/${result.id}`);
  assert.ok(events.some((event) => event.name === "notification.created" && event.room === `user:${participant.id}`));
  const listed = (await listPosts(moderator, { threadId: thread.id })).posts.find((post) => post.id === result.id);
  assert.deepEqual(listed?.replyTo, result.replyTo);
});

test("[reply] answering a post of another thread, a missing post or one hidden from the writer is refused; nothing is posted", async () => {
  const thread = await makeThread(participant);
  const other = await makeThread(participant);
  const elsewhere = await makePost(participant, other.id);
  const hidden = await makePost(participant, thread.id);
  await hidePost(moderator, { postId: hidden.id, reason: "Test" });
  const before = (await db().thread.findUniqueOrThrow({ where: { id: thread.id } })).postCount;
  const refusal = "Der Beitrag, auf den Sie antworten, ist in diesem Thema nicht (mehr) vorhanden.";
  await rejectsWithAppError(() => send(participant2, thread.id, "Antwort", elsewhere.id), "NOT_FOUND", refusal);
  await rejectsWithAppError(() => send(participant2, thread.id, "Antwort", randomUUID()), "NOT_FOUND", refusal);
  await rejectsWithAppError(() => send(participant2, thread.id, "Antwort", hidden.id), "NOT_FOUND", refusal);
  await rejectsWithZodMessage(() => send(participant2, thread.id, "Antwort", "kaputt"), "Die Kennung ist ungültig.");
  assert.equal((await db().thread.findUniqueOrThrow({ where: { id: thread.id } })).postCount, before);
  // moderation may still answer a hidden post, e.g. to explain why
  assert.ok((await send(moderator, thread.id, "Hinweis der Moderation", hidden.id)).result.replyTo);
});

test("[mention] mentioning notifies each mentioned person once; a reply that also mentions is one notification, not two", async () => {
  const thread = await makeThread(participant);
  const original = await makePost(participant, thread.id);
  const body = `Hallo ${mentionMarkdown(participant)} und ${mentionMarkdown(moderator)}, siehe auch ${mentionMarkdown(moderator)}`;
  const { result } = await send(participant2, thread.id, body, original.id);
  assert.match(result.html, /<span class="mention">@[^<]+<\/span>/);
  const toParticipant = await notificationsOf(participant.id, result.id);
  assert.deepEqual(toParticipant.map((n) => n.kind), ["MENTION"]);
  assert.deepEqual((await notificationsOf(moderator.id, result.id)).map((n) => n.kind), ["MENTION"]);
  // the writer mentioning themselves is not notified
  const self = await send(participant2, thread.id, `Ich, ${mentionMarkdown(participant2)}`);
  assert.deepEqual(await notificationsOf(participant2.id, self.result.id), []);
});

test("[mention] a reader or a deactivated person mentioned gets no notification, so nothing leaks the thread", async () => {
  const thread = await makeThread(participant, { title: `Vertraulich ${randomUUID().slice(0, 6)}` });
  const gone = await createUser({ email: `weg-${randomUUID().slice(0, 8)}@kommune.example`, name: "Ehemals Aktiv", organisation: "Gemeinde Alt", role: "PARTICIPANT", password: "lang-genug-123" });
  await setUserActive(admin, { userId: gone.id, isActive: false });
  const { result, events } = await send(participant, thread.id, `${mentionMarkdown(reader)} und ${mentionMarkdown(gone)}`);
  assert.deepEqual(await db().notification.findMany({ where: { recipientId: { in: [reader.id, gone.id] } } }), []);
  assert.ok(!events.some((event) => event.room === `user:${reader.id}` || event.room === `user:${gone.id}`));
  assert.match(result.html, /@/);
});

test("[mention] a mention added by an edit notifies, a repeated edit does not notify again", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Ohne Erwähnung");
  await editPost(participant, { postId: post.id, body: `Jetzt mit ${mentionMarkdown(participant2)}` });
  await editPost(participant, { postId: post.id, body: `Jetzt mit ${mentionMarkdown(participant2)}!` });
  assert.equal((await notificationsOf(participant2.id, post.id)).length, 1);
});

test("[mention] the stored format yields distinct ids only from well-formed mentions", () => {
  const id = randomUUID();
  assert.deepEqual(mentionedUserIds(`@[A](user:${id}) @[B](user:${id.toUpperCase()}) [C](user:${randomUUID()}) @[D](user:kaputt)`), [id]);
  assert.equal(mentionMarkdown({ id, name: "Anna [x] \\ Schmidt" }), `@[Anna x  Schmidt](user:${id})`);
});

test("[permalink] a post's location is its thread's page with the anchor, also deep in a long thread", async () => {
  const thread = await makeThread(participant);
  const first = await makePost(participant, thread.id, "Früh");
  const located = await locatePost(participant2, { postId: first.id });
  assert.equal(located.url, `/arbeitsgruppen/technik/themen/${thread.id}?seite=1#beitrag-2`);
  // a post numbered 601 is on page 13 (50 per page)
  await db().thread.update({ where: { id: thread.id }, data: { postCount: 600 } });
  const deep = await makePost(participant, thread.id, "Spät");
  assert.equal(deep.number, 601);
  assert.equal((await locatePost(moderator, { postId: deep.id })).url, `/arbeitsgruppen/technik/themen/${thread.id}?seite=13#beitrag-601`);
  await rejectsWithAppError(() => locatePost(reader, { postId: first.id }), "FORBIDDEN");
  await rejectsWithAppError(() => locatePost(null, { postId: first.id }), "UNAUTHORIZED");
  await rejectsWithAppError(() => locatePost(participant, { postId: randomUUID() }), "NOT_FOUND");
  await rejectsWithZodMessage(() => locatePost(participant, { postId: "../../etc" }), "Die Kennung ist ungültig.");
});
