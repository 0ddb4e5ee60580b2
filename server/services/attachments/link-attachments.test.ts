import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makePost, makeThread, setThreadLocked } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { samplePdf, samplePng } from "../../../seeds/sample-files";
import { createPost } from "../posts/create-post";
import { editPost } from "../posts/edit-post";
import { listPosts } from "../posts/list-posts";
import { uploadFile } from "./test-helpers";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator } = actors;

const postCount = () => db().post.count();

test("[attachments] a post links its author's uploads in order; the post and its live event carry them", async () => {
  const thread = await makeThread(participant);
  const pdf = await uploadFile(participant, thread.id, "Protokoll März.pdf", samplePdf("Protokoll"));
  const image = await uploadFile(participant, thread.id, "tafel.png", samplePng());
  const { result, events } = await createPost(participant, {
    id: randomUUID(),
    threadId: thread.id,
    body: "Protokoll und Foto der Tafel",
    attachments: [{ id: pdf.id, alt: "wird bei Dokumenten nicht gespeichert" }, { id: image.id, alt: "  Tafelbild mit den drei Zielen  " }],
  });
  assert.deepEqual(result.attachments, [
    { id: pdf.id, name: "Protokoll März.pdf", type: "application/pdf", size: pdf.size, alt: null, isImage: false },
    { id: image.id, name: "tafel.png", type: "image/png", size: image.size, alt: "Tafelbild mit den drei Zielen", isImage: true },
  ]);
  assert.deepEqual((events[0].payload as { post: unknown }).post, result, "post.created shows the attachments live");
  const rows = await db().attachment.findMany({ where: { postId: result.id }, orderBy: { position: "asc" } });
  assert.deepEqual(rows.map((row) => [row.id, row.position, !!row.attachedAt]), [[pdf.id, 0, true], [image.id, 1, true]]);
  const page = await listPosts(participant2, { threadId: thread.id });
  assert.deepEqual(page.posts.find((post) => post.id === result.id)?.attachments, result.attachments);
});

test("[attachments] a retried send of the same post returns it with its attachments and publishes only its creation again", async () => {
  const thread = await makeThread(participant);
  const pdf = await uploadFile(participant, thread.id, "a.pdf", samplePdf("A"));
  const input = { id: randomUUID(), threadId: thread.id, body: "Mit Anhang", attachments: [{ id: pdf.id }] };
  const first = await createPost(participant, input);
  const second = await createPost(participant, input);
  assert.deepEqual(second.result, first.result);
  assert.deepEqual(second.events.map((published) => published.name), ["post.created"]);
  const [a, b] = await Promise.all([
    createPost(participant, { ...input, id: randomUUID(), attachments: [] }),
    createPost(participant, input),
  ]);
  assert.equal(b.result.id, input.id);
  assert.equal(a.result.attachments.length, 0);
  assert.equal(await db().post.count({ where: { threadId: thread.id } }), 3);
});

test("[attachments] someone else's upload, an unknown one, or one already sent elsewhere is refused and nothing is written", async () => {
  const thread = await makeThread(participant);
  const theirs = await uploadFile(participant2, thread.id, "fremd.pdf", samplePdf("Fremd"));
  const mine = await uploadFile(participant, thread.id, "meins.pdf", samplePdf("Meins"));
  await makePost(participant, thread.id);
  const sent = await createPost(participant, { id: randomUUID(), threadId: thread.id, body: "Erster", attachments: [{ id: mine.id }] });
  const before = await postCount();
  const send = (attachments: unknown, actor = participant) => () => createPost(actor, { id: randomUUID(), threadId: thread.id, body: "Text", attachments });

  const gone = "Eine angehängte Datei gibt es nicht (mehr). Bitte hängen Sie sie erneut an.";
  await rejectsWithAppError(send([{ id: theirs.id }]), "NOT_FOUND", gone);
  await rejectsWithAppError(send([{ id: randomUUID() }]), "NOT_FOUND", gone);
  // moderation cannot post someone else's upload either
  await rejectsWithAppError(send([{ id: theirs.id }], moderator), "NOT_FOUND", gone);
  await rejectsWithAppError(send([{ id: mine.id }]), "CONFLICT", "Die Datei „meins.pdf“ ist bereits an anderer Stelle angehängt.");
  assert.equal(await postCount(), before);
  assert.equal((await db().attachment.findUniqueOrThrow({ where: { id: theirs.id } })).attachedAt, null);
  assert.equal((await db().attachment.findUniqueOrThrow({ where: { id: mine.id } })).postId, sent.result.id);
  const row = await db().thread.findUniqueOrThrow({ where: { id: thread.id } });
  assert.equal(row.postCount, 3, "the refused sends left the thread as it was");
});

test("[attachments] an image needs a description; bad lists are refused in German", async () => {
  const thread = await makeThread(participant);
  const image = await uploadFile(participant, thread.id, "foto.png", samplePng());
  const pdf = await uploadFile(participant, thread.id, "a.pdf", samplePdf("A"));
  const before = await postCount();
  const send = (attachments: unknown) => () => createPost(participant, { id: randomUUID(), threadId: thread.id, body: "Text", attachments });
  const describe = "Bitte beschreiben Sie das Bild „foto.png“ (Alternativtext).";
  await rejectsWithAppError(send([{ id: image.id }]), "BAD_INPUT", describe);
  await rejectsWithAppError(send([{ id: image.id, alt: " \u200b " }]), "BAD_INPUT", describe);
  await rejectsWithZodMessage(send([{ id: image.id, alt: "x".repeat(501) }]), "Die Bildbeschreibung darf höchstens 500 Zeichen lang sein.");
  await rejectsWithZodMessage(send([{ id: pdf.id }, { id: pdf.id }]), "Eine Datei ist doppelt angehängt.");
  await rejectsWithZodMessage(send(Array.from({ length: 11 }, () => ({ id: randomUUID() }))), "Ein Beitrag kann höchstens 10 Anhänge haben.");
  await rejectsWithZodMessage(send("kaputt"), "Die Anhänge sind ungültig.");
  await rejectsWithZodMessage(send([{ id: "kaputt" }]), "Die Kennung ist ungültig.");
  assert.equal(await postCount(), before);
  assert.equal(await db().attachment.count({ where: { id: { in: [image.id, pdf.id] }, attachedAt: { not: null } } }), 0);
});

test("[attachments] in a locked thread a participant's send with files is refused and the files stay unlinked", async () => {
  const thread = await makeThread(participant);
  const pdf = await uploadFile(participant, thread.id, "a.pdf", samplePdf("A"));
  await setThreadLocked(thread.id, true);
  await rejectsWithAppError(() => createPost(participant, { id: randomUUID(), threadId: thread.id, body: "Text", attachments: [{ id: pdf.id }] }), "THREAD_LOCKED");
  assert.equal((await db().attachment.findUniqueOrThrow({ where: { id: pdf.id } })).attachedAt, null);
});

test("[attachments] editing a post keeps its attachments", async () => {
  const thread = await makeThread(participant);
  const pdf = await uploadFile(participant, thread.id, "a.pdf", samplePdf("A"));
  const { result } = await createPost(participant, { id: randomUUID(), threadId: thread.id, body: "Vorher", attachments: [{ id: pdf.id }] });
  const edited = await editPost(participant, { postId: result.id, body: "Nachher" });
  assert.deepEqual(edited.result.attachments, result.attachments);
  assert.deepEqual((edited.events[0].payload as { post: { attachments: unknown } }).post.attachments, result.attachments);
});
