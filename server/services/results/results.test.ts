import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { TRPCError } from "@trpc/server";
import { db } from "../../db";
import { appRouter } from "../../routers/_app";
import { SECTION_MARKDOWN_MAX } from "../../schemas/results";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makePost, makeSpotlight, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { autosaveResultDraft } from "./autosave-draft";
import { citedIn } from "./cited-in";
import { createResultComment, resolveResultComment } from "./comments";
import { compareResultVersions } from "./compare-versions";
import { getResultDraft } from "./get-draft";
import { getSectionForEditing } from "./get-section-for-editing";
import { createResultSection, deleteResultSection, moveResultSection, renameResultSection } from "./manage-sections";
import { previewResultSection } from "./preview-section";
import { publishResultVersion } from "./publish-version";
import { recordResultVisit, resultNewsFor } from "./reader-summary";
import { saveResultSection } from "./save-section";
import { setResultsPublic } from "./set-public";
import { getLatestResultVersion, getResultVersion, listResultVersions } from "./versions";

const { actors } = await openTestDatabase();
const { reader, participant, participant2, moderator, admin } = actors;

/** A new empty section, its id and revision. */
async function newSection(title = `Abschnitt ${randomUUID().slice(0, 6)}`) {
  const { result } = await createResultSection(moderator, { title });
  const section = result.find((row) => row.title === title)!;
  return section;
}

async function saved(sectionId: string, markdown: string) {
  const { revision } = await getSectionForEditing(moderator, { sectionId });
  return (await saveResultSection(moderator, { sectionId, markdown, baseRevision: revision })).result;
}

const sectionRow = (id: string) => db().resultSection.findUniqueOrThrow({ where: { id } });

test("[results] a save from an older revision is refused, naming who saved; nothing changes and the newer text stays", async () => {
  const section = await newSection();
  const first = await saveResultSection(moderator, { sectionId: section.id, markdown: "Fassung von Martin", baseRevision: section.revision });
  assert.equal(first.result.revision, section.revision + 1);
  await assert.rejects(
    () => saveResultSection(admin, { sectionId: section.id, markdown: "Fassung von Andrea", baseRevision: section.revision }),
    (error: unknown) => (error as { code?: string }).code === "SECTION_CHANGED" && /Martin Meier/.test((error as Error).message) && /nicht verloren/.test((error as Error).message),
  );
  const row = await sectionRow(section.id);
  assert.equal(row.markdown, "Fassung von Martin");
  assert.equal(row.revision, section.revision + 1);
});

test("[results] of two saves from the same revision at once exactly one wins", async () => {
  const section = await newSection();
  const outcomes = await Promise.allSettled([
    saveResultSection(moderator, { sectionId: section.id, markdown: "A", baseRevision: section.revision }),
    saveResultSection(admin, { sectionId: section.id, markdown: "B", baseRevision: section.revision }),
  ]);
  assert.equal(outcomes.filter((outcome) => outcome.status === "fulfilled").length, 1);
  const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
  assert.equal((refused.reason as { code?: string }).code, "SECTION_CHANGED");
  assert.equal((await sectionRow(section.id)).revision, section.revision + 1);
});

test("[results] only moderation edits, orders and publishes; participants comment; readers see only published versions", async () => {
  const section = await newSection();
  await rejectsWithAppError(() => saveResultSection(participant, { sectionId: section.id, markdown: "x", baseRevision: 0 }), "FORBIDDEN");
  await rejectsWithAppError(() => createResultSection(participant, { title: "Neu" }), "FORBIDDEN");
  await rejectsWithAppError(() => moveResultSection(participant, { sectionId: section.id, direction: "up" }), "FORBIDDEN");
  await rejectsWithAppError(() => publishResultVersion(participant, { note: "Versuch" }), "FORBIDDEN");
  await rejectsWithAppError(() => getResultDraft(reader), "DRAFT_INTERNAL");
  await rejectsWithAppError(() => getResultDraft(null), "UNAUTHORIZED");
  await rejectsWithAppError(() => createResultComment(reader, { id: randomUUID(), sectionId: section.id, body: "Hallo" }), "FORBIDDEN");
  await rejectsWithAppError(() => resolveResultComment(participant, { commentId: randomUUID() }), "FORBIDDEN");
  assert.equal((await sectionRow(section.id)).markdown, "");
});

test("[results] an empty title, a 1 MB section and garbage are refused in German and change nothing", async () => {
  const section = await newSection();
  const caller = appRouter.createCaller({ actor: moderator });
  const refusedInGerman = (error: unknown) => error instanceof TRPCError && error.code === "BAD_REQUEST" && !/Invalid|Expected|Required/.test(error.message);
  await assert.rejects(() => caller.results.renameSection({ sectionId: section.id, title: "\u200b\u2060 " }), refusedInGerman);
  await assert.rejects(() => caller.results.createSection({ title: "" }), refusedInGerman);
  await assert.rejects(
    () => caller.results.saveSection({ sectionId: section.id, markdown: "x".repeat(1024 * 1024), baseRevision: section.revision }),
    (error: unknown) => refusedInGerman(error) && /höchstens 100\.000 Zeichen/.test((error as Error).message),
  );
  await assert.rejects(() => caller.results.saveSection({ sectionId: section.id, markdown: "ok", baseRevision: -1 }), refusedInGerman);
  await rejectsWithAppError(() => saveResultSection(moderator, { sectionId: randomUUID(), markdown: "x", baseRevision: 0 }), "SECTION_NOT_FOUND");
  const row = await sectionRow(section.id);
  assert.equal(row.title, section.title);
  assert.equal(row.markdown, "");
  // the limit itself is accepted
  await saved(section.id, "a".repeat(SECTION_MARKDOWN_MAX));
});

test("[results] links to threads, posts and spotlights become the section's sources; a link to nothing does not; each source knows where it is cited", async () => {
  const thread = await makeThread(participant, { title: "Quelle: Anbindung an das Landesportal" });
  const post = await makePost(participant2, thread.id, "Unsere Erfahrung mit FIT-Connect");
  const spotlight = await makeSpotlight(participant, { title: "Quelle: ein Spotlight" });
  const section = await newSection("Technik mit Quellen");
  const markdown = [
    `Grundlage: [das Thema](/arbeitsgruppen/${thread.group.slug}/themen/${thread.id}) und [ein Beitrag](/beitraege/${post.id}).`,
    `Siehe auch [S-Spotlight](/spotlights/${spotlight.id}) und [ein toter Link](/beitraege/${randomUUID()}).`,
    `Noch einmal [dasselbe Thema](/arbeitsgruppen/${thread.group.slug}/themen/${thread.id}).`,
  ].join("\n\n");
  const preview = await previewResultSection(moderator, { markdown });
  assert.equal(preview.missing, 1);
  assert.deepEqual(preview.sources.map((source) => source.kind), ["THREAD", "POST", "SPOTLIGHT"]);
  const result = await saved(section.id, markdown);
  assert.deepEqual(result.sources.map((source) => source.kind), ["THREAD", "POST", "SPOTLIGHT"]);
  assert.match(result.sources[1]!.label, /^Beitrag \d+ in „Quelle: Anbindung an das Landesportal“$/);
  assert.deepEqual((await citedIn(participant, { threadId: thread.id })).map((place) => [place.sectionTitle, place.versionNumber]), [["Technik mit Quellen", null]]);
  assert.deepEqual((await citedIn(participant, { spotlightId: spotlight.id })).length, 1);
  // readers don't see the draft's citations
  assert.deepEqual(await citedIn(reader, { threadId: thread.id }), []);
  // the text no longer cites the spotlight: neither does the section
  await saved(section.id, `Nur noch [das Thema](/arbeitsgruppen/${thread.group.slug}/themen/${thread.id}).`);
  assert.deepEqual(await citedIn(participant, { spotlightId: spotlight.id }), []);
});

test("[results] comments anchor to a paragraph (quoted), notify moderation and earlier commenters but not the author, and are resolved once", async () => {
  const section = await newSection("Abschnitt mit Kommentaren");
  await saved(section.id, "Erster Absatz über Once-Only.\n\nZweiter Absatz: FIT-Connect bis Ende 2027.");
  const first = await createResultComment(participant2, { id: randomUUID(), sectionId: section.id, body: "Bitte Frist prüfen", anchorBlock: 1 });
  assert.equal(first.result.anchorText, "Zweiter Absatz: FIT-Connect bis Ende 2027.");
  assert.ok(first.events.some((event) => event.name === "results.comment"));
  const second = await createResultComment(participant, { id: randomUUID(), sectionId: section.id, body: "Sehe ich auch so" });
  const notified = await db().notification.findMany({ where: { kind: "RESULT_COMMENT", link: { contains: second.result.id } }, select: { recipientId: true } });
  const recipients = new Set(notified.map((row) => row.recipientId));
  assert.ok(recipients.has(moderator.id), "moderation is told");
  assert.ok(recipients.has(participant2.id), "who commented on the section before is told");
  assert.ok(!recipients.has(participant.id), "not the author");
  assert.ok(!recipients.has(reader.id), "readers never");
  // a retried send is the same comment
  const retried = await createResultComment(participant, { id: second.result.id, sectionId: section.id, body: "Sehe ich auch so" });
  assert.equal(retried.result.id, second.result.id);
  assert.equal(await db().resultComment.count({ where: { sectionId: section.id } }), 2);
  await rejectsWithAppError(() => createResultComment(participant, { id: randomUUID(), sectionId: section.id, body: "Zu weit", anchorBlock: 7 }), "BAD_INPUT");
  await rejectsWithZodMessage(() => createResultComment(participant, { id: randomUUID(), sectionId: section.id, body: "\u200b\u2060" }), "Bitte geben Sie einen Kommentar ein.");
  await rejectsWithZodMessage(() => createResultComment(participant, { id: randomUUID(), sectionId: section.id, body: "x".repeat(6_000) }), "Ein Kommentar darf höchstens 5.000 Zeichen lang sein.");
  assert.equal(await db().resultComment.count({ where: { sectionId: section.id } }), 2);
  const resolved = await resolveResultComment(moderator, { commentId: first.result.id });
  assert.ok(resolved.result.resolvedAt);
  assert.equal(resolved.result.resolvedBy?.name, "Martin Meier");
  await rejectsWithAppError(() => resolveResultComment(admin, { commentId: first.result.id }), "COMMENT_RESOLVED");
});

test("[results] publishing freezes an immutable numbered version; publishing again without change is refused; readers are told", async () => {
  const section = await newSection("Abschnitt für die Veröffentlichung");
  await saved(section.id, "Die Kommunen binden ihre Fachverfahren an.");
  assert.ok((await getResultDraft(moderator)).unpublishedSections.includes("Abschnitt für die Veröffentlichung"), "moderation sees what publishing sends out");
  const before = (await listResultVersions(moderator))[0]?.number ?? 0;
  const { result: version } = await publishResultVersion(moderator, { note: "Neue Empfehlungen der AG Technik" });
  assert.equal(version.number, before + 1);
  assert.equal(version.note, "Neue Empfehlungen der AG Technik");
  await rejectsWithAppError(() => publishResultVersion(admin, { note: "Nochmal" }), "NOTHING_TO_PUBLISH");
  assert.deepEqual((await getResultDraft(moderator)).unpublishedSections, []);
  assert.equal((await listResultVersions(moderator))[0]!.number, version.number);
  const readerNotice = await db().notification.findFirst({ where: { kind: "RESULT_PUBLISHED", recipientId: reader.id, link: `/ergebnisse/versionen/${version.number}` } });
  assert.ok(readerNotice, "readers are told about a new version");
  assert.ok(await db().auditEntry.findFirst({ where: { action: "results.publishVersion", subjectType: "resultVersion" } }));

  // the draft changes on; the published version does not
  await saved(section.id, "Die Landkreise binden die Fachverfahren gebündelt an.");
  const published = await getResultVersion(reader, { number: version.number });
  const frozen = published.sections.find((row) => row.sectionId === section.id)!;
  assert.match(frozen.html, /Die Kommunen binden/);
  const { result: next } = await publishResultVersion(moderator, { note: "Landkreise bündeln" });
  const latest = await getLatestResultVersion(reader);
  assert.equal(latest?.number, next.number);

  const diff = await compareResultVersions(reader, { from: version.number, to: next.number });
  const changed = diff.sections.find((row) => row.sectionId === section.id)!;
  assert.equal(changed.status, "changed");
  assert.ok(changed.parts.some((part) => part.kind === "removed" && part.text.includes("Kommunen")));
  assert.ok(changed.parts.some((part) => part.kind === "added" && part.text.includes("Landkreise")));
  assert.ok(diff.sections.filter((row) => row.sectionId !== section.id).every((row) => row.status === "unchanged"));
  await rejectsWithAppError(() => getResultVersion(reader, { number: 99_999 }), "VERSION_NOT_FOUND");
  await rejectsWithAppError(() => compareResultVersions(reader, { from: 1, to: 99_999 }), "VERSION_NOT_FOUND");
});

test("[results] the reader's start page tells what changed since their last visit", async () => {
  const news = await resultNewsFor(reader);
  assert.ok(news);
  await recordResultVisit(reader, news.latest.number);
  const seen = await resultNewsFor(reader);
  assert.deepEqual(seen?.newVersions, []);
  const section = await newSection("Neu für Lesende");
  await saved(section.id, "Ein neuer Abschnitt.");
  const { result: version } = await publishResultVersion(moderator, { note: "Abschnitt für Lesende" });
  const after = await resultNewsFor(reader);
  assert.equal(after?.latest.number, version.number);
  assert.deepEqual(after?.newVersions.map((row) => row.number), [version.number]);
  assert.ok(after?.changedSections.includes("Neu für Lesende"));
  // a visit never goes back
  await recordResultVisit(reader, 1);
  assert.equal((await db().resultVisit.findUniqueOrThrow({ where: { userId: reader.id } })).lastSeenVersion, news.latest.number);
});

test("[results] visitors read published versions only while moderation has made the document public; the draft never", async () => {
  await rejectsWithAppError(() => getLatestResultVersion(null), "UNAUTHORIZED");
  await rejectsWithAppError(() => setResultsPublic(participant, { isPublic: true }), "FORBIDDEN");
  try {
    await setResultsPublic(moderator, { isPublic: true });
    const latest = await getLatestResultVersion(null);
    assert.ok(latest);
    assert.equal(latest.publishedBy, null, "visitors don't see who published");
    // internal sources lose their links for visitors
    assert.ok(latest.sections.flatMap((section) => section.sources).every((source) => source.href === null));
    await rejectsWithAppError(() => getResultDraft(null), "UNAUTHORIZED");
  } finally {
    await setResultsPublic(moderator, { isPublic: false });
  }
  await rejectsWithAppError(() => getLatestResultVersion(null), "UNAUTHORIZED");
  assert.equal(await db().auditEntry.count({ where: { action: { in: ["results.public", "results.unpublic"] } } }), 2);
});

test("[results] moderation orders sections with the keyboard's up and down; the ends stay put", async () => {
  const a = await newSection("Reihenfolge A");
  const b = await newSection("Reihenfolge B");
  const order = async () => (await getResultDraft(moderator)).sections.map((section) => section.title).filter((title) => title.startsWith("Reihenfolge"));
  assert.deepEqual(await order(), ["Reihenfolge A", "Reihenfolge B"]);
  const moved = await moveResultSection(moderator, { sectionId: b.id, direction: "up" });
  assert.ok(moved.events.some((event) => event.name === "results.sections"));
  assert.deepEqual(await order(), ["Reihenfolge B", "Reihenfolge A"]);
  const sections = (await getResultDraft(moderator)).sections;
  const top = sections[0]!;
  const unchanged = await moveResultSection(moderator, { sectionId: top.id, direction: "up" });
  assert.deepEqual(unchanged.events, []);
  await renameResultSection(moderator, { sectionId: a.id, title: "Reihenfolge A (umbenannt)" });
  assert.equal((await sectionRow(a.id)).title, "Reihenfolge A (umbenannt)");
});

test("[results] readers see the words of links to internal discussions, never their addresses, in versions and in the diff", async () => {
  const thread = await makeThread(participant, { title: "Interne Quelle" });
  const link = `/arbeitsgruppen/${thread.group.slug}/themen/${thread.id}`;
  const section = await newSection("Abschnitt mit interner Quelle");
  await saved(section.id, "Erste Fassung.");
  const { result: first } = await publishResultVersion(moderator, { note: "Erste Fassung" });
  await saved(section.id, `Erste Fassung, jetzt mit [Grundlage: Interne Quelle](${link}).`);
  const { result: second } = await publishResultVersion(moderator, { note: "Mit Quelle" });
  const forReader = (await getResultVersion(reader, { number: second.number })).sections.find((row) => row.sectionId === section.id)!;
  assert.ok(!forReader.html.includes(link));
  assert.match(forReader.html, /Grundlage: Interne Quelle/);
  const forParticipant = (await getResultVersion(participant, { number: second.number })).sections.find((row) => row.sectionId === section.id)!;
  assert.ok(forParticipant.html.includes(`href="${link}"`));
  const readerDiff = (await compareResultVersions(reader, { from: first.number, to: second.number })).sections.find((row) => row.sectionId === section.id)!;
  assert.ok(readerDiff.parts.every((part) => !part.text.includes("/arbeitsgruppen/")));
  assert.ok(readerDiff.parts.some((part) => part.kind === "added" && part.text.includes("Grundlage")));
  // what changed in the words people read: no Markdown marks
  assert.ok(readerDiff.parts.every((part) => !/[[\]()]/.test(part.text)));
});

test("[results] moderation deletes a section with its comments and autosaved text; the rest close up; published versions keep their copy", async () => {
  const thread = await makeThread(participant, { title: "Quelle eines gelöschten Abschnitts" });
  const doomed = await newSection("Versehentlich angelegt");
  const below = await newSection("Darunter");
  await saved(doomed.id, `Steht in der Version, [Grundlage](/arbeitsgruppen/${thread.group.slug}/themen/${thread.id}).`);
  const { result: version } = await publishResultVersion(moderator, { note: "Mit dem Abschnitt" });
  const { result: comment } = await createResultComment(participant, { id: randomUUID(), sectionId: doomed.id, body: "Offene Frage" });
  const current = await getSectionForEditing(moderator, { sectionId: doomed.id });
  await autosaveResultDraft(moderator, { sectionId: doomed.id, markdown: "halb geschrieben", baseRevision: current.revision });

  // who may not, and what is no section
  for (const actor of [participant, reader]) await rejectsWithAppError(() => deleteResultSection(actor, { sectionId: doomed.id }), "FORBIDDEN");
  await rejectsWithAppError(() => deleteResultSection(null, { sectionId: doomed.id }), "UNAUTHORIZED");
  await rejectsWithAppError(() => deleteResultSection(moderator, { sectionId: randomUUID() }), "SECTION_NOT_FOUND", "Diesen Abschnitt des Ergebnisdokuments gibt es nicht.");
  await rejectsWithZodMessage(() => deleteResultSection(moderator, { sectionId: "abc'; DROP TABLE" }), "Die Kennung ist ungültig.");
  assert.ok(await db().resultSection.findUnique({ where: { id: doomed.id } }));

  const { result: sections, events } = await deleteResultSection(moderator, { sectionId: doomed.id });
  assert.ok(!sections.some((section) => section.id === doomed.id));
  assert.deepEqual(sections.map((section) => section.position), sections.map((_, index) => index), "positions close up");
  assert.equal(sections.find((section) => section.id === below.id)!.position, below.position - 1);
  assert.deepEqual(events.map((event) => event.name), ["results.sections"]);
  assert.equal(await db().resultComment.count({ where: { id: comment.id } }), 0);
  assert.equal(await db().resultSectionDraft.count({ where: { sectionId: doomed.id } }), 0);
  assert.equal(await db().resultCitation.count({ where: { sectionId: doomed.id, versionId: null } }), 0);
  // the thread is still cited by the published version, no longer by the draft
  assert.deepEqual((await citedIn(participant, { threadId: thread.id })).map((place) => [place.sectionTitle, place.versionNumber]), [["Versehentlich angelegt", version.number]]);
  assert.ok(!(await getResultDraft(moderator)).sections.some((section) => section.id === doomed.id));
  const audit = await db().auditEntry.findFirst({ where: { action: "results.deleteSection", subjectId: doomed.id } });
  assert.equal(audit?.actorId, moderator.id);
  await rejectsWithAppError(() => deleteResultSection(moderator, { sectionId: doomed.id }), "SECTION_NOT_FOUND");

  // the published version is unchanged: title, text and sources
  const published = await getResultVersion(reader, { number: version.number });
  const copy = published.sections.find((section) => section.sectionId === doomed.id)!;
  assert.equal(copy.title, "Versehentlich angelegt");
  assert.match(copy.html, /Steht in der Version/);
  assert.deepEqual(copy.sources.map((source) => source.kind), ["THREAD"]);
  // the next version leaves it out
  const { result: next } = await publishResultVersion(moderator, { note: "Ohne den Abschnitt" });
  assert.ok(!(await getResultVersion(reader, { number: next.number })).sections.some((section) => section.sectionId === doomed.id));
});

test("[results] an autosave that arrives while another moderator deletes the section is told in German the section is gone", async () => {
  const doomed = await newSection("Wird gelöscht, während jemand tippt");
  const { revision } = await getSectionForEditing(moderator, { sectionId: doomed.id });
  // the section is deleted between the autosave's check and its write: the write meets the foreign key
  const upsert = db().resultSectionDraft.upsert;
  const deletingFirst = async function (this: unknown, ...args: Parameters<typeof upsert>) {
    await deleteResultSection(moderator, { sectionId: doomed.id });
    return upsert.apply(this, args);
  };
  Object.assign(db().resultSectionDraft, { upsert: deletingFirst });
  try {
    await rejectsWithAppError(() => autosaveResultDraft(admin, { sectionId: doomed.id, markdown: "halb", baseRevision: revision }), "SECTION_NOT_FOUND", "Diesen Abschnitt des Ergebnisdokuments gibt es nicht.");
  } finally {
    Object.assign(db().resultSectionDraft, { upsert });
  }
  assert.equal(await db().resultSectionDraft.count({ where: { sectionId: doomed.id } }), 0);
});
