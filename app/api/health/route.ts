import { hasDatabase, rawDb } from "@/server/db";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: 200 while the database answers, 503 otherwise. */
export async function GET() {
  try {
    if (!hasDatabase()) throw new Error("database not open");
    await rawDb().query("SELECT 1");
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
