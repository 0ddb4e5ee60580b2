import { z } from "zod";

/**
 * Calendar days as date inputs send them (YYYY-MM-DD), meant as days in Germany: the period filters of
 * the audit log and the search, a spotlight's forwarding, due and answer days. Client-safe.
 */
function existsInCalendar(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** the programme's records: nothing before 2000, nothing a date picker's typo could put centuries ahead */
const inRange = (value: string) => value >= "2000-01-01" && value <= "2099-12-31";

export const isCalendarDay = (value: string): boolean => existsInCalendar(value) && inRange(value);

export const daySchema = z
  .string({ message: "Bitte geben Sie ein Datum an." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Bitte geben Sie ein Datum im Format JJJJ-MM-TT an." })
  .refine(existsInCalendar, { message: "Dieses Datum gibt es nicht.", abort: true })
  .refine(inRange, { message: "Dieses Datum liegt außerhalb des möglichen Zeitraums." });

/**
 * A period from a URL's `von` and `bis`: a day that is not one is left out, a period given backwards is
 * turned round. Never throws.
 */
export function parseDayRange(von: string | undefined, bis: string | undefined): { von?: string; bis?: string } {
  let from = von?.trim() ?? "";
  let to = bis?.trim() ?? "";
  if (!isCalendarDay(from)) from = "";
  if (!isCalendarDay(to)) to = "";
  if (from && to && from > to) [from, to] = [to, from];
  return { von: from || undefined, bis: to || undefined };
}

const berlinDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in Germany at this instant, YYYY-MM-DD (what "today" means for due dates). */
export const berlinDay = (at: Date = new Date()): string => berlinDayFormat.format(at);

/** "01.10.2026": how German forms and Excel write a day. */
export const formatGermanDay = (day: string): string => {
  const [year, month, date] = day.split("-");
  return `${date}.${month}.${year}`;
};

/** A day as a PostgreSQL `date` column holds it through Prisma: midnight UTC of that day. */
export const dayToDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
export const dateToDay = (date: Date): string => date.toISOString().slice(0, 10);
