import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { rejectsWithAppError } from "../../test/assertions";
import { makeThread } from "../../test/factories";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { samplePdf } from "../../../seeds/sample-files";
import { createPost } from "../posts/create-post";
import { readAttachment } from "./read-attachment";
import { storagePath } from "./storage";
import { db } from "../../db";
import { uploadFile } from "./test-helpers";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;

async function sentAttachment() {
  const thread = await makeThread(participant);
  const file = await uploadFile(participant, thread.id, "Bericht.pdf", samplePdf("Bericht"));
  const { result } = await createPost(participant, { id: randomUUID(), threadId: thread.id, body: "Anbei", attachments: [{ id: file.id }] });
  return { file, post: result };
}

test("[attachments] a sent file is readable by everyone who may read the thread", async () => {
  const { file } = await sentAttachment();
  for (const actor of [participant, participant2, moderator, admin, await createTestUser("PARTICIPANT")]) {
    const stored = await readAttachment(actor, file.id);
    assert.equal(stored.id, file.id);
    assert.equal(stored.type, "application/pdf");
    assert.equal(stored.name, "Bericht.pdf");
    const row = await db().attachment.findUniqueOrThrow({ where: { id: file.id } });
    assert.equal(stored.filePath, storagePath(row.storageKey));
    assert.equal(stored.sha256, row.sha256);
  }
});

test("[attachments] a reader gets NOT_FOUND, signed out UNAUTHORIZED", async () => {
  const { file } = await sentAttachment();
  await rejectsWithAppError(() => readAttachment(reader, file.id), "NOT_FOUND", "Diese Datei gibt es nicht (mehr).");
  await rejectsWithAppError(() => readAttachment(null, file.id), "UNAUTHORIZED");
});

test("[attachments] an upload not sent yet is readable by its uploader only", async () => {
  const thread = await makeThread(participant);
  const file = await uploadFile(participant, thread.id, "Entwurf.pdf", samplePdf("Entwurf"));
  assert.equal((await readAttachment(participant, file.id)).id, file.id);
  for (const other of [participant2, moderator, admin, reader]) {
    await rejectsWithAppError(() => readAttachment(other, file.id), "NOT_FOUND");
  }
});

test("[attachments] unknown ids and ids that are not ids are NOT_FOUND, never an error", async () => {
  for (const id of [randomUUID(), "abc", "", "../../etc/passwd", "%00", "x".repeat(10_000), null, 42, { id: 1 }]) {
    await rejectsWithAppError(() => readAttachment(participant, id), "NOT_FOUND");
  }
});

test("[attachments] when the post is gone, its files are no longer served", async () => {
  const { file, post } = await sentAttachment();
  await db().post.delete({ where: { id: post.id } });
  await rejectsWithAppError(() => readAttachment(participant2, file.id), "NOT_FOUND");
  await rejectsWithAppError(() => readAttachment(participant, file.id), "NOT_FOUND");
});
