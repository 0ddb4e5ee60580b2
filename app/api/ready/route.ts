import { checkReadiness } from "@/server/lifecycle/readiness";

export const dynamic = "force-dynamic";

/** For the proxy and orchestration: 200 while this process should get traffic, 503 otherwise (see README, Betrieb). */
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(
    { status: readiness.status, checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
