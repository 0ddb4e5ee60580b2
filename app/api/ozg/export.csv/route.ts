import { actorFromCookieHeader } from "@/server/auth/session";
import { ozgExportResponse } from "@/server/http/ozg-export";

export const dynamic = "force-dynamic";

/** The service table's view as CSV: see server/http/ozg-export.ts. */
export async function GET(request: Request) {
  return ozgExportResponse(await actorFromCookieHeader(request.headers.get("cookie")), request, "csv");
}
