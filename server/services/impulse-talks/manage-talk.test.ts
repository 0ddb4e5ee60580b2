import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { toBerlinLocal } from "../../schemas/berlin-time";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makeImpulseTalk } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { samplePdf, samplePng } from "../../../seeds/sample-files";
import { uploadTalkMaterial } from "../attachments/test-helpers";
import { cancelImpulseTalk } from "./cancel-talk";
import { followImpulseTalk, isFollowingImpulseTalk, unfollowImpulseTalk } from "./follow-talk";
import { getImpulseTalk } from "./get-talk";
import { getImpulseTalkForEditing } from "./get-talk-for-editing";
import { updateImpulseTalk } from "./update-talk";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;

const talkNotifications = (userId: string, talkId: string) =>
  db().notification.findMany({ where: { recipientId: userId, kind: "IMPULSE_TALK_CANCELLED", link: `/impulse/${talkId}` } });

test("[impulse] moderation cancels with a reason: kept as cancelled, sequence raised, audited, followers told why", async () => {
  const talk = await makeImpulseTalk(moderator);
  await followImpulseTalk(participant, { talkId: talk.id });
  await followImpulseTalk(reader, { talkId: talk.id });
  const { result, events } = await cancelImpulseTalk(moderator, { talkId: talk.id, reason: "  Die Referentin ist erkrankt. " });
  assert.ok(result.cancelledAt);
  assert.equal(result.cancelReason, "Die Referentin ist erkrankt.");
  assert.equal(result.sequence, talk.sequence + 1);
  assert.deepEqual(await getImpulseTalk(reader, talk.id), result);
  assert.ok(events.some((event) => event.name === "impulse.talkChanged"));
  assert.ok(events.some((event) => event.name === "notification.created"));
  for (const follower of [participant, reader]) {
    const [notification] = await talkNotifications(follower.id, talk.id);
    assert.match(notification?.excerpt ?? "", /^Abgesagt \(.*\): Die Referentin ist erkrankt\.$/);
  }
  assert.deepEqual(await talkNotifications(participant2.id, talk.id), []);
  const audit = await db().auditEntry.findFirstOrThrow({ where: { subjectId: talk.id, action: "impulse.cancel" } });
  assert.deepEqual(audit.details, { title: talk.title, reason: "Die Referentin ist erkrankt." });
});

test("[impulse] cancelling twice, without a reason, by the wrong role or an unknown talk is refused; nothing changes", async () => {
  const talk = await makeImpulseTalk(moderator);
  await rejectsWithZodMessage(() => cancelImpulseTalk(moderator, { talkId: talk.id, reason: " " }), "Bitte geben Sie einen Grund für die Absage ein.");
  await rejectsWithAppError(() => cancelImpulseTalk(participant, { talkId: talk.id, reason: "Weil" }), "FORBIDDEN");
  await rejectsWithAppError(() => cancelImpulseTalk(reader, { talkId: talk.id, reason: "Weil" }), "FORBIDDEN");
  await rejectsWithAppError(() => cancelImpulseTalk(moderator, { talkId: randomUUID(), reason: "Weil" }), "NOT_FOUND", "Diesen Impulsvortrag gibt es nicht.");
  assert.deepEqual(await getImpulseTalk(reader, talk.id), talk);

  const { result } = await cancelImpulseTalk(moderator, { talkId: talk.id, reason: "Erster Grund" });
  await rejectsWithAppError(() => cancelImpulseTalk(admin, { talkId: talk.id, reason: "Zweiter Grund" }), "TALK_CANCELLED");
  assert.deepEqual(await getImpulseTalk(reader, talk.id), result);
  assert.equal(await db().auditEntry.count({ where: { subjectId: talk.id, action: "impulse.cancel" } }), 1);
});

test("[impulse] a talk that has begun or taken place is not cancelled: it stays on record as it happened", async () => {
  for (const startsInHours of [-0.5, -48]) {
    const talk = await makeImpulseTalk(moderator, { startsInHours });
    await rejectsWithAppError(() => cancelImpulseTalk(moderator, { talkId: talk.id, reason: "Nachträglich" }), "TALK_STARTED");
    assert.deepEqual(await getImpulseTalk(reader, talk.id), talk);
  }
});

test("[impulse] following: readers and participants follow and unfollow, twice is harmless, an unknown talk is refused", async () => {
  const talk = await makeImpulseTalk(moderator);
  for (const actor of [reader, participant]) {
    assert.equal(await isFollowingImpulseTalk(actor, talk.id), false);
    assert.deepEqual(await followImpulseTalk(actor, { talkId: talk.id }), { talkId: talk.id, isFollowing: true });
    assert.deepEqual(await followImpulseTalk(actor, { talkId: talk.id }), { talkId: talk.id, isFollowing: true });
    assert.equal(await isFollowingImpulseTalk(actor, talk.id), true);
  }
  assert.equal(await db().impulseTalkFollower.count({ where: { talkId: talk.id } }), 2);
  assert.deepEqual(await unfollowImpulseTalk(reader, { talkId: talk.id }), { talkId: talk.id, isFollowing: false });
  assert.deepEqual(await unfollowImpulseTalk(reader, { talkId: talk.id }), { talkId: talk.id, isFollowing: false });
  assert.equal(await isFollowingImpulseTalk(reader, talk.id), false);
  assert.equal(await isFollowingImpulseTalk(participant, talk.id), true);
  await rejectsWithAppError(() => followImpulseTalk(participant, { talkId: randomUUID() }), "NOT_FOUND");
  await rejectsWithAppError(() => followImpulseTalk(null, { talkId: talk.id }), "UNAUTHORIZED");
  await rejectsWithZodMessage(() => followImpulseTalk(participant, { talkId: "kein-talk" }), "Die Kennung ist ungültig.");
});

test("[impulse] an unfollowed talk's move tells nobody", async () => {
  const talk = await makeImpulseTalk(moderator);
  await followImpulseTalk(participant, { talkId: talk.id });
  await unfollowImpulseTalk(participant, { talkId: talk.id });
  const form = await getImpulseTalkForEditing(moderator, talk.id);
  const later = toBerlinLocal(new Date(Date.parse(talk.startsAt) + 86_400_000));
  const laterEnd = toBerlinLocal(new Date(Date.parse(talk.endsAt) + 86_400_000));
  await updateImpulseTalk(moderator, { ...form, talkId: talk.id, expectedUpdatedAt: form.updatedAt, startsAt: later, endsAt: laterEnd, attachments: [] });
  assert.deepEqual(await talkNotifications(participant.id, talk.id), []);
});

test("[impulse] the edit form reads sources and Berlin wall-clock times; moderation only, not for a cancelled talk", async () => {
  const talk = await makeImpulseTalk(moderator, { startsInHours: 30 });
  const slides = await uploadTalkMaterial(moderator, talk.id, "Folien.pdf", samplePdf("Folien"));
  const photo = await uploadTalkMaterial(moderator, talk.id, "Foto.png", samplePng());
  const loaded = await getImpulseTalkForEditing(moderator, talk.id);
  const { result } = await updateImpulseTalk(moderator, {
    ...loaded,
    talkId: talk.id,
    expectedUpdatedAt: loaded.updatedAt,
    abstract: "Mit **Fettdruck** <b>und</b> Text",
    links: [{ label: "Folien online", url: "https://example.org/folien" }],
    attachments: [{ id: slides.id }, { id: photo.id, alt: "Die Referentin am Pult" }],
  });
  const form = await getImpulseTalkForEditing(admin, talk.id);
  assert.equal(form.abstract, "Mit **Fettdruck** <b>und</b> Text", "the Markdown source, not the HTML");
  assert.equal(form.startsAt, toBerlinLocal(new Date(talk.startsAt)));
  assert.match(form.startsAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  assert.equal(form.endsAt, toBerlinLocal(new Date(talk.endsAt)));
  assert.equal(form.place, "");
  assert.equal(form.recordingUrl, "");
  assert.deepEqual(form.links, [{ label: "Folien online", url: "https://example.org/folien" }]);
  assert.deepEqual(form.materials.map((material) => [material.name, material.alt]), [["Folien.pdf", null], ["Foto.png", "Die Referentin am Pult"]]);
  assert.deepEqual(form.groupIds, talk.groups.map((group) => group.id));
  assert.equal(form.updatedAt, result.updatedAt);

  await rejectsWithAppError(() => getImpulseTalkForEditing(participant, talk.id), "FORBIDDEN");
  await rejectsWithAppError(() => getImpulseTalkForEditing(reader, talk.id), "FORBIDDEN");
  await rejectsWithAppError(() => getImpulseTalkForEditing(moderator, randomUUID()), "NOT_FOUND");
  await cancelImpulseTalk(moderator, { talkId: talk.id, reason: "Abgesagt" });
  await rejectsWithAppError(() => getImpulseTalkForEditing(moderator, talk.id), "TALK_CANCELLED");
});
