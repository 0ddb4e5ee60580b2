import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { berlinLocalIn, groupIdBySlug } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { samplePdf, samplePng } from "../../../seeds/sample-files";
import { uploadTalkMaterial } from "../attachments/test-helpers";
import { createImpulseTalk } from "./create-talk";
import { getImpulseTalk } from "./get-talk";

const { actors } = await openTestDatabase();
const { participant, moderator, admin, reader } = actors;

const counts = async () => ({
  talks: await db().impulseTalk.count(),
  links: await db().impulseTalkLink.count(),
  groups: await db().impulseTalkGroup.count(),
  audits: await db().auditEntry.count(),
  linked: await db().attachment.count({ where: { impulseTalkId: { not: null } } }),
});

const input = async (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  title: "Die digitale Kfz-Zulassung in Hamburg",
  speakers: ["Dr. Anna Beispiel", "Jan Muster"],
  organisation: "Senatskanzlei Hamburg",
  federalState: "Hamburg",
  category: "OTHER_STATES",
  startsAt: berlinLocalIn(48),
  endsAt: berlinLocalIn(49),
  onlineUrl: "https://konferenz.example.org/kfz",
  place: "",
  abstract: "Wie **i-Kfz** in die Fläche kam.",
  groupIds: [await groupIdBySlug("technik")],
  links: [{ label: "Projektseite", url: "https://hamburg.example.org/ikfz" }],
  ...overrides,
});

test("[impulse] moderation schedules a talk: stored with speakers, groups, links, rendered abstract and an audit row", async () => {
  const data = await input();
  const { result, events } = await createImpulseTalk(moderator, data);
  assert.equal(result.id, data.id);
  assert.equal(result.title, data.title);
  assert.deepEqual(result.speakers, data.speakers);
  assert.equal(result.place, null, "an empty place is none");
  assert.match(result.abstractHtml, /<strong>i-Kfz<\/strong>/);
  assert.deepEqual(result.groups.map((group) => group.slug), ["technik"]);
  assert.deepEqual(result.links.map(({ label, url }) => ({ label, url })), data.links);
  assert.equal(result.sequence, 0);
  assert.equal(result.cancelledAt, null);
  assert.deepEqual(events.map((event) => event.name), ["impulse.talkChanged"]);
  const audit = await db().auditEntry.findFirstOrThrow({ where: { subjectId: data.id } });
  assert.equal(audit.action, "impulse.create");
  assert.deepEqual(await getImpulseTalk(reader, data.id), result);
});

test("[impulse] participants and readers may not schedule talks; nothing is stored", async () => {
  const before = await counts();
  await rejectsWithAppError(async () => createImpulseTalk(participant, await input()), "FORBIDDEN");
  await rejectsWithAppError(async () => createImpulseTalk(reader, await input()), "FORBIDDEN");
  await rejectsWithAppError(async () => createImpulseTalk(null, await input()), "UNAUTHORIZED");
  assert.deepEqual(await counts(), before);
});

test("[impulse] bad input is refused with German messages and stores nothing", async () => {
  const before = await counts();
  await rejectsWithZodMessage(async () => createImpulseTalk(moderator, await input({ title: "   " })), "Bitte geben Sie einen Titel ein.");
  await rejectsWithZodMessage(
    async () => createImpulseTalk(moderator, await input({ startsAt: berlinLocalIn(50), endsAt: berlinLocalIn(49) })),
    "Das Ende muss nach dem Beginn liegen.",
  );
  await rejectsWithZodMessage(async () => createImpulseTalk(moderator, await input({ speakers: [] })), "Bitte geben Sie mindestens eine vortragende Person an.");
  await rejectsWithZodMessage(async () => createImpulseTalk(moderator, await input({ onlineUrl: "", place: "" })), "Bitte geben Sie einen Link zur Teilnahme oder einen Ort an.");
  await rejectsWithZodMessage(
    async () => createImpulseTalk(moderator, await input({ onlineUrl: "javascript:alert(1)" })),
    "Bitte geben Sie eine vollständige Webadresse an, die mit https:// beginnt.",
  );
  await rejectsWithZodMessage(async () => createImpulseTalk(moderator, await input({ federalState: "Atlantis" })), "Bitte wählen Sie ein Bundesland (oder den Bund).");
  assert.deepEqual(await counts(), before);
});

test("[impulse] a talk whose start has passed is refused as TALK_IN_PAST", async () => {
  const before = await counts();
  await rejectsWithAppError(async () => createImpulseTalk(moderator, await input({ startsAt: berlinLocalIn(-2), endsAt: berlinLocalIn(-1) })), "TALK_IN_PAST");
  assert.deepEqual(await counts(), before);
});

test("[impulse] a recording link before the talk has begun is refused", async () => {
  const before = await counts();
  await rejectsWithAppError(
    async () => createImpulseTalk(moderator, await input({ recordingUrl: "https://video.example.org/aufzeichnung" })),
    "BAD_INPUT",
    "Eine Aufzeichnung kann erst hinterlegt werden, wenn der Vortrag begonnen hat.",
  );
  assert.deepEqual(await counts(), before);
});

test("[impulse] an unknown working group is refused and nothing is stored", async () => {
  const before = await counts();
  await rejectsWithAppError(async () => createImpulseTalk(moderator, await input({ groupIds: [randomUUID()] })), "NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  assert.deepEqual(await counts(), before);
});

test("[impulse] a retried create returns the first talk; the same id from someone else is a conflict", async () => {
  const data = await input();
  const first = await createImpulseTalk(moderator, data);
  const before = await counts();
  const again = await createImpulseTalk(moderator, { ...data, title: "Anderer Titel" });
  assert.deepEqual(again.result, first.result);
  assert.deepEqual(again.events, []);
  await rejectsWithAppError(() => createImpulseTalk(admin, data), "CONFLICT");
  assert.deepEqual(await counts(), before);
});

test("[impulse] materials uploaded under the new talk's id are linked in order; images need a description", async () => {
  const data = await input();
  const slides = await uploadTalkMaterial(moderator, data.id, "Folien.pdf", samplePdf("Folien"));
  const photo = await uploadTalkMaterial(moderator, data.id, "Foto.png", samplePng());
  const before = await counts();
  await rejectsWithAppError(
    () => createImpulseTalk(moderator, { ...data, attachments: [{ id: slides.id }, { id: photo.id }] }),
    "BAD_INPUT",
    "Bitte beschreiben Sie das Bild „Foto.png“ (Alternativtext).",
  );
  assert.deepEqual(await counts(), before);

  const { result } = await createImpulseTalk(moderator, { ...data, attachments: [{ id: photo.id, alt: "Das Team am Zulassungsschalter" }, { id: slides.id }] });
  assert.deepEqual(result.materials.map((material) => [material.name, material.alt]), [["Foto.png", "Das Team am Zulassungsschalter"], ["Folien.pdf", null]]);
});

test("[impulse] a participant cannot upload talk materials; someone else's upload cannot be attached", async () => {
  const data = await input();
  await rejectsWithAppError(() => uploadTalkMaterial(participant, data.id, "x.pdf", samplePdf("X")), "FORBIDDEN");
  const theirs = await uploadTalkMaterial(admin, data.id, "Admin.pdf", samplePdf("Admin"));
  await rejectsWithAppError(() => createImpulseTalk(moderator, { ...data, attachments: [{ id: theirs.id }] }), "NOT_FOUND");
  assert.equal(await db().impulseTalk.count({ where: { id: data.id } }), 0);
});
