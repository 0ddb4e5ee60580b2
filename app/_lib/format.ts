const fullDate = new Intl.DateTimeFormat("de-DE", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Berlin" });
const shortDate = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" });
const relative = new Intl.RelativeTimeFormat("de-DE", { numeric: "auto" });

export const formatFullDate = (iso: string | Date) => `${fullDate.format(new Date(iso))} Uhr`;
export const formatShortDate = (iso: string | Date) => `${shortDate.format(new Date(iso))} Uhr`;

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "gerade eben", "vor 3 Minuten", "gestern", … */
export function formatRelative(iso: string | Date, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "gerade eben";
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === "minute") return relative.format(Math.round(seconds / size), unit);
  }
  return "gerade eben";
}

const count = new Intl.NumberFormat("de-DE");

/** A count the German way: "1.234". */
export const formatCount = (n: number) => count.format(n);
