import { randomBytes } from "node:crypto";
import { assertCan, type Actor } from "../../auth/policy";
import { actorSelect, toActor } from "../../auth/session";
import { db, type Prisma, type Tx } from "../../db";
import { env } from "../../env";
import { AppError, isUniqueViolation } from "../../errors";
import type { WithEvents } from "../../realtime/events";

export const CALENDAR_FEED_PATH = "/api/calendar/impulse.ics";

/** 32 random bytes, base64url without padding: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const newToken = () => randomBytes(32).toString("base64url");

export interface CalendarFeedAddress {
  /** https://…/api/calendar/impulse.ics?token=…, what a calendar client subscribes to */
  url: string;
  createdAt: string;
}

const feedTokenSelect = { token: true, createdAt: true } satisfies Prisma.CalendarFeedTokenSelect;

const addressOf = (row: Prisma.CalendarFeedTokenGetPayload<{ select: typeof feedTokenSelect }>): CalendarFeedAddress => ({
  url: `${env.publicUrl}${CALENDAR_FEED_PATH}?token=${row.token}`,
  createdAt: row.createdAt.toISOString(),
});

/** The actor's subscription address, made on first use: calendar clients cannot sign in, the secret in the address is their key. */
export async function getCalendarFeedAddress(actor: Actor | null, tx: Tx = db()): Promise<CalendarFeedAddress> {
  assertCan(actor, "calendar.subscribe");
  const existing = await tx.calendarFeedToken.findUnique({ where: { userId: actor.id }, select: feedTokenSelect });
  if (existing) return addressOf(existing);
  try {
    return addressOf(await tx.calendarFeedToken.create({ data: { userId: actor.id, token: newToken() }, select: feedTokenSelect }));
  } catch (error) {
    // two tabs opened the settings at once: the other one's token stands
    if (!isUniqueViolation(error)) throw error;
    return addressOf(await tx.calendarFeedToken.findUniqueOrThrow({ where: { userId: actor.id }, select: feedTokenSelect }));
  }
}

/** A new address for the actor; the old one is refused from now on (a leaked address is stopped this way). */
export async function renewCalendarFeedAddress(actor: Actor | null): Promise<WithEvents<CalendarFeedAddress>> {
  assertCan(actor, "calendar.subscribe");
  return db().$transaction(async (tx) => {
    const token = newToken();
    const row = await tx.calendarFeedToken.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, token },
      update: { token, createdAt: new Date() },
      select: feedTokenSelect,
    });
    return { result: addressOf(row), events: [] };
  });
}

/**
 * The user a feed token belongs to, as an actor, re-read now: a malformed, unknown or renewed token,
 * or one of a deactivated user, is CALENDAR_TOKEN_INVALID (the same answer for each, so that nothing
 * can be learned about which tokens once existed).
 */
export async function actorFromCalendarToken(token: string | null | undefined, tx: Tx = db()): Promise<Actor> {
  if (!token || !TOKEN_SHAPE.test(token)) throw new AppError("CALENDAR_TOKEN_INVALID");
  const row = await tx.calendarFeedToken.findUnique({ where: { token }, select: { user: { select: actorSelect } } });
  const user = row?.user;
  if (!user || user.deactivatedAt) throw new AppError("CALENDAR_TOKEN_INVALID");
  return toActor(user);
}
