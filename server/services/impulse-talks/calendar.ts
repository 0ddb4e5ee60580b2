import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalEventData } from "ical-generator";
import { DateTime } from "luxon";
import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { decodeEntities } from "../activity/dto";
import { env } from "../../env";
import { formatBerlinRange } from "../../schemas/berlin-time";
import { impulseTalkCategoryLabels } from "../../schemas/impulse-talk";
import { impulseTalkSelect, toImpulseTalkDto, type ImpulseTalkDto } from "./dto";
import { getImpulseTalk } from "./get-talk";
import { talkLink } from "./render-talk";

export const CALENDAR_TIMEZONE = "Europe/Berlin";
export const CALENDAR_NAME = "GDST Impulsvorträge";
/** Calendar clients poll a subscription at this interval (X-PUBLISHED-TTL, REFRESH-INTERVAL): a moved talk shows within hours. */
const REFRESH_SECONDS = 4 * 3600;
/** The feed reaches back a year: older talks are in the archive on the platform, not needed in a calendar. */
const FEED_PAST_DAYS = 366;

/** `<talkId>@<host>`: the same for a talk whether it comes by download or feed, so a calendar updates rather than duplicates. */
export const talkUid = (talkId: string) => `${talkId}@${new URL(env.publicUrl).hostname}`;

export const talkFileName = (talk: Pick<ImpulseTalkDto, "startsAt">) =>
  `impulsvortrag-${DateTime.fromISO(talk.startsAt, { zone: CALENDAR_TIMEZONE }).toFormat("yyyy-LL-dd")}.ics`;

/** The abstract's sanitised HTML as text for DESCRIPTION: calendar clients show HTML unreliably or not at all. */
export function htmlToText(html: string): string {
  const withoutTags = html
    // the renderer's line breaks between block elements are not the text's
    .replace(/>\n+</g, "><")
    .replace(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gi, (_match, href: string, text: string) => (text === href ? text : `${text} (${href})`))
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li[^>]*>/gi, "- ")
    .replace(/<\/(li|tr)>/gi, "\n")
    .replace(/<\/(p|div|h[1-6]|ul|ol|blockquote|pre|table)>/gi, "\n\n")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(withoutTags)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function describe(talk: ImpulseTalkDto, pageUrl: string): string {
  const lines = [
    talk.cancelledAt ? `ABGESAGT${talk.cancelReason ? `: ${talk.cancelReason}` : ""}` : null,
    `${impulseTalkCategoryLabels[talk.category]}`,
    `Vortragende: ${talk.speakers.join(", ")}`,
    `Organisation: ${talk.organisation} (${talk.federalState})`,
    `Zeit: ${formatBerlinRange(new Date(talk.startsAt), new Date(talk.endsAt))}`,
    talk.onlineUrl ? `Online teilnehmen: ${talk.onlineUrl}` : null,
    "",
    htmlToText(talk.abstractHtml),
    "",
    `Zum Vortrag, zu Fragen und Materialien: ${pageUrl}`,
  ];
  return lines
    .filter((line) => line !== null)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}

function eventOf(talk: ImpulseTalkDto): ICalEventData {
  const pageUrl = `${env.publicUrl}${talkLink(talk.id)}`;
  const location = [talk.place, talk.onlineUrl].filter(Boolean).join(" / ");
  return {
    id: talkUid(talk.id),
    sequence: talk.sequence,
    // wall time in Berlin whatever the server's own zone is: plain Dates would be formatted in process-local time
    start: DateTime.fromISO(talk.startsAt, { zone: CALENDAR_TIMEZONE }),
    end: DateTime.fromISO(talk.endsAt, { zone: CALENDAR_TIMEZONE }),
    timezone: CALENDAR_TIMEZONE,
    stamp: new Date(talk.updatedAt),
    created: new Date(talk.createdAt),
    lastModified: new Date(talk.updatedAt),
    status: talk.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    summary: talk.cancelledAt ? `Abgesagt: ${talk.title}` : talk.title,
    description: describe(talk, pageUrl),
    location: location || null,
    url: pageUrl,
    categories: [{ name: "Impulsvortrag" }, { name: impulseTalkCategoryLabels[talk.category] }],
  };
}

/** Without its VTIMEZONE a TZID means nothing to Outlook: a file without it must not go out. */
function vtimezone(zone: string): string {
  const component = getVtimezoneComponent(zone);
  if (!component) throw new Error(`no VTIMEZONE for ${zone}`);
  return component;
}

function calendarOf(talks: ImpulseTalkDto[], method: ICalCalendarMethod | null): string {
  const calendar = ical({
    name: CALENDAR_NAME,
    description: "Impulsvorträge der Plattform Gemeinsam Digital für Sachsen-Anhalt",
    prodId: { company: "GDST", product: "Impulsvortraege", language: "DE" },
    // no calendar-wide zone: DTSTAMP, CREATED and LAST-MODIFIED must be UTC ("…Z"); the events carry
    // TZID=Europe/Berlin, and the generator adds the VTIMEZONE for every zone the events use
    timezone: { name: null, generator: vtimezone },
    x: { "X-WR-TIMEZONE": CALENDAR_TIMEZONE },
    ttl: REFRESH_SECONDS,
    url: `${env.publicUrl}/impulse`,
    method,
  });
  for (const talk of talks) calendar.createEvent(eventOf(talk));
  return calendar.toString();
}

/** One talk's .ics, as "Zum Kalender hinzufügen" downloads it. */
export async function talkCalendar(actor: Actor | null, talkId: string, tx: Tx = db()): Promise<{ fileName: string; ics: string }> {
  const talk = await getImpulseTalk(actor, talkId, tx);
  // PUBLISH: Outlook opens a file with METHOD:REQUEST as an invitation to answer, not as an appointment
  return { fileName: talkFileName(talk), ics: calendarOf([talk], ICalCalendarMethod.PUBLISH) };
}

/** Every talk of the last year and all to come, cancelled ones included (their STATUS removes them from calendars). */
export async function talksFeed(actor: Actor | null, tx: Tx = db(), now = new Date()): Promise<string> {
  assertCan(actor, "impulse.read");
  const rows = await tx.impulseTalk.findMany({
    where: { endsAt: { gt: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000) } },
    select: impulseTalkSelect,
    orderBy: { startsAt: "asc" },
  });
  return calendarOf(rows.map(toImpulseTalkDto), ICalCalendarMethod.PUBLISH);
}
