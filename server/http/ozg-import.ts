import type { Readable } from "node:stream";
import { assertCan, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { importTooLargeMessage, OZG_IMPORT_MAX_BYTES } from "../schemas/ozg-import";
import { checkOzgImport } from "../services/ozg/import/check-import";
import { openMultipart, type MultipartUpload } from "./attachments";
import { jsonRefusal, noStore } from "./refusal";

const tooLarge = () => new AppError("FILE_TOO_LARGE", importTooLargeMessage);
const OTHER_SITE = "Die Datei kann nur über die Import-Seite dieser Plattform hochgeladen werden.";

/** The file into memory, refused as soon as it passes the limit (the rest is never read). */
async function receive(content: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of content as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > OZG_IMPORT_MAX_BYTES) throw tooLarge();
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
  if (site && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN", OTHER_SITE);
  const origin = request.headers.get("origin");
  if (!origin) return;
  // behind several proxies X-Forwarded-Host is a list: the first entry is the host the browser asked for
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost !== host) throw new AppError("FORBIDDEN", OTHER_SITE);
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
    multipart = openMultipart(request, OZG_IMPORT_MAX_BYTES, tooLarge);
    const file = await multipart.file;
    const bytes = await receive(file.content);
    const { importId } = await checkOzgImport(actor, { name: file.name, bytes });
    return Response.json({ importId }, { status: 201, headers: noStore });
  } catch (error) {
    return jsonRefusal(multipart?.failure() ?? error, "ozg import upload");
  } finally {
    multipart?.stop();
  }
}
