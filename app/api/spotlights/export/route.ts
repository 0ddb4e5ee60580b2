import { actorFromCookieHeader } from "@/server/auth/session";
import { spotlightExportResponse } from "@/server/http/spotlight-export";

export const dynamic = "force-dynamic";

/** The board's spotlights as CSV: see server/http/spotlight-export.ts. */
export async function GET(request: Request) {
  return spotlightExportResponse(await actorFromCookieHeader(request.headers.get("cookie")), request);
}
