import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../../db";
import { NOTIFICATIONS_PER_PAGE } from "../../schemas/notification";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { countUnreadNotifications, listNotifications } from "./list-notifications";
import { notify } from "./notify";

const { actors } = await openTestDatabase();
const { participant, moderator } = actors;

const outcome = (recipientId: string, title: string) =>
  notify(db(), [{ kind: "REPORT_OUTCOME", recipientIds: [recipientId], actorId: moderator.id, title, excerpt: "Erledigt", link: "/", readAction: null }]);

test("[notifications] a user lists their own notifications, newest first, with the unread count", async () => {
  const user = await createTestUser("PARTICIPANT");
  await outcome(user.id, "Erste");
  await outcome(user.id, "Zweite");
  await outcome(participant.id, "Für jemand anderen");
  const page = await listNotifications(user, { page: 1 });
  assert.deepEqual(page.notifications.map((n) => n.title), ["Zweite", "Erste"]);
  assert.equal(page.unreadCount, 2);
  assert.equal(page.notifications[0].actor?.id, moderator.id);
  assert.equal(page.pageCount, 1);
});

test("[notifications] the list pages; a page past the end gives the last", async () => {
  const user = await createTestUser("READER");
  for (let i = 0; i < NOTIFICATIONS_PER_PAGE + 2; i++) await outcome(user.id, `Nr. ${i}`);
  const first = await listNotifications(user, { page: 1 });
  assert.equal(first.notifications.length, NOTIFICATIONS_PER_PAGE);
  assert.equal(first.pageCount, 2);
  const last = await listNotifications(user, { page: 99 });
  assert.equal(last.page, 2);
  assert.deepEqual(last.notifications.map((n) => n.title), ["Nr. 1", "Nr. 0"]);
});

test("[notifications] a reader may list (later domains notify readers); signed out is UNAUTHORIZED; bad input refused", async () => {
  assert.equal((await listNotifications(actors.reader, {})).page, 1);
  await rejectsWithAppError(() => listNotifications(null, {}), "UNAUTHORIZED");
  await rejectsWithZodMessage(() => listNotifications(participant, { page: 0 }), "Zu klein: erwartet, dass number >=1 ist");
});

test("[notifications] the header's unread count is the actor's own", async () => {
  const user = await createTestUser("PARTICIPANT");
  await outcome(user.id, "Eins");
  assert.equal(await countUnreadNotifications(user), 1);
  await rejectsWithAppError(() => countUnreadNotifications(null), "UNAUTHORIZED");
});
