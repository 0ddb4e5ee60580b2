import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { createHash, randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { env } from "../../env";
import { ATTACHMENT_MAX_BYTES } from "../../schemas/attachments";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makeThread, setThreadLocked } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import {
  sampleExe,
  sampleGif,
  sampleJpeg,
  sampleOoxml,
  sampleOpenDocument,
  samplePdf,
  samplePng,
  sampleWebp,
  sampleZip,
} from "../../../seeds/sample-files";
import { storagePath } from "./storage";
import { streamOfSize, uploadFile } from "./test-helpers";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;
const thread = await makeThread(participant);

const attachmentCount = () => db().attachment.count();
/** what the upload directory holds besides the demo seed's file */
const storedFiles = async () => (await readdir(env.uploadDir)).sort();

test("[attachments] every allowed type is recognised by its content, whatever its name says", async () => {
  const samples: [string, Buffer, string, boolean][] = [
    ["bericht.pdf", samplePdf("Bericht"), "application/pdf", false],
    ["protokoll.docx", sampleOoxml("docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false],
    ["zahlen.xlsx", sampleOoxml("xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false],
    ["folien.pptx", sampleOoxml("pptx"), "application/vnd.openxmlformats-officedocument.presentationml.presentation", false],
    ["text.odt", sampleOpenDocument("text"), "application/vnd.oasis.opendocument.text", false],
    ["tabelle.ods", sampleOpenDocument("spreadsheet"), "application/vnd.oasis.opendocument.spreadsheet", false],
    ["vortrag.odp", sampleOpenDocument("presentation"), "application/vnd.oasis.opendocument.presentation", false],
    ["foto.png", samplePng(), "image/png", true],
    ["foto.jpg", sampleJpeg(), "image/jpeg", true],
    ["animation.gif", sampleGif(), "image/gif", true],
    ["bild.webp", sampleWebp(), "image/webp", true],
    // a misleading name changes nothing: the content decides
    ["eigentlich-ein-bild.pdf", samplePng(), "image/png", true],
  ];
  for (const [name, content, type, isImage] of samples) {
    const dto = await uploadFile(participant, thread.id, name, content);
    assert.equal(dto.type, type, name);
    assert.equal(dto.isImage, isImage, name);
    assert.equal(dto.size, content.length, name);
    assert.equal(dto.alt, null);
    const row = await db().attachment.findUniqueOrThrow({ where: { id: dto.id } });
    assert.equal(row.uploaderId, participant.id);
    assert.equal(row.attachedAt, null, "not linked until a post is sent");
    assert.equal(row.sha256, createHash("sha256").update(content).digest("hex"));
    assert.match(row.storageKey, /^[0-9a-f]{32}$/, "a random storage name, never the uploaded one");
    assert.deepEqual(await readFile(storagePath(row.storageKey)), content);
  }
});

test("[attachments] names: path parts dropped, the detected ending added when missing, umlauts kept", async () => {
  const cases: [string, Buffer, string][] = [
    ["C:\\Users\\tietz\\Desktop\\Übersicht Maßnahmen.pdf", samplePdf("x"), "Übersicht Maßnahmen.pdf"],
    ["../../etc/passwd", samplePdf("x"), "passwd.pdf"],
    ["eigentlich-ein-bild.pdf", samplePng(), "eigentlich-ein-bild.pdf.png"],
    ["\u200b\u200b", samplePdf("x"), "Datei.pdf"],
    ['a<b>:"c".PDF', samplePdf("x"), "a_b___c_.PDF"],
    [`${"lang".repeat(100)}.docx`, sampleOoxml("docx"), `${"lang".repeat(100)}`.slice(0, 195) + ".docx"],
  ];
  for (const [raw, content, expected] of cases) {
    assert.equal((await uploadFile(participant, thread.id, raw, content)).name, expected, raw);
  }
});

test("[attachments] an .exe renamed to .pdf, a plain zip, a macro document, SVG and HTML are refused and nothing is kept", async () => {
  const before = await attachmentCount();
  const files = await storedFiles();
  const refused: [string, Buffer][] = [
    ["rechnung.pdf", sampleExe()],
    ["archiv.docx", sampleZip([["readme.txt", "kein Office-Dokument"]])],
    ["makros.docx", sampleOoxml("docm")],
    ["grafik.png", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["seite.pdf", Buffer.from("<!doctype html><script>alert(1)</script>")],
  ];
  for (const [name, content] of refused) {
    await rejectsWithAppError(
      () => uploadFile(participant, thread.id, name, content),
      "FILE_TYPE_NOT_ALLOWED",
      "Diese Datei kann nicht angehängt werden: erlaubt sind PDF, Word, Excel, PowerPoint, OpenDocument sowie Bilder (PNG, JPEG, GIF, WebP). Geprüft wird der Inhalt der Datei, nicht ihr Name.",
    );
  }
  await rejectsWithAppError(() => uploadFile(participant, thread.id, "leer.pdf", Buffer.alloc(0)), "FILE_TYPE_NOT_ALLOWED", "Die Datei ist leer.");
  assert.equal(await attachmentCount(), before);
  assert.deepEqual(await storedFiles(), files, "no file and no temporary file is left behind");
});

test("[attachments] exactly 10 MB is accepted; 10 MB and one byte is refused, reading stops there and nothing is kept", async () => {
  const pdfHead = samplePdf("Groß");
  const exact = await uploadFile(participant, thread.id, "genau.pdf", streamOfSize(ATTACHMENT_MAX_BYTES, pdfHead));
  assert.equal(exact.size, ATTACHMENT_MAX_BYTES);

  const before = await attachmentCount();
  const files = await storedFiles();
  await rejectsWithAppError(
    () => uploadFile(participant, thread.id, "zu-gross.pdf", streamOfSize(ATTACHMENT_MAX_BYTES + 1, pdfHead)),
    "FILE_TOO_LARGE",
    "Die Datei ist größer als 10 MB und kann nicht angehängt werden.",
  );
  const huge = streamOfSize(50 * 1024 * 1024, pdfHead);
  await rejectsWithAppError(() => uploadFile(participant, thread.id, "riesig.pdf", huge), "FILE_TOO_LARGE");
  assert.ok(huge.bytesProduced() < ATTACHMENT_MAX_BYTES + 1024 * 1024, `read ${huge.bytesProduced()} bytes of a 50 MB file`);
  assert.equal(await attachmentCount(), before);
  assert.deepEqual(await storedFiles(), files);
});

test("[attachments] signed out, reader, unknown and locked thread are refused before the file is read", async () => {
  const locked = await makeThread(participant);
  await setThreadLocked(locked.id, true);
  let opened = 0;
  const upload = (actor: typeof participant | null, threadId: string) =>
    import("./upload-attachment").then(({ uploadAttachment }) =>
      uploadAttachment(actor, { thema: threadId }, async () => {
        opened++;
        throw new Error("must not be read");
      }),
    );
  const before = await attachmentCount();
  await rejectsWithAppError(() => upload(null, thread.id), "UNAUTHORIZED");
  await rejectsWithAppError(() => upload(reader, thread.id), "FORBIDDEN");
  await rejectsWithAppError(() => upload(participant, randomUUID()), "NOT_FOUND");
  await rejectsWithAppError(() => upload(participant2, locked.id), "THREAD_LOCKED");
  await rejectsWithZodMessage(() => upload(participant, "nicht-eine-id"), "Die Kennung ist ungültig.");
  await rejectsWithZodMessage(
    () => import("./upload-attachment").then(({ uploadAttachment }) => uploadAttachment(participant, {}, async () => ({ name: "x", content: null as never }))),
    "Die Kennung ist ungültig.",
  );
  assert.equal(opened, 0);
  assert.equal(await attachmentCount(), before);
  // moderation may still answer in a locked thread, files included
  const dto = await uploadFile(moderator, locked.id, "erklaerung.pdf", samplePdf("Warum gesperrt"));
  assert.equal(dto.type, "application/pdf");
});
