import { unsubscribeDigest } from "@/server/services/notifications/unsubscribe";

export const dynamic = "force-dynamic";

/**
 * The List-Unsubscribe address of the digest e-mail. Mail programs unsubscribe with a POST
 * (RFC 8058 one-click); a GET, from a person, goes to the page that does it and says so.
 */
export async function POST(request: Request) {
  const done = await unsubscribeDigest(new URL(request.url).searchParams.get("token"));
  return new Response(done ? "Abgemeldet." : "Dieser Abmeldelink ist ungültig.", {
    status: done ? 200 : 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, { status: 303, headers: { Location: `/abmelden/benachrichtigungen?token=${encodeURIComponent(token)}` } });
}
