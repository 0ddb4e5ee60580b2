import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../../db";
import { makePost, makeThread } from "../../test/factories";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { postLink } from "./kinds";
import { notify, type NotificationInput } from "./notify";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader, admin } = actors;

const inputFor = (overrides: Partial<NotificationInput> & Pick<NotificationInput, "recipientIds">): NotificationInput => ({
  kind: "THREAD_POST",
  actorId: participant.id,
  title: "Austausch zur E-Akte",
  excerpt: "Ein neuer Beitrag",
  link: "/",
  ...overrides,
});

const recipientsOf = (events: Awaited<ReturnType<typeof notify>>) => events.map((e) => e.room).sort();

test("[notify] stores one notification per recipient and returns an event to each user room with the unread count", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Hallo zusammen");
  const before = await db().notification.count({ where: { recipientId: participant2.id, readAt: null } });
  const events = await notify(db(), [inputFor({ recipientIds: [participant2.id, moderator.id], threadId: thread.id, postId: post.id, link: postLink(post.id) })]);
  assert.deepEqual(recipientsOf(events), [`user:${moderator.id}`, `user:${participant2.id}`].sort());
  const toParticipant2 = events.find((e) => e.room === `user:${participant2.id}`);
  assert.ok(toParticipant2 && toParticipant2.name === "notification.created");
  const payload = toParticipant2.payload as { notification: { kind: string; actor: { id: string } | null; link: string; readAt: string | null }; unreadCount: number };
  assert.equal(payload.notification.kind, "THREAD_POST");
  assert.equal(payload.notification.actor?.id, participant.id);
  assert.equal(payload.notification.link, `/beitraege/${post.id}`);
  assert.equal(payload.notification.readAt, null);
  assert.equal(payload.unreadCount, before + 1);
  assert.equal(await db().notification.count({ where: { postId: post.id } }), 2);
});

test("[notify] drops the actor, deactivated users, readers, users who switched the kind off and users who muted the thread", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id);
  const deactivated = await createTestUser("PARTICIPANT");
  await db().user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } });
  const kindOff = await createTestUser("PARTICIPANT");
  await db().notificationSettings.create({ data: { userId: kindOff.id, unsubscribeToken: `t-${kindOff.id}`, disabledKinds: ["THREAD_POST"] } });
  const muting = await createTestUser("PARTICIPANT");
  await db().threadSubscription.create({ data: { userId: muting.id, threadId: thread.id, level: "MUTED" } });
  const events = await notify(db(), [
    inputFor({
      recipientIds: [participant.id, deactivated.id, reader.id, kindOff.id, muting.id, admin.id, "00000000-0000-4000-8000-000000000000"],
      threadId: thread.id,
      postId: post.id,
    }),
  ]);
  assert.deepEqual(recipientsOf(events), [`user:${admin.id}`]);
  assert.equal(await db().notification.count({ where: { postId: post.id } }), 1);

  // the kind switched off is only that kind; the mute is only that thread
  const other = await makeThread(participant2);
  const more = await notify(db(), [inputFor({ kind: "NEW_THREAD", recipientIds: [kindOff.id, muting.id], actorId: participant2.id, threadId: other.id })]);
  assert.deepEqual(recipientsOf(more), [`user:${kindOff.id}`, `user:${muting.id}`].sort());
});

test("[notify] a mute silences mentions from that thread too", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "@Teilnehmerin bitte schauen");
  await db().threadSubscription.upsert({
    where: { userId_threadId: { userId: participant2.id, threadId: thread.id } },
    create: { userId: participant2.id, threadId: thread.id, level: "MUTED" },
    update: { level: "MUTED" },
  });
  assert.deepEqual(await notify(db(), [inputFor({ kind: "MENTION", recipientIds: [participant2.id], threadId: thread.id, postId: post.id })]), []);
  await db().threadSubscription.delete({ where: { userId_threadId: { userId: participant2.id, threadId: thread.id } } });
});

test("[notify] readers get subjects open to every signed-in user when the input says so", async () => {
  const events = await notify(db(), [inputFor({ kind: "REPORT_OUTCOME", recipientIds: [reader.id], actorId: moderator.id, readAction: null, link: "/benachrichtigungen" })]);
  assert.deepEqual(recipientsOf(events), [`user:${reader.id}`]);
});

test("[notify] one person gets one notification per post: the most specific kind wins, and a later call adds none", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "@Teilnehmerin was meinen Sie?");
  const base = { threadId: thread.id, postId: post.id };
  const events = await notify(db(), [
    inputFor({ ...base, kind: "THREAD_POST", recipientIds: [participant2.id, moderator.id] }),
    inputFor({ ...base, kind: "REPLY", recipientIds: [moderator.id] }),
    inputFor({ ...base, kind: "MENTION", recipientIds: [participant2.id, participant2.id] }),
  ]);
  assert.equal(events.length, 2);
  const kinds = await db().notification.findMany({ where: { postId: post.id }, select: { recipientId: true, kind: true } });
  assert.deepEqual(
    kinds.sort((a, b) => a.recipientId.localeCompare(b.recipientId)),
    [
      { recipientId: participant2.id, kind: "MENTION" },
      { recipientId: moderator.id, kind: "REPLY" },
    ].sort((a, b) => a.recipientId.localeCompare(b.recipientId)),
  );
  assert.deepEqual(await notify(db(), [inputFor({ ...base, kind: "MENTION", recipientIds: [participant2.id, moderator.id] })]), []);
});

test("[notify] titles and excerpts are stored as short single-line plain text", async () => {
  const long = `${"Wort".repeat(100)}\n\u200B zweite Zeile`;
  const events = await notify(db(), [inputFor({ kind: "REPORT_OUTCOME", recipientIds: [participant2.id], title: long, excerpt: `\u200B${long.repeat(3)}`, readAction: null })]);
  const { notification } = events[0].payload as { notification: { title: string; excerpt: string } };
  assert.equal([...notification.title].length, 200);
  assert.ok(notification.title.endsWith("…"));
  assert.ok(!notification.title.includes("\n"));
  assert.equal([...notification.excerpt].length, 300);
  assert.ok(!notification.excerpt.startsWith("\u200B"));
});

test("[notify] no candidates or nobody left stores nothing", async () => {
  const before = await db().notification.count();
  assert.deepEqual(await notify(db(), []), []);
  assert.deepEqual(await notify(db(), [inputFor({ recipientIds: [] })]), []);
  assert.deepEqual(await notify(db(), [inputFor({ recipientIds: [participant.id] })]), []);
  assert.equal(await db().notification.count(), before);
});
