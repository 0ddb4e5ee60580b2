import { open } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import Busboy from "busboy";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { log } from "../log";
import { describeRefusal, jsonRefusal, noStore } from "./refusal";
import { ATTACHMENT_MAX_BYTES } from "../schemas/attachments";
import { readAttachment } from "../services/attachments/read-attachment";
import { uploadAttachment, type IncomingFile } from "../services/attachments/upload-attachment";

/** Room for the multipart boundaries and part headers around the file. */
export const MULTIPART_OVERHEAD = 64 * 1024;

const NOT_MULTIPART = "Bitte senden Sie die Datei als Formular (multipart/form-data).";

export interface MultipartUpload {
  /** the first file part, as a stream; parts after it are not read */
  file: Promise<IncomingFile>;
  /** why the body could not be read, when that is the cause of a failure */
  failure(): AppError | undefined;
  /** stops reading the body */
  stop(): void;
}

/**
 * Opens an upload's multipart body for reading (the attachments' and the OZG import's, each with its
 * own limit and its own "too large" refusal). A body announced as too large is refused unread, as is
 * one that is not multipart/form-data.
 */
export function openMultipart(request: Request, maxBytes: number, tooLargeError: () => AppError = () => new AppError("FILE_TOO_LARGE")): MultipartUpload {
  if (Number(request.headers.get("content-length")) > maxBytes + MULTIPART_OVERHEAD) throw tooLargeError();
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !contentType.toLowerCase().startsWith("multipart/form-data")) throw new AppError("BAD_INPUT", NOT_MULTIPART);
  return readMultipart(request.body, contentType, maxBytes, tooLargeError);
}

/**
 * Parses a multipart body as it arrives. The body as a whole is capped a little above the file limit,
 * so reading stops there whatever the parts look like; a broken body ends the file with BAD_INPUT.
 */
function readMultipart(body: ReadableStream<Uint8Array>, contentType: string, maxBytes: number, tooLargeError: () => AppError): MultipartUpload {
  const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  let failure: AppError | undefined;
  let fileStream: Readable | undefined;
  let rejectFile: (error: AppError) => void = () => {};
  const fail = (error: AppError) => {
    failure ??= error;
    source.unpipe();
    source.destroy();
    fileStream?.destroy(failure);
    rejectFile(failure);
  };
  let received = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > maxBytes + MULTIPART_OVERHEAD) return fail(tooLargeError());
      callback(null, chunk);
    },
  });
  const file = new Promise<IncomingFile>((resolve, reject) => {
    rejectFile = reject;
    let busboy: Busboy.Busboy;
    try {
      busboy = Busboy({
        headers: { "content-type": contentType },
        // browsers send the file name as raw UTF-8
        defParamCharset: "utf8",
        limits: { files: 1, fields: 10, fieldSize: 1024, parts: 20, fileSize: maxBytes + 1 },
      });
    } catch {
      return fail(new AppError("BAD_INPUT", NOT_MULTIPART));
    }
    busboy.on("file", (_field, stream, info) => {
      fileStream = stream;
      // a broken body may end the file before the service starts reading it; the service then sees
      // the error through its pipeline, and it must not count as unhandled meanwhile
      stream.on("error", () => {});
      resolve({ name: info.filename ?? "", content: stream });
    });
    busboy.on("error", () => fail(new AppError("BAD_INPUT", "Die Datei kam unvollständig oder beschädigt an. Bitte versuchen Sie es erneut.")));
    busboy.on("close", () => reject(new AppError("BAD_INPUT", "Bitte wählen Sie eine Datei aus.")));
    source.on("error", () => fail(new AppError("BAD_INPUT", "Die Übertragung der Datei wurde abgebrochen.")));
    source.pipe(cap).pipe(busboy);
  });
  return { file, failure: () => failure, stop: () => source.destroy() };
}

/**
 * POST /api/anhaenge?thema=<threadId>, multipart with one file: stores it unlinked and answers
 * `201 { attachment }`, or `{ error: { code, message } }` with a German message. A body announced as
 * too large is refused before it is read; one that turns out too large is cut off at the limit.
 */
export async function uploadResponse(actor: Actor | null, request: Request): Promise<Response> {
  let multipart: MultipartUpload | undefined;
  try {
    const target = Object.fromEntries(new URL(request.url).searchParams);
    const attachment = await uploadAttachment(actor, target, async () => {
      multipart = openMultipart(request, ATTACHMENT_MAX_BYTES);
      return multipart.file;
    });
    return Response.json({ attachment }, { status: 201, headers: noStore });
  } catch (error) {
    return jsonRefusal(multipart?.failure() ?? error, "attachment request");
  } finally {
    // whatever is left of the body (the rest of a too-large file, further parts) is not read
    multipart?.stop();
  }
}

/** `filename` for old clients (ASCII only), `filename*` (RFC 5987) with the real name. */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Files are shown as what their content is and never as a page of this site: `nosniff`, a sandbox
 * without scripts for images and downloads. Chromium cannot show a PDF in a sandboxed document (and
 * drops the policy for its viewer anyway), so a PDF gets a policy that loads nothing from elsewhere.
 */
const FILE_CSP = "default-src 'none'; sandbox";
const PDF_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

/**
 * GET /api/anhaenge/<id>: the file, for whoever may read what it is attached to. Unknown ids, ids
 * that are not ids, and files of threads the caller may not read are all 404.
 */
export async function downloadResponse(actor: Actor | null, id: string, request: Request): Promise<Response> {
  try {
    const file = await readAttachment(actor, id);
    const isInline = file.isImage || file.type === "application/pdf";
    const etag = `"${file.sha256}"`;
    const headers = new Headers({
      "Content-Type": file.type,
      "Content-Disposition": contentDisposition(isInline ? "inline" : "attachment", file.name),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": file.type === "application/pdf" ? PDF_CSP : FILE_CSP,
      "Cross-Origin-Resource-Policy": "same-origin",
      // the file under an id never changes, but who may read it can: ask every time, answer 304 cheaply
      "Cache-Control": "private, no-cache",
      ETag: etag,
    });
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    const handle = await open(file.filePath).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
      log().error({ attachmentId: file.id }, "attachment file missing from the upload directory");
      throw new AppError("NOT_FOUND", "Diese Datei ist nicht mehr vorhanden.");
    });
    headers.set("Content-Length", String(file.size));
    const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
    return new Response(body, { headers });
  } catch (error) {
    const { status, message } = describeRefusal(error, "attachment request");
    return new Response(message, { status, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  }
}
