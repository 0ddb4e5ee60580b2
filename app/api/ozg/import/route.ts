import { actorFromCookieHeader } from "@/server/auth/session";
import { ozgImportUploadResponse } from "@/server/http/ozg-import";

export const dynamic = "force-dynamic";

/** Upload of the monthly file (multipart; tRPC speaks JSON): see server/http/ozg-import.ts. */
export async function POST(request: Request) {
  return ozgImportUploadResponse(await actorFromCookieHeader(request.headers.get("cookie")), request);
}
