import { talksFeedResponse } from "@/server/http/impulse-calendar";

export const dynamic = "force-dynamic";

/** The subscribed feed of all talks, authorised by the token in the address: see server/http/impulse-calendar.ts. */
export async function GET(request: Request) {
  return talksFeedResponse(request);
}
