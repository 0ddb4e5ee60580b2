import { actorFromCookieHeader } from "@/server/auth/session";
import { downloadResponse } from "@/server/http/attachments";

export const dynamic = "force-dynamic";

/** One attachment's file, for whoever may read what it belongs to: see server/http/attachments.ts. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return downloadResponse(await actorFromCookieHeader(request.headers.get("cookie")), id, request);
}
