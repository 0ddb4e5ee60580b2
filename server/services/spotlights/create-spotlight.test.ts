import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import type { EventPayload } from "../../realtime/events";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { groupIdBySlug, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { getThread } from "../threads/get-thread";
import { createSpotlight } from "./create-spotlight";
import { getSpotlight } from "./get-spotlight";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;

const counts = async () => ({
  spotlights: await db().spotlight.count(),
  threads: await db().thread.count(),
  posts: await db().post.count(),
  cosignatures: await db().spotlightCosignature.count(),
  transitions: await db().spotlightTransition.count(),
  notifications: await db().notification.count(),
});

const input = async (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  title: "Digitaler Bauantrag für alle Kommunen",
  problem: "Die Bauämter arbeiten **noch mit Papier**.",
  requestedAction: "Das Ministerium für Infrastruktur und Digitales stellt ein landesweites Portal bereit.",
  groupIds: [await groupIdBySlug("umsetzung"), await groupIdBySlug("technik")],
  affectedMunicipalities: ["Stadt Zerbst/Anhalt", "Lutherstadt Wittenberg"],
  ...overrides,
});

test("[spotlight] a participant proposes: stored as proposed, with groups, timeline and the municipality's first co-signature", async () => {
  const data = await input();
  const before = new Date();
  const { result } = await createSpotlight(participant, data);
  assert.equal(result.id, data.id);
  assert.ok(result.number > 0);
  assert.equal(result.title, data.title);
  assert.equal(result.status, "PROPOSED");
  assert.match(result.problemHtml, /<strong>noch mit Papier<\/strong>/);
  assert.match(result.requestedActionHtml, /landesweites Portal/);
  assert.deepEqual(result.affectedMunicipalities, ["Stadt Zerbst/Anhalt", "Lutherstadt Wittenberg"]);
  assert.deepEqual(result.groups.map((group) => group.slug), ["umsetzung", "technik"]);
  assert.equal(result.proposer?.id, participant.id);
  assert.deepEqual(result.cosigningMunicipalities, [participant.organisation]);
  assert.deepEqual(result.cosigners.map((cosigner) => [cosigner.user.id, cosigner.organisation]), [[participant.id, participant.organisation]]);
  assert.equal(result.timeline.length, 1);
  assert.deepEqual({ ...result.timeline[0], id: undefined, at: undefined }, { id: undefined, at: undefined, from: null, to: "PROPOSED", comment: "", actor: result.proposer });
  assert.ok(new Date(result.timeline[0].at) >= new Date(before.getTime() - 1000));
  assert.equal(result.sourceThread, null);
  assert.deepEqual(await getSpotlight(participant2, result.id), result);
});

test("[spotlight] the proposal opens its discussion in the first chosen group, named with its S-n reference everywhere", async () => {
  const umsetzung = await groupIdBySlug("umsetzung");
  // participant2 is a member of the group: a new thread there is news for them
  await db().groupMembership.upsert({ where: { userId_groupId: { userId: participant2.id, groupId: umsetzung } }, create: { userId: participant2.id, groupId: umsetzung }, update: {} });
  const data = await input({ title: "Einheitliche Schnittstelle für Fachverfahren", groupIds: [umsetzung, await groupIdBySlug("strategie")] });
  const { result, events } = await createSpotlight(participant, data);
  const reference = `S-${result.number}`;

  assert.ok(result.thread);
  const thread = await getThread(participant2, result.thread.id);
  assert.equal(thread.group.slug, "umsetzung", "the first group chosen, not the first in the group order");
  assert.equal(thread.title, `${reference}: Einheitliche Schnittstelle für Fachverfahren`);
  assert.equal(thread.author.id, participant.id);
  const opening = await db().post.findFirstOrThrow({ where: { threadId: thread.id, number: 1 } });
  assert.match(opening.body, new RegExp(`\\]\\(/spotlights/${result.id}\\)`));
  assert.match(opening.html, new RegExp(`href="/spotlights/${result.id}"`));
  assert.match(opening.body, /### Problem\n+Die Bauämter arbeiten \*\*noch mit Papier\*\*\./);
  assert.match(opening.body, /### Anliegen\n+Das Ministerium/);

  // what is pushed and notified about the new thread carries the reference too
  const groupEvent = events.find((event) => event.name === "group.thread");
  assert.equal((groupEvent?.payload as EventPayload<"group.thread">).thread.title, thread.title);
  const activity = events.find((event) => event.name === "activity.created");
  assert.equal((activity?.payload as EventPayload<"activity.created">).item.thread.title, thread.title);
  const notification = await db().notification.findFirstOrThrow({ where: { recipientId: participant2.id, threadId: thread.id } });
  assert.equal(notification.title, thread.title);

  const changed = events.filter((event) => event.name === "spotlight.changed");
  assert.deepEqual(changed.map((event) => event.room), ["spotlights"], "a proposal is internal: readers' room hears nothing");
  assert.equal((changed[0].payload as EventPayload<"spotlight.changed">).spotlight.id, result.id);
});

test("[spotlight] proposed from a thread: the source thread is linked", async () => {
  const source = await makeThread(participant2, { group: "strategie", title: "Wer betreibt das Bürgerportal?" });
  const { result } = await createSpotlight(participant, await input({ sourceThreadId: source.id }));
  assert.deepEqual(result.sourceThread, { id: source.id, title: "Wer betreibt das Bürgerportal?", groupSlug: "strategie" });
  assert.notEqual(result.thread?.id, source.id, "the discussion is a thread of its own");
  assert.equal((await getSpotlight(reader, result.id).catch((error: Error) => error)) instanceof Error, true, "a proposal is nothing readers see");
});

test("[spotlight] the same client id sent twice returns the first spotlight, stores and publishes nothing more", async () => {
  const data = await input({ title: "Doppelt gesendetes Spotlight" });
  const first = await createSpotlight(participant, data);
  const before = await counts();
  const second = await createSpotlight(participant, data);
  assert.deepEqual(second.result, first.result);
  assert.deepEqual(second.events, []);
  assert.deepEqual(await counts(), before);
  // a retry with changed fields still answers with what was stored the first time
  const changed = await createSpotlight(participant, { ...data, title: "Anderer Titel" });
  assert.equal(changed.result.title, "Doppelt gesendetes Spotlight");
  assert.deepEqual(await counts(), before);
});

test("[spotlight] the same client id from another person is a CONFLICT and changes nothing", async () => {
  const data = await input();
  await createSpotlight(participant, data);
  const before = await counts();
  await rejectsWithAppError(() => createSpotlight(participant2, data), "CONFLICT");
  assert.deepEqual(await counts(), before);
});

test("[spotlight] readers and signed-out callers may not propose; nothing is stored", async () => {
  const before = await counts();
  await rejectsWithAppError(async () => createSpotlight(reader, await input()), "FORBIDDEN");
  await rejectsWithAppError(async () => createSpotlight(null, await input()), "UNAUTHORIZED");
  assert.deepEqual(await counts(), before);
  // moderation proposes like anyone else
  const { result } = await createSpotlight(moderator, await input());
  assert.deepEqual(result.cosigningMunicipalities, [moderator.organisation]);
});

test("[spotlight] an unknown working group is NOT_FOUND in German and nothing is stored", async () => {
  const before = await counts();
  await rejectsWithAppError(async () => createSpotlight(participant, await input({ groupIds: [randomUUID()] })), "NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  await rejectsWithAppError(
    async () => createSpotlight(participant, await input({ groupIds: [await groupIdBySlug("technik"), randomUUID()] })),
    "NOT_FOUND",
    "Diese Arbeitsgruppe gibt es nicht.",
  );
  assert.deepEqual(await counts(), before);
});

test("[spotlight] a source thread the proposer cannot read (none such) is NOT_FOUND and nothing is stored", async () => {
  const before = await counts();
  await rejectsWithAppError(async () => createSpotlight(participant, await input({ sourceThreadId: randomUUID() })), "NOT_FOUND", "Dieses Thema gibt es nicht (mehr).");
  assert.deepEqual(await counts(), before);
});

test("[spotlight] empty, invisible or too long fields are refused in German and nothing is stored", async () => {
  const invisible = "\u200B\u2060\uFEFF\u00AD\u3164\u00A0";
  const before = await counts();
  const cases: [Record<string, unknown>, string][] = [
    [{ title: "" }, "Bitte geben Sie einen Titel ein."],
    [{ title: invisible }, "Bitte geben Sie einen Titel ein."],
    [{ title: "T".repeat(201) }, "Der Titel darf höchstens 200 Zeichen lang sein."],
    [{ problem: "  \n " }, "Bitte geben Sie die Problembeschreibung ein."],
    [{ requestedAction: invisible }, "Bitte geben Sie das Anliegen (was von wem erbeten wird) ein."],
    [{ groupIds: [] }, "Bitte wählen Sie mindestens eine Arbeitsgruppe."],
    [{ groupIds: undefined }, "Bitte wählen Sie mindestens eine Arbeitsgruppe."],
    [{ affectedMunicipalities: ["Halle (Saale)", invisible] }, "Bitte geben Sie den Namen der Kommune ein."],
    [{ id: "S-1" }, "Die Kennung ist ungültig."],
    [{ sourceThreadId: "thema-1" }, "Die Kennung ist ungültig."],
  ];
  for (const [overrides, message] of cases) {
    await rejectsWithZodMessage(async () => createSpotlight(participant, await input(overrides)), message);
  }
  assert.deepEqual(await counts(), before);
});

test("[spotlight] text is normalised: a 200-character title fits with its reference, municipalities once each", async () => {
  const title = `${"Ü".repeat(198)}\u200B!`;
  const { result } = await createSpotlight(participant, await input({ title: `  ${title}  `, affectedMunicipalities: ["Dessau-Roßlau", " Dessau-Roßlau ", "Halle (Saale)"] }));
  assert.equal(result.title, title);
  assert.deepEqual(result.affectedMunicipalities, ["Dessau-Roßlau", "Halle (Saale)"]);
  const thread = await getThread(participant, result.thread!.id);
  assert.ok(thread.title.startsWith(`S-${result.number}: ÜÜÜ`));
  assert.ok(thread.title.length <= 200, "the discussion's title stays within a thread title's limit");

  const emoji = await createSpotlight(participant, await input({ title: "😀".repeat(100) }));
  const emojiThread = await getThread(participant, emoji.result.thread!.id);
  assert.equal(emojiThread.title, `S-${emoji.result.number}: ${"😀".repeat(97)}`, "cut between emoji, never inside one");
});
