import { actorFromCookieHeader } from "@/server/auth/session";
import { uploadResponse } from "@/server/http/attachments";

export const dynamic = "force-dynamic";

/** Upload of one attachment (multipart; tRPC speaks JSON): see server/http/attachments.ts. */
export async function POST(request: Request) {
  return uploadResponse(await actorFromCookieHeader(request.headers.get("cookie")), request);
}
