import { describeStart, toBerlinLocal } from "./berlin-time";

const DAY_MS = 86_400_000;
const dayNumber = (at: Date) => Date.parse(`${toBerlinLocal(at).slice(0, 10)}T00:00:00Z`) / DAY_MS;

/**
 * How far off a start is, without its date and time, for beside a line that already shows them:
 * "heute", "morgen", "übermorgen", "in 5 Tagen", "in 20 Minuten", "läuft gerade", "vorbei". Client-safe.
 */
export function describeDistance(start: Date, end: Date, now: Date = new Date()): string {
  const full = describeStart(start, end, now);
  const soon = /^in \d+ Minuten?/.exec(full);
  if (soon) return soon[0];
  const named = /^(heute|morgen|übermorgen),/.exec(full);
  if (named) return named[1]!;
  if (full === "läuft gerade" || full === "vorbei") return full;
  return `in ${dayNumber(start) - dayNumber(now)} Tagen`;
}
