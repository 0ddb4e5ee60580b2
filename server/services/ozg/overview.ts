import type { Actor } from "../../auth/policy";
import { db } from "../../db";
import { ozgPhases, ozgPriorities, ozgPriorityLabels, ressortName, type OzgPhase } from "../../schemas/ozg";
import { ressorts } from "../../schemas/ressorts";
import { assertCanReadOzg } from "./read-access";
import type { OzgSettingsView } from "./settings";

export type PhaseCounts = Record<OzgPhase, number>;

/** One bar of a stacked chart: a Ressort or a priority with its services per phase. */
export interface OzgPhaseGroup {
  /** the Ressort's code or the priority, null for services without one */
  key: string | number | null;
  label: string;
  /** the long name, for tables and tooltips */
  title: string;
  counts: PhaseCounts;
  total: number;
}

export interface OzgFocusService {
  ozgId: string;
  name: string;
  phase: OzgPhase;
}

export interface OzgOverview {
  settings: OzgSettingsView;
  total: number;
  byPhase: PhaseCounts;
  byRessort: OzgPhaseGroup[];
  byPriority: OzgPhaseGroup[];
  focus: OzgFocusService[];
  /** fileName is null for visitors who are not signed in */
  lastImport: { fileName: string | null; appliedAt: Date } | null;
}

export const emptyPhaseCounts = (): PhaseCounts => Object.fromEntries(ozgPhases.map((phase) => [phase, 0])) as PhaseCounts;

/**
 * The overview's figures, counted in one pass over the catalogue: every service lands in exactly one
 * phase, one Ressort bar and one priority bar (services without a Ressort or a priority get a bar of
 * their own), so every chart adds up to the number of services.
 */
export async function ozgOverview(actor: Actor | null): Promise<OzgOverview> {
  const settings = await assertCanReadOzg(actor);
  const [groups, focus, lastImport] = await Promise.all([
    db().$queryRaw<{ ressort: string | null; priority: number | null; phase: OzgPhase; count: number }[]>`
      SELECT s."ressort", s."priority", s."phase"::text AS "phase", count(*)::int AS "count"
      FROM "OzgService" s GROUP BY s."ressort", s."priority", s."phase"`,
    db().$queryRaw<OzgFocusService[]>`
      SELECT s."ozgId", s."name", s."phase"::text AS "phase" FROM "OzgService" s
      WHERE s."isFocus" ORDER BY lower(s."name"), s."ozgId"`,
    db().ozgImport.findFirst({ where: { status: "APPLIED", appliedAt: { not: null } }, orderBy: { appliedAt: "desc" }, select: { fileName: true, appliedAt: true } }),
  ]);

  const byPhase = emptyPhaseCounts();
  const ressortBars = new Map<string | null, OzgPhaseGroup>();
  const priorityBars = new Map<number | null, OzgPhaseGroup>();
  for (const row of groups) {
    byPhase[row.phase] += row.count;
    const ressort = ressortBars.get(row.ressort) ?? newGroup(row.ressort, row.ressort ?? "ohne Ressort", ressortName(row.ressort) ?? "ohne Ressort");
    ressortBars.set(row.ressort, add(ressort, row.phase, row.count));
    const label = row.priority === null ? "ohne Priorität" : (ozgPriorityLabels[row.priority as 1] ?? String(row.priority));
    const priority = priorityBars.get(row.priority) ?? newGroup(row.priority, label, label);
    priorityBars.set(row.priority, add(priority, row.phase, row.count));
  }

  // Ressorts in the programme's order, unknown codes after them, "ohne Ressort" last
  const ressortOrder = (key: string | null) => (key === null ? Infinity : ressorts.findIndex((r) => r.code === key) + 1 || ressorts.length + 1);
  const byRessort = [...ressortBars.values()].sort((a, b) => ressortOrder(a.key as string | null) - ressortOrder(b.key as string | null) || String(a.key).localeCompare(String(b.key)));
  // every priority 1–4 gets its bar, empty or not; "ohne Priorität" only when there are such services
  const byPriority = [
    ...ozgPriorities.map((p) => priorityBars.get(p) ?? newGroup(p, ozgPriorityLabels[p], ozgPriorityLabels[p])),
    ...[...priorityBars.values()].filter((bar) => !(ozgPriorities as readonly (number | string | null)[]).includes(bar.key)),
  ];
  const total = Object.values(byPhase).reduce((sum, n) => sum + n, 0);
  return {
    settings,
    total,
    byPhase,
    byRessort,
    byPriority,
    focus,
    // visitors who are not signed in see when, not which file
    lastImport: lastImport?.appliedAt ? { fileName: actor ? lastImport.fileName : null, appliedAt: lastImport.appliedAt } : null,
  };
}

function newGroup(key: string | number | null, label: string, title: string): OzgPhaseGroup {
  return { key, label, title, counts: emptyPhaseCounts(), total: 0 };
}

function add(group: OzgPhaseGroup, phase: OzgPhase, count: number): OzgPhaseGroup {
  group.counts[phase] += count;
  group.total += count;
  return group;
}
