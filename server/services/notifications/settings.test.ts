import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makePost, makeThread } from "../../test/factories";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { notificationKinds } from "./kinds";
import { getNotificationSettings, updateNotificationSettings } from "./settings";
import { setThreadSubscription } from "./thread-subscription";

const { actors } = await openTestDatabase();
const { participant } = actors;

test("[notifications] without settings every kind is on and no digest is sent", async () => {
  const user = await createTestUser("PARTICIPANT");
  assert.deepEqual(await getNotificationSettings(user), { disabledKinds: [], digest: "OFF" });
});

test("[notifications] a user switches a kind off and the digest on; the kind no longer notifies them", async () => {
  const user = await createTestUser("PARTICIPANT");
  const { result } = await updateNotificationSettings(user, { disabledKinds: ["THREAD_POST", "THREAD_POST"], digest: "DAILY" });
  assert.deepEqual(result, { disabledKinds: ["THREAD_POST"], digest: "DAILY" });
  assert.deepEqual(await getNotificationSettings(user), result);
  const row = await db().notificationSettings.findUniqueOrThrow({ where: { userId: user.id } });
  assert.match(row.unsubscribeToken, /^[A-Za-z0-9_-]{43}$/);
  assert.ok(row.lastDigestAt, "the digest period starts when it is switched on");

  const thread = await makeThread(participant);
  await setThreadSubscription(user, { threadId: thread.id, level: "FOLLOWING" });
  await makePost(participant, thread.id, "Folgt, aber Beiträge ausgeschaltet");
  assert.equal(await db().notification.count({ where: { recipientId: user.id } }), 0);
});

test("[notifications] settings: readers may set theirs, signed out may not, bad kinds and frequencies are refused", async () => {
  assert.equal((await updateNotificationSettings(actors.reader, { disabledKinds: [], digest: "WEEKLY" })).result.digest, "WEEKLY");
  await rejectsWithAppError(() => updateNotificationSettings(null, { disabledKinds: [], digest: "OFF" }), "UNAUTHORIZED");
  await rejectsWithAppError(() => getNotificationSettings(null), "UNAUTHORIZED");
  await rejectsWithZodMessage(() => updateNotificationSettings(participant, { disabledKinds: ["ALLES"], digest: "OFF" }), "Diese Art von Benachrichtigung gibt es nicht.");
  await rejectsWithZodMessage(
    () => updateNotificationSettings(participant, { disabledKinds: [], digest: "STÜNDLICH" }),
    "Bitte wählen Sie, wie oft Sie eine E-Mail bekommen möchten.",
  );
  await rejectsWithZodMessage(
    () => updateNotificationSettings(participant, { disabledKinds: Array(notificationKinds.length + 1).fill("MENTION"), digest: "OFF" }),
    "Bitte wählen Sie jede Art höchstens einmal.",
  );
});
