import type { Readable } from "node:stream";
import { ZodError } from "zod";
import { assertCan, type Actor } from "../auth/policy";
import { AppError, appErrors } from "../errors";
import { OZG_IMPORT_MAX_BYTES } from "../schemas/ozg-import";
import { checkOzgImport } from "../services/ozg/import/check-import";
import { importTooLargeMessage } from "../services/ozg/import/read-table";
import { MULTIPART_OVERHEAD, readMultipart, type MultipartUpload } from "./attachments";
import { refusalOf } from "./refusal";

const noStore = { "Cache-Control": "no-store" };

/** The file into memory, refused as soon as it passes the limit (the rest is never read). */
async function receive(content: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of content as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > OZG_IMPORT_MAX_BYTES) throw new AppError("FILE_TOO_LARGE", importTooLargeMessage);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Another site's page must not make a signed-in moderator's browser upload a file. The session cookie
 * is SameSite=Lax already; this also refuses what browsers mark as cross-site or send from elsewhere.
 */
function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN", "Die Datei kann nur über die Import-Seite dieser Plattform hochgeladen werden.");
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost !== host) throw new AppError("FORBIDDEN", "Die Datei kann nur über die Import-Seite dieser Plattform hochgeladen werden.");
}

function refusal(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof ZodError) return { status: 400, code: "BAD_INPUT", message: error.issues[0]?.message ?? appErrors.BAD_INPUT.message };
  const { status, error: appError } = refusalOf(error, "ozg import upload");
  // the multipart reader's own cap speaks of attachments
  const message = appError.code === "FILE_TOO_LARGE" ? importTooLargeMessage : appError.message;
  return { status, code: appError.code, message };
}

/**
 * POST /api/ozg/import, multipart with one file: reads it, stores the dry run and answers
 * `201 { importId }`, or `{ error: { code, message } }` with a German message. Moderation only,
 * checked before the body is read; a body announced as too large is refused unread, one that turns
 * out too large is cut off at the limit.
 */
export async function ozgImportUploadResponse(actor: Actor | null, request: Request): Promise<Response> {
  let multipart: MultipartUpload | undefined;
  try {
    assertCan(actor, "ozg.import");
    assertSameOrigin(request);
    if (Number(request.headers.get("content-length")) > OZG_IMPORT_MAX_BYTES + MULTIPART_OVERHEAD) throw new AppError("FILE_TOO_LARGE", importTooLargeMessage);
    const contentType = request.headers.get("content-type") ?? "";
    if (!request.body || !contentType.toLowerCase().startsWith("multipart/form-data")) {
      throw new AppError("BAD_INPUT", "Bitte senden Sie die Datei als Formular (multipart/form-data).");
    }
    multipart = readMultipart(request.body, contentType, OZG_IMPORT_MAX_BYTES);
    const file = await multipart.file;
    const bytes = await receive(file.content);
    const { importId } = await checkOzgImport(actor, { name: file.name, bytes });
    return Response.json({ importId }, { status: 201, headers: noStore });
  } catch (error) {
    const { status, code, message } = refusal(multipart?.failure() ?? error);
    return Response.json({ error: { code, message } }, { status, headers: noStore });
  } finally {
    multipart?.stop();
  }
}
