import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { db } from "../../db";
import { makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { samplePdf } from "../../../seeds/sample-files";
import { createPost } from "../posts/create-post";
import { newStorageKey, storagePath, TEMP_PREFIX, uploadDir } from "./storage";
import { sweepUploads, UNLINKED_UPLOAD_TTL_MS } from "./sweep-uploads";
import { uploadFile } from "./test-helpers";

const { actors } = await openTestDatabase();
const { participant } = actors;

const dayAndAMinute = UNLINKED_UPLOAD_TTL_MS + 60_000;
const keyOf = async (id: string) => (await db().attachment.findUniqueOrThrow({ where: { id } })).storageKey;

test("[attachments] uploads not sent within a day are removed with their files; sent and recent ones stay", async () => {
  const thread = await makeThread(participant);
  const abandoned = await uploadFile(participant, thread.id, "alt.pdf", samplePdf("Alt"));
  const recent = await uploadFile(participant, thread.id, "neu.pdf", samplePdf("Neu"));
  const sent = await uploadFile(participant, thread.id, "gesendet.pdf", samplePdf("Gesendet"));
  await createPost(participant, { id: randomUUID(), threadId: thread.id, body: "Mit Anhang", attachments: [{ id: sent.id }] });
  const old = new Date(Date.now() - dayAndAMinute);
  await db().attachment.updateMany({ where: { id: { in: [abandoned.id, sent.id] } }, data: { createdAt: old } });
  const [abandonedKey, recentKey, sentKey] = [await keyOf(abandoned.id), await keyOf(recent.id), await keyOf(sent.id)];

  const result = await sweepUploads();
  assert.equal(result.uploads, 1);
  assert.equal(await db().attachment.count({ where: { id: abandoned.id } }), 0);
  assert.equal(existsSync(storagePath(abandonedKey)), false);
  for (const key of [recentKey, sentKey]) assert.ok(existsSync(storagePath(key)));
  assert.equal(await db().attachment.count({ where: { id: { in: [recent.id, sent.id] } } }), 2);
});

test("[attachments] files no row refers to and interrupted temporary files are removed once a day old", async () => {
  const oldStray = newStorageKey();
  const newStray = newStorageKey();
  const oldTemp = path.join(uploadDir(), `${TEMP_PREFIX}${newStorageKey()}`);
  const unrelated = path.join(uploadDir(), "README.txt");
  for (const file of [storagePath(oldStray), storagePath(newStray), oldTemp, unrelated]) await writeFile(file, "x");
  const old = new Date(Date.now() - dayAndAMinute);
  for (const file of [storagePath(oldStray), oldTemp, unrelated]) await utimes(file, old, old);

  const result = await sweepUploads();
  assert.equal(result.strayFiles, 2);
  assert.equal(existsSync(storagePath(oldStray)), false);
  assert.equal(existsSync(oldTemp), false);
  assert.ok(existsSync(storagePath(newStray)), "a file younger than a day may be an upload in progress");
  assert.ok(existsSync(unrelated), "only files named like uploads are touched");
  // the demo seed's attachment is linked and stays
  assert.equal(await db().attachment.count({ where: { originalName: "Entwurf Rahmenkonzept AG Technik.pdf", attachedAt: { not: null } } }), 1);
});
