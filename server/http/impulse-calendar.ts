import { assertCan, type Actor } from "../auth/policy";
import { AppError, type AppErrorCode } from "../errors";
import { textRefusal } from "./refusal";
import { idSchema } from "../schemas/common";
import { TALK_NOT_FOUND } from "../services/impulse-talks/get-talk";
import { talkCalendar, talksFeed } from "../services/impulse-talks/calendar";
import { actorFromCalendarToken } from "../services/impulse-talks/calendar-token";

const messages: Partial<Record<AppErrorCode, string>> = {
  UNAUTHORIZED: "Bitte melden Sie sich an, um den Impulsvortrag in Ihren Kalender zu übernehmen.",
};

const calendarHeaders = { "Content-Type": "text/calendar; charset=utf-8", "X-Content-Type-Options": "nosniff" };

/** GET /api/calendar/impulse/<talkId>: one talk's .ics for the signed-in user; an unknown or malformed id is the German 404. */
export async function talkCalendarResponse(actor: Actor | null, talkId: string): Promise<Response> {
  try {
    assertCan(actor, "impulse.read");
    if (!idSchema.safeParse(talkId).success) throw new AppError("NOT_FOUND", TALK_NOT_FOUND);
    const { fileName, ics } = await talkCalendar(actor, talkId);
    return new Response(ics, {
      headers: { ...calendarHeaders, "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    return textRefusal(error, "talk calendar", messages);
  }
}

/**
 * GET /api/calendar/impulse.ics?token=…: the subscribed feed. No session: the token in the address is
 * the authorisation; a bad one is a 401 with the German sentence the calendar client may show.
 */
export async function talksFeedResponse(request: Request): Promise<Response> {
  try {
    const token = new URL(request.url).searchParams.get("token");
    const actor = await actorFromCalendarToken(token);
    assertCan(actor, "calendar.subscribe");
    const ics = await talksFeed(actor);
    return new Response(ics, {
      // the address is personal: no shared cache may keep it
      headers: { ...calendarHeaders, "Content-Disposition": 'inline; filename="impulsvortraege.ics"', "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    return textRefusal(error, "calendar feed");
  }
}
