import { z } from "zod";
import { isCalendarDay } from "./calendar-day";

/**
 * Points in time as people in Sachsen-Anhalt enter and read them: wall-clock time in Europe/Berlin,
 * written "YYYY-MM-DDTHH:mm" as `<input type="datetime-local">` sends it. Stored in UTC. Client-safe
 * (Intl only), so forms and server agree on what exists across the daylight saving change.
 */
export const BERLIN = "Europe/Berlin";

const LOCAL_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

const berlinParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: BERLIN,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Berlin wall-clock time of an instant, "YYYY-MM-DDTHH:mm". */
export function toBerlinLocal(at: Date): string {
  const parts = Object.fromEntries(berlinParts.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The instant a Berlin wall-clock time means, or null when the clock skips it (02:00–02:59 on the last
 * Sunday of March). When the clock repeats an hour (last Sunday of October) the earlier one, summer
 * time, is meant: it is the one that comes first in the day.
 */
export function berlinLocalToDate(local: string): Date | null {
  if (!isBerlinLocalFormat(local)) return null;
  const asIfUtc = Date.parse(`${local}:00Z`);
  // Berlin is UTC+2 in summer, UTC+1 in winter: the instant is one of these two, if any
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asIfUtc - offsetHours * 3_600_000);
    if (toBerlinLocal(candidate) === local) return candidate;
  }
  return null;
}

function isBerlinLocalFormat(local: string): boolean {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return false;
  const [, day, hours, minutes] = match;
  return isCalendarDay(day!) && Number(hours) < 24 && Number(minutes) < 60;
}

/**
 * A Berlin wall-clock time as a form field, turned into the instant it means. An instant (Date) is
 * taken as its Berlin wall-clock minute, so a service can parse what a router already parsed (talks
 * are scheduled to the minute, and never in the hour the clock repeats at night).
 */
export const berlinDateTimeSchema = (named: string) =>
  z.preprocess((value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? toBerlinLocal(value) : value), berlinLocalSchema(named));

const berlinLocalSchema = (named: string) =>
  z
    .string({ message: `Bitte geben Sie ${named} an.` })
    .trim()
    .min(1, { message: `Bitte geben Sie ${named} an.`, abort: true })
    .regex(LOCAL_PATTERN, { message: `Bitte geben Sie ${named} als Datum und Uhrzeit an (TT.MM.JJJJ, HH:MM).`, abort: true })
    .refine(isBerlinLocalFormat, { message: "Dieses Datum gibt es nicht oder es liegt außerhalb des möglichen Zeitraums.", abort: true })
    .transform((local, context) => {
      const at = berlinLocalToDate(local);
      if (at) return at;
      context.addIssue({ code: "custom", message: "Diese Uhrzeit gibt es wegen der Umstellung auf die Sommerzeit nicht (die Uhr springt von 2:00 auf 3:00 Uhr)." });
      return z.NEVER;
    });

const germanDateTime = new Intl.DateTimeFormat("de-DE", {
  timeZone: BERLIN,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const germanTime = new Intl.DateTimeFormat("de-DE", { timeZone: BERLIN, hour: "2-digit", minute: "2-digit" });
const germanDate = new Intl.DateTimeFormat("de-DE", { timeZone: BERLIN, weekday: "long", day: "numeric", month: "long", year: "numeric" });

/** "Donnerstag, 3. Dezember 2026 um 10:00 Uhr" */
export const formatBerlinDateTime = (at: Date): string => `${germanDateTime.format(at)} Uhr`;
/** "10:00 Uhr" */
export const formatBerlinTime = (at: Date): string => `${germanTime.format(at)} Uhr`;
/** "Donnerstag, 3. Dezember 2026" */
export const formatBerlinDate = (at: Date): string => germanDate.format(at);
const germanShortDate = new Intl.DateTimeFormat("de-DE", { timeZone: BERLIN, day: "2-digit", month: "2-digit", year: "numeric" });
/** "03.12.2026" */
export const formatBerlinShortDate = (at: Date): string => germanShortDate.format(at);

/** "Donnerstag, 3. Dezember 2026, 10:00–11:30 Uhr", or with both days when it spans midnight */
export function formatBerlinRange(start: Date, end: Date): string {
  const sameDay = toBerlinLocal(start).slice(0, 10) === toBerlinLocal(end).slice(0, 10);
  if (sameDay) return `${formatBerlinDate(start)}, ${germanTime.format(start)}–${germanTime.format(end)} Uhr`;
  return `${formatBerlinDate(start)}, ${formatBerlinTime(start)} bis ${formatBerlinDate(end)}, ${formatBerlinTime(end)}`;
}

const DAY_MS = 86_400_000;
const dayNumber = (at: Date) => Date.parse(`${toBerlinLocal(at).slice(0, 10)}T00:00:00Z`) / DAY_MS;

/** How far off a start is: the one computation both wordings below are made from. */
export type StartDistance =
  | { kind: "over" }
  | { kind: "running" }
  | { kind: "minutes"; minutes: number }
  /** 0 = later today, 1 = tomorrow, … in Berlin calendar days */
  | { kind: "days"; days: number };

export function startDistance(start: Date, end: Date, now: Date = new Date()): StartDistance {
  if (now >= end) return { kind: "over" };
  if (now >= start) return { kind: "running" };
  const minutes = Math.round((start.getTime() - now.getTime()) / 60_000);
  if (minutes <= 60) return { kind: "minutes", minutes };
  return { kind: "days", days: dayNumber(start) - dayNumber(now) };
}

const minutesWords = (minutes: number) => `in ${minutes} ${minutes === 1 ? "Minute" : "Minuten"}`;
const dayWords: Record<number, string> = { 0: "heute", 1: "morgen", 2: "übermorgen" };

/**
 * When something starts, in words as one would say it: "in 20 Minuten (10:00 Uhr)" within the hour,
 * "heute, 14:00 Uhr", "morgen, 10:00 Uhr", "übermorgen, 9:30 Uhr", "am Donnerstag, 10:00 Uhr" within the
 * week, else "am Donnerstag, 3. Dezember, 10:00 Uhr (in 14 Tagen)"; "läuft gerade" between start and
 * end, "vorbei" after.
 */
export function describeStart(start: Date, end: Date, now: Date = new Date()): string {
  const distance = startDistance(start, end, now);
  const time = formatBerlinTime(start);
  switch (distance.kind) {
    case "over":
      return "vorbei";
    case "running":
      return "läuft gerade";
    case "minutes":
      return `${minutesWords(distance.minutes)} (${time})`;
    case "days": {
      const { days } = distance;
      if (dayWords[days]) return `${dayWords[days]}, ${time}`;
      const weekday = new Intl.DateTimeFormat("de-DE", { timeZone: BERLIN, weekday: "long" }).format(start);
      if (days < 7) return `am ${weekday}, ${time}`;
      const date = new Intl.DateTimeFormat("de-DE", { timeZone: BERLIN, day: "numeric", month: "long", ...(days > 300 ? { year: "numeric" } : {}) }).format(start);
      return `am ${weekday}, ${date}, ${time} (in ${days} Tagen)`;
    }
  }
}

/**
 * How far off a start is, without its date and time, for beside a line that already shows them:
 * "heute", "morgen", "übermorgen", "in 5 Tagen", "in 20 Minuten", "läuft gerade", "vorbei".
 */
export function describeDistance(start: Date, end: Date, now: Date = new Date()): string {
  const distance = startDistance(start, end, now);
  switch (distance.kind) {
    case "over":
      return "vorbei";
    case "running":
      return "läuft gerade";
    case "minutes":
      return minutesWords(distance.minutes);
    case "days":
      return dayWords[distance.days] ?? `in ${distance.days} Tagen`;
  }
}
