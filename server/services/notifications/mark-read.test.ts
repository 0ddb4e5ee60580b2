import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import type { EventPayload } from "../../realtime/events";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { markAllNotificationsRead, markNotificationRead } from "./mark-read";
import { notify } from "./notify";

const { actors } = await openTestDatabase();
const { moderator, participant2 } = actors;

async function notificationFor(recipientId: string): Promise<string> {
  const [created] = await notify(db(), [{ kind: "REPORT_OUTCOME", recipientIds: [recipientId], actorId: moderator.id, title: "Meldung", excerpt: "", link: "/", readAction: null }]);
  return (created.payload as EventPayload<"notification.created">).notification.id;
}

test("[notifications] opening one marks it read, tells the user's other tabs, and a second time changes nothing", async () => {
  const user = await createTestUser("PARTICIPANT");
  const first = await notificationFor(user.id);
  await notificationFor(user.id);
  const { result, events } = await markNotificationRead(user, { notificationId: first });
  assert.equal(result.unreadCount, 1);
  assert.deepEqual(events.map((e) => [e.room, e.name]), [[`user:${user.id}`, "notification.read"]]);
  assert.deepEqual((events[0].payload as EventPayload<"notification.read">).ids, [first]);
  const again = await markNotificationRead(user, { notificationId: first });
  assert.equal(again.result.unreadCount, 1);
  assert.deepEqual(again.events, []);
});

test("[notifications] another person's notification cannot be marked: NOT_FOUND, and it stays unread", async () => {
  const owner = await createTestUser("PARTICIPANT");
  const id = await notificationFor(owner.id);
  for (const other of [participant2, moderator, actors.admin, actors.reader]) {
    await rejectsWithAppError(() => markNotificationRead(other, { notificationId: id }), "NOT_FOUND", "Diese Benachrichtigung gibt es nicht.");
  }
  await rejectsWithAppError(() => markNotificationRead(owner, { notificationId: randomUUID() }), "NOT_FOUND");
  await rejectsWithAppError(() => markNotificationRead(null, { notificationId: id }), "UNAUTHORIZED");
  await rejectsWithZodMessage(() => markNotificationRead(owner, { notificationId: "abc" }), "Die Kennung ist ungültig.");
  assert.equal((await db().notification.findUniqueOrThrow({ where: { id } })).readAt, null);
});

test("[notifications] 'Alle als gelesen markieren' reads only the actor's own", async () => {
  const user = await createTestUser("PARTICIPANT");
  const other = await createTestUser("PARTICIPANT");
  await notificationFor(user.id);
  await notificationFor(user.id);
  await notificationFor(other.id);
  const { result, events } = await markAllNotificationsRead(user);
  assert.equal(result.unreadCount, 0);
  assert.deepEqual((events[0].payload as EventPayload<"notification.read">).ids, null);
  assert.equal(await db().notification.count({ where: { recipientId: user.id, readAt: null } }), 0);
  assert.equal(await db().notification.count({ where: { recipientId: other.id, readAt: null } }), 1);
  assert.deepEqual((await markAllNotificationsRead(user)).events, []);
  await rejectsWithAppError(() => markAllNotificationsRead(null), "UNAUTHORIZED");
});
