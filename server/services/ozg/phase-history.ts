import type { Actor } from "../../auth/policy";
import { db, Prisma } from "../../db";
import { berlinLocalToDate, toBerlinLocal } from "../../schemas/berlin-time";
import { ozgPhaseInfo, ozgPhases, type OzgPhase } from "../../schemas/ozg";
import { emptyPhaseCounts, type PhaseCounts } from "./overview";
import { assertCanReadOzg } from "./read-access";

/** The chart shows two years at most: more columns would not fit a phone's width legibly. */
export const OZG_HISTORY_MAX_MONTHS = 24;

export interface OzgHistoryMonth {
  /** "2025-12" */
  month: string;
  /** "Dez 2025" */
  label: string;
  counts: PhaseCounts;
  total: number;
}

const monthNames = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];
export const ozgMonthLabel = (month: string) => `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** the history writes a phase as the export does ("4. Umsetzung (Pilotierung)") */
const phaseByLabel = new Map(ozgPhases.map((phase) => [ozgPhaseInfo[phase].label, phase]));

const nextMonth = (month: string) => {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
};

/**
 * The phase distribution at the end of each month (Berlin time), from the first recorded phase to this
 * month: a service counts in a month with the last phase its history recorded before the month ended,
 * and not before its first record. This month is the catalogue as it is now, so the last column always
 * matches the other charts.
 */
export async function ozgPhaseHistory(actor: Actor | null, now = new Date()): Promise<OzgHistoryMonth[]> {
  await assertCanReadOzg(actor);
  const current = toBerlinLocal(now).slice(0, 7);
  const [{ first }] = await db().$queryRaw<{ first: Date | null }[]>`SELECT min("changedAt") AS "first" FROM "OzgFieldChange" WHERE "field" = 'phase'`;
  const months: string[] = [];
  for (let month = first ? toBerlinLocal(first).slice(0, 7) : current; month < current; month = nextMonth(month)) months.push(month);
  const past = months.slice(-(OZG_HISTORY_MAX_MONTHS - 1));

  const counts = new Map(past.map((month) => [month, emptyPhaseCounts()]));
  if (past.length) {
    // each month's end as the first instant of the next month in Berlin, as the column stores UTC
    const ends = past.map((month, index) => Prisma.sql`(${index}::int, ${berlinLocalToDate(`${nextMonth(month)}-01T00:00`)!.toISOString().slice(0, 23).replace("T", " ")}::timestamp(3))`);
    const rows = await db().$queryRaw<{ idx: number; value: string | null; count: number }[]>`
      WITH ends("idx", "until") AS (VALUES ${Prisma.join(ends)}),
      latest AS (
        SELECT DISTINCT ON (e."idx", c."ozgId") e."idx", c."newValue" AS "value"
        FROM ends e JOIN "OzgFieldChange" c ON c."field" = 'phase' AND c."changedAt" < e."until"
        ORDER BY e."idx", c."ozgId", c."changedAt" DESC, c."id" DESC
      )
      SELECT "idx", "value", count(*)::int AS "count" FROM latest GROUP BY "idx", "value"`;
    for (const row of rows) {
      const phase = row.value === null ? undefined : phaseByLabel.get(row.value);
      if (phase) counts.get(past[row.idx]!)![phase] += row.count;
    }
  }
  const currentRows = await db().$queryRaw<{ phase: OzgPhase; count: number }[]>`SELECT "phase"::text AS "phase", count(*)::int AS "count" FROM "OzgService" GROUP BY "phase"`;
  const currentCounts = emptyPhaseCounts();
  for (const row of currentRows) currentCounts[row.phase] += row.count;
  counts.set(current, currentCounts);

  return [...past, current].map((month) => {
    const monthCounts = counts.get(month)!;
    return { month, label: ozgMonthLabel(month), counts: monthCounts, total: Object.values(monthCounts).reduce((sum, n) => sum + n, 0) };
  });
}
