import { actorFromCookieHeader } from "@/server/auth/session";
import { talkCalendarResponse } from "@/server/http/impulse-calendar";

export const dynamic = "force-dynamic";

/** One talk's .ics: see server/http/impulse-calendar.ts. */
export async function GET(request: Request, { params }: { params: Promise<{ talkId: string }> }) {
  return talkCalendarResponse(await actorFromCookieHeader(request.headers.get("cookie")), (await params).talkId);
}
