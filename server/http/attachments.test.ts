import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import type { Actor } from "../auth/policy";
import { db } from "../db";
import { ATTACHMENT_MAX_BYTES } from "../schemas/attachments";
import { createPost } from "../services/posts/create-post";
import { makeThread, setThreadLocked } from "../test/factories";
import { openTestDatabase } from "../test/test-db";
import { sampleExe, samplePdf, samplePng, sampleOoxml } from "../../seeds/sample-files";
import { contentDisposition, downloadResponse, uploadResponse } from "./attachments";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;
const thread = await makeThread(participant);

function uploadRequest(threadId: string | null, name: string, content: Buffer, type = "application/octet-stream") {
  const form = new FormData();
  form.append("datei", new Blob([new Uint8Array(content)], { type }), name);
  return new Request(`http://localhost/api/anhaenge${threadId ? `?thema=${threadId}` : ""}`, { method: "POST", body: form });
}

async function upload(actor: Actor | null, request: Request) {
  const response = await uploadResponse(actor, request);
  return { status: response.status, body: (await response.json()) as { attachment?: { id: string; name: string; type: string }; error?: { code: string; message: string } } };
}

/** A multipart body of `size` file bytes, produced on demand; counts what was pulled. */
function streamedUpload(threadId: string, size: number, headers: Record<string, string> = {}) {
  const boundary = "----gdst-test-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="riesig.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === 0) {
        pulled += head.length;
        return controller.enqueue(new Uint8Array(head));
      }
      if (pulled >= size) return controller.close();
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const request = new Request(`http://localhost/api/anhaenge?thema=${threadId}`, {
    method: "POST",
    body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...headers },
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

test("[attachments/http] upload: 201 with the attachment; the type comes from the content, not the browser's claim", async () => {
  const { status, body } = await upload(participant, uploadRequest(thread.id, "Übersicht Straßenbau.pdf", samplePdf("Übersicht"), "text/html"));
  assert.equal(status, 201);
  assert.equal(body.attachment?.type, "application/pdf");
  assert.equal(body.attachment?.name, "Übersicht Straßenbau.pdf", "UTF-8 file names arrive intact");
});

test("[attachments/http] upload refusals: German message, right status, nothing stored", async () => {
  const locked = await makeThread(participant);
  await setThreadLocked(locked.id, true);
  const before = await db().attachment.count();
  const cases: [Actor | null, Request, number, string, string?][] = [
    [null, uploadRequest(thread.id, "a.pdf", samplePdf("a")), 401, "UNAUTHORIZED", "Bitte melden Sie sich an."],
    [reader, uploadRequest(thread.id, "a.pdf", samplePdf("a")), 403, "FORBIDDEN"],
    [participant2, uploadRequest(locked.id, "a.pdf", samplePdf("a")), 403, "THREAD_LOCKED"],
    [participant, uploadRequest(randomUUID(), "a.pdf", samplePdf("a")), 404, "NOT_FOUND", "Dieses Thema gibt es nicht (mehr)."],
    [participant, uploadRequest(null, "a.pdf", samplePdf("a")), 400, "BAD_INPUT", "Die Kennung ist ungültig."],
    [participant, uploadRequest("kaputt", "a.pdf", samplePdf("a")), 400, "BAD_INPUT", "Die Kennung ist ungültig."],
    [
      participant,
      uploadRequest(thread.id, "setup.pdf", sampleExe(), "application/pdf"),
      415,
      "FILE_TYPE_NOT_ALLOWED",
      "Diese Datei kann nicht angehängt werden: erlaubt sind PDF, Word, Excel, PowerPoint, OpenDocument sowie Bilder (PNG, JPEG, GIF, WebP). Geprüft wird der Inhalt der Datei, nicht ihr Name.",
    ],
    [
      participant,
      new Request(`http://localhost/api/anhaenge?thema=${thread.id}`, { method: "POST", body: JSON.stringify({ datei: "x" }), headers: { "content-type": "application/json" } }),
      400,
      "BAD_INPUT",
      "Bitte senden Sie die Datei als Formular (multipart/form-data).",
    ],
    [
      participant,
      new Request(`http://localhost/api/anhaenge?thema=${thread.id}`, { method: "POST", body: new FormData() }),
      400,
      "BAD_INPUT",
      "Bitte wählen Sie eine Datei aus.",
    ],
    [
      participant,
      new Request(`http://localhost/api/anhaenge?thema=${thread.id}`, {
        method: "POST",
        body: "--x\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 abgebrochen",
        headers: { "content-type": "multipart/form-data; boundary=x" },
      }),
      400,
      "BAD_INPUT",
    ],
    [
      participant,
      new Request(`http://localhost/api/anhaenge?thema=${thread.id}`, { method: "POST", body: "x", headers: { "content-type": "multipart/form-data" } }),
      400,
      "BAD_INPUT",
      "Bitte senden Sie die Datei als Formular (multipart/form-data).",
    ],
  ];
  for (const [actor, request, status, code, message] of cases) {
    const result = await upload(actor, request);
    const where = `${actor?.role ?? "signed out"} ${request.url} → ${JSON.stringify(result.body)}`;
    assert.equal(result.status, status, where);
    assert.equal(result.body.error?.code, code, where);
    if (message) assert.equal(result.body.error?.message, message, where);
    assert.doesNotMatch(result.body.error?.message ?? "", /unexpected|Unerwartet|Invalid|Error/i, where);
  }
  assert.equal(await db().attachment.count(), before);
});

test("[attachments/http] a 50 MB upload is cut off near the limit with 413; an announced one is refused unread", async () => {
  const before = await db().attachment.count();
  const streamed = streamedUpload(thread.id, 50 * 1024 * 1024);
  const cut = await upload(participant, streamed.request);
  assert.equal(cut.status, 413);
  assert.equal(cut.body.error?.message, "Die Datei ist größer als 10 MB und kann nicht angehängt werden.");
  assert.ok(streamed.pulled() < ATTACHMENT_MAX_BYTES + 2 * 1024 * 1024, `pulled ${streamed.pulled()} bytes`);

  const announced = streamedUpload(thread.id, 50 * 1024 * 1024, { "content-length": String(50 * 1024 * 1024) });
  const refused = await upload(participant, announced.request);
  assert.equal(refused.status, 413);
  assert.ok(announced.pulled() <= 64 * 1024 + 200, `pulled ${announced.pulled()} bytes of an announced 50 MB body`);
  assert.equal(await db().attachment.count(), before);
});

async function sentFile(name: string, content: Buffer, alt?: string) {
  const { body } = await upload(participant, uploadRequest(thread.id, name, content));
  const id = body.attachment!.id;
  await createPost(participant, { id: randomUUID(), threadId: thread.id, body: "Anhang", attachments: [{ id, alt }] });
  return id;
}

const get = (actor: Actor | null, id: string, headers: Record<string, string> = {}) =>
  downloadResponse(actor, id, new Request(`http://localhost/api/anhaenge/${encodeURIComponent(id)}`, { headers }));

test("[attachments/http] download: the file with its type, disposition, nosniff, a sandbox policy and private caching", async () => {
  const pdf = samplePdf("Rahmenkonzept");
  const pdfId = await sentFile("Entwurf Rahmenkonzept – März.pdf", pdf);
  const response = await get(participant2, pdfId);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "application/pdf");
  assert.equal(
    response.headers.get("content-disposition"),
    `inline; filename="Entwurf Rahmenkonzept _ Marz.pdf"; filename*=UTF-8''Entwurf%20Rahmenkonzept%20%E2%80%93%20M%C3%A4rz.pdf`,
  );
  assert.equal(response.headers.get("x-content-type-options"), "nosniff");
  assert.match(response.headers.get("content-security-policy") ?? "", /default-src 'none'/);
  assert.equal(response.headers.get("cache-control"), "private, no-cache");
  assert.equal(response.headers.get("content-length"), String(pdf.length));
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), pdf);

  const etag = response.headers.get("etag")!;
  const again = await get(participant2, pdfId, { "if-none-match": etag });
  assert.equal(again.status, 304);

  const imageId = await sentFile("foto.png", samplePng(), "Gruppenfoto");
  const image = await get(moderator, imageId);
  assert.equal(image.headers.get("content-type"), "image/png");
  assert.match(image.headers.get("content-disposition")!, /^inline; /);
  assert.equal(image.headers.get("content-security-policy"), "default-src 'none'; sandbox");

  const docxId = await sentFile("Protokoll.docx", sampleOoxml("docx"));
  const docx = await get(participant, docxId);
  assert.match(docx.headers.get("content-disposition")!, /^attachment; filename="Protokoll.docx"/);
  assert.equal(docx.headers.get("content-security-policy"), "default-src 'none'; sandbox");
});

test("[attachments/http] download refusals: 404 for readers, unknown and absurd ids, 401 signed out; German text, never a 500", async () => {
  const id = await sentFile("intern.pdf", samplePdf("Intern"));
  const cases: [Actor | null, string, number][] = [
    [reader, id, 404],
    [participant, randomUUID(), 404],
    [participant, "nicht-eine-id", 404],
    [participant, "../../../etc/passwd", 404],
    [participant, "x".repeat(5000), 404],
    [participant, "%E0%A4%A", 404],
    [null, id, 401],
  ];
  for (const [actor, fileId, status] of cases) {
    const response = await get(actor, fileId);
    assert.equal(response.status, status, `${actor?.role} ${fileId.slice(0, 40)}`);
    assert.equal(response.headers.get("content-type"), "text/plain; charset=utf-8");
    assert.match(await response.text(), status === 404 ? /^Diese Datei gibt es nicht \(mehr\)\.$/ : /^Bitte melden Sie sich an\.$/);
  }
});

test("[attachments/http] Content-Disposition keeps quotes and line breaks out of the header", () => {
  assert.equal(contentDisposition("attachment", 'a"b\\c.pdf'), `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  assert.equal(contentDisposition("inline", "Ärger (1).pdf"), `inline; filename="Arger (1).pdf"; filename*=UTF-8''%C3%84rger%20%281%29.pdf`);
  assert.doesNotMatch(contentDisposition("inline", "a\r\nSet-Cookie: x.pdf"), /[\r\n]/);
});
