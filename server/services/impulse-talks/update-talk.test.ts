import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import type { EventPayload } from "../../realtime/events";
import { toBerlinLocal } from "../../schemas/berlin-time";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { berlinLocalIn, makeImpulseTalk } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { samplePdf, samplePng } from "../../../seeds/sample-files";
import { uploadTalkMaterial } from "../attachments/test-helpers";
import { followImpulseTalk } from "./follow-talk";
import { getImpulseTalk } from "./get-talk";
import { updateImpulseTalk } from "./update-talk";
import { talkEditInput } from "../../test/talk-edit-input";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;

const edit = talkEditInput;

const notificationsOf = (userId: string, talkId: string) =>
  db().notification.findMany({ where: { recipientId: userId, kind: "IMPULSE_TALK_CHANGED", link: `/impulse/${talkId}` }, orderBy: { createdAt: "asc" } });

test("[impulse] a text edit keeps the sequence and notifies nobody", async () => {
  const talk = await makeImpulseTalk(moderator);
  await followImpulseTalk(participant, { talkId: talk.id });
  const { result, events } = await updateImpulseTalk(moderator, edit(talk, { abstract: "Neu: **mit Live-Demo**", speakers: ["Dr. Anna Beispiel", "Jan Muster"] }));
  assert.match(result.abstractHtml, /<strong>mit Live-Demo<\/strong>/);
  assert.deepEqual(result.speakers, ["Dr. Anna Beispiel", "Jan Muster"]);
  assert.equal(result.sequence, talk.sequence);
  assert.deepEqual(events.map((event) => event.name), ["impulse.talkChanged"]);
  assert.deepEqual(await notificationsOf(participant.id, talk.id), []);
  const audit = await db().auditEntry.findFirstOrThrow({ where: { subjectId: talk.id, action: { not: "impulse.create" } } });
  assert.equal(audit.action, "impulse.update");
});

test("[impulse] a move raises the sequence and tells the followers the new and old time", async () => {
  const talk = await makeImpulseTalk(moderator, { startsInHours: 72 });
  await followImpulseTalk(participant, { talkId: talk.id });
  await followImpulseTalk(reader, { talkId: talk.id });
  const { result, events } = await updateImpulseTalk(moderator, edit(talk, { startsAt: berlinLocalIn(96), endsAt: berlinLocalIn(98) }));
  assert.equal(result.sequence, talk.sequence + 1);
  assert.equal(toBerlinLocal(new Date(result.startsAt)), berlinLocalIn(96));
  for (const follower of [participant, reader]) {
    const [notification] = await notificationsOf(follower.id, talk.id);
    assert.ok(notification, "every follower is notified, readers too");
    assert.equal(notification.link, `/impulse/${talk.id}`);
    assert.match(notification.excerpt, /^Neuer Termin: .* \(bisher .*\)\.$/);
  }
  assert.deepEqual(await notificationsOf(participant2.id, talk.id), [], "who does not follow hears nothing");
  assert.deepEqual(await notificationsOf(moderator.id, talk.id), [], "the mover is not told of their own move");
  const pushed = events.find((event) => event.name === "impulse.talkChanged");
  assert.equal((pushed?.payload as EventPayload<"impulse.talkChanged">).talk.sequence, talk.sequence + 1);
  assert.ok(events.some((event) => event.name === "notification.created"));
  const audit = await db().auditEntry.findFirstOrThrow({ where: { subjectId: talk.id, action: "impulse.move" } });
  assert.ok(audit);
});

test("[impulse] a new place raises the sequence and notifies; a new title raises it without notifying", async () => {
  const talk = await makeImpulseTalk(moderator);
  await followImpulseTalk(participant, { talkId: talk.id });
  const renamed = await updateImpulseTalk(moderator, edit(talk, { title: "Neuer Titel" }));
  assert.equal(renamed.result.sequence, talk.sequence + 1);
  assert.deepEqual(await notificationsOf(participant.id, talk.id), []);
  const relocated = await updateImpulseTalk(moderator, edit(renamed.result, { place: "Magdeburg, Raum 1.12" }));
  assert.equal(relocated.result.sequence, talk.sequence + 2);
  const [notification] = await notificationsOf(participant.id, talk.id);
  assert.match(notification?.excerpt ?? "", /Neuer Ort: Magdeburg, Raum 1\.12/);
});

test("[impulse] saving over someone else's newer change is refused as TALK_CHANGED; nothing changes", async () => {
  const talk = await makeImpulseTalk(moderator);
  await updateImpulseTalk(admin, edit(talk, { title: "Von der Administration geändert" }));
  await rejectsWithAppError(() => updateImpulseTalk(moderator, edit(talk, { title: "Veraltet" })), "TALK_CHANGED");
  assert.equal((await getImpulseTalk(reader, talk.id)).title, "Von der Administration geändert");
});

test("[impulse] wrong roles, unknown talks, a cancelled talk and bad input are refused; nothing changes", async () => {
  const talk = await makeImpulseTalk(moderator);
  await rejectsWithAppError(() => updateImpulseTalk(participant, edit(talk, { title: "X" })), "FORBIDDEN");
  await rejectsWithAppError(() => updateImpulseTalk(reader, edit(talk, { title: "X" })), "FORBIDDEN");
  await rejectsWithAppError(() => updateImpulseTalk(moderator, edit(talk, { talkId: randomUUID() })), "NOT_FOUND", "Diesen Impulsvortrag gibt es nicht.");
  await rejectsWithZodMessage(() => updateImpulseTalk(moderator, edit(talk, { title: "" })), "Bitte geben Sie einen Titel ein.");
  await rejectsWithZodMessage(() => updateImpulseTalk(moderator, edit(talk, { endsAt: toBerlinLocal(new Date(talk.startsAt)) })), "Das Ende muss nach dem Beginn liegen.");
  await rejectsWithAppError(() => updateImpulseTalk(moderator, edit(talk, { groupIds: [randomUUID()] })), "NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  const cancelled = await makeImpulseTalk(moderator, { cancelled: true });
  await rejectsWithAppError(() => updateImpulseTalk(moderator, edit(cancelled, { title: "Doch noch" })), "TALK_CANCELLED");
  assert.deepEqual(await getImpulseTalk(reader, talk.id), talk);
});

test("[impulse] moving a talk into the past is TALK_IN_PAST; a recording needs a begun talk", async () => {
  const talk = await makeImpulseTalk(moderator);
  await rejectsWithAppError(() => updateImpulseTalk(moderator, edit(talk, { startsAt: berlinLocalIn(-3), endsAt: berlinLocalIn(-2) })), "TALK_IN_PAST");
  await rejectsWithAppError(
    () => updateImpulseTalk(moderator, edit(talk, { recordingUrl: "https://video.example.org/aufzeichnung" })),
    "BAD_INPUT",
    "Eine Aufzeichnung kann erst hinterlegt werden, wenn der Vortrag begonnen hat.",
  );
  assert.deepEqual(await getImpulseTalk(reader, talk.id), talk);

  // after the talk: the recording is added without moving it, and without telling followers
  const past = await makeImpulseTalk(moderator, { startsInHours: -5 });
  await followImpulseTalk(participant2, { talkId: past.id });
  const { result } = await updateImpulseTalk(moderator, edit(past, { recordingUrl: "https://video.example.org/aufzeichnung" }));
  assert.equal(result.recordingUrl, "https://video.example.org/aufzeichnung");
  assert.equal(result.sequence, past.sequence);
  assert.deepEqual(await notificationsOf(participant2.id, past.id), []);
});

test("[impulse] materials: new uploads are attached in order, a removed one is unlinked, another moderator's file stays", async () => {
  const talk = await makeImpulseTalk(moderator);
  const slides = await uploadTalkMaterial(moderator, talk.id, "Folien.pdf", samplePdf("Folien"));
  const handout = await uploadTalkMaterial(moderator, talk.id, "Handout.pdf", samplePdf("Handout"));
  const first = await updateImpulseTalk(moderator, edit(talk, { attachments: [{ id: slides.id }, { id: handout.id }] }));
  assert.deepEqual(first.result.materials.map((material) => material.name), ["Folien.pdf", "Handout.pdf"]);

  // the admin edits the moderator's talk: keeps the slides (not their own upload), drops the handout, adds a photo
  const photo = await uploadTalkMaterial(admin, talk.id, "Foto.png", samplePng());
  const second = await updateImpulseTalk(admin, edit(first.result, { attachments: [{ id: photo.id, alt: "Die Referentin" }, { id: slides.id }] }));
  assert.deepEqual(second.result.materials.map((material) => [material.name, material.alt]), [["Foto.png", "Die Referentin"], ["Folien.pdf", null]]);
  const removed = await db().attachment.findUniqueOrThrow({ where: { id: handout.id } });
  assert.equal(removed.impulseTalkId, null);
  assert.equal(removed.attachedAt, null);

  // an upload of someone else not yet on this talk is not attachable
  const foreign = await uploadTalkMaterial(moderator, talk.id, "Fremd.pdf", samplePdf("Fremd"));
  await rejectsWithAppError(() => updateImpulseTalk(admin, edit(second.result, { attachments: [{ id: foreign.id }] })), "NOT_FOUND");
  assert.deepEqual((await getImpulseTalk(reader, talk.id)).materials, second.result.materials);
});
