import assert from "node:assert/strict";
import { test } from "node:test";
import { makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { deletePost } from "../posts/delete-post";
import { hidePost } from "../posts/hide-post";
import { markThreadRead } from "../reads/mark-thread-read";
import { listNotifications } from "./list-notifications";

// What a notification shows follows what happened after it was made: reading the thread reads it,
// deleting or hiding the post withdraws its text, and a quoting reply shows the reply's own words.
const { actors } = await openTestDatabase();
const { participant, participant2, moderator } = actors;

const notificationsAbout = async (threadId: string) =>
  (await listNotifications(participant, { page: 1 })).notifications.filter((notification) => notification.threadId === threadId);

test("[notifications] reading a thread up to a post reads the notifications about it, later ones stay unread", async () => {
  const thread = await makeThread(participant); // its author follows it
  const second = await makePost(participant2, thread.id, "Zweiter Beitrag");
  const third = await makePost(participant2, thread.id, "Dritter Beitrag");
  assert.deepEqual((await notificationsAbout(thread.id)).map((n) => [n.postId, n.readAt]), [
    [third.id, null],
    [second.id, null],
  ]);

  const { events } = await markThreadRead(participant, { threadId: thread.id, readUpTo: 2 });
  const read = events.find((e) => e.name === "notification.read");
  assert.ok(read, "the reader's tabs hear of it");
  assert.equal(read.room, `user:${participant.id}`);
  const after = await notificationsAbout(thread.id);
  assert.equal(after.find((n) => n.postId === second.id)?.readAt !== null, true);
  assert.equal(after.find((n) => n.postId === third.id)?.readAt, null);

  // marking the same again changes nothing and tells nobody
  assert.deepEqual((await markThreadRead(participant, { threadId: thread.id, readUpTo: 2 })).events, []);
});

test("[notifications] a quoting reply shows its own words; a deleted or hidden post's text leaves the notification", async () => {
  const thread = await makeThread(participant);
  const reply = await makePost(participant2, thread.id, "> Was der andere schrieb\n\nMeine eigene Antwort dazu");
  const other = await makePost(participant2, thread.id, "Noch ein Gedanke mit Telefonnummer 0391 123456");
  const byPost = async () => new Map((await notificationsAbout(thread.id)).map((n) => [n.postId, n.excerpt]));
  assert.equal((await byPost()).get(reply.id), "Meine eigene Antwort dazu");

  await deletePost(participant2, { postId: reply.id });
  await hidePost(moderator, { postId: other.id, reason: "Telefonnummer" });
  const excerpts = await byPost();
  assert.equal(excerpts.get(reply.id), "Beitrag gelöscht");
  assert.equal(excerpts.get(other.id), "Von der Moderation ausgeblendet");
});
