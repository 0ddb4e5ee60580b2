import {
  isRessortCode,
  OZG_QUERY_MAX,
  ozgAvailabilities,
  ozgAvailabilityInfo,
  ozgPhaseInfo,
  ozgPhases,
  ozgPriorities,
  type OzgAvailability,
  type OzgListFilter,
  type OzgPhase,
  type OzgPriority,
  type OzgSort,
} from "./ozg";
import { PAGE_MAX, parsePageParam } from "./paging";
import { normaliseText } from "./text";

/**
 * The service table's URL (`/ozg/leistungen?q=…&ressort=MID,MI&prioritaet=1&phase=pilotierung&themenfeld=…
 * &lage=…&fokus=1&verfuegbarkeit=teilweise&sortierung=phase&richtung=ab&seite=2`), shared by the export
 * and by the overview's links into the table. Garbage is dropped, never an error. Client-safe.
 */

export const ozgSortSlugs: Record<OzgSort, string> = {
  ozgId: "id",
  name: "name",
  lage: "lage",
  themenfeld: "themenfeld",
  ressort: "ressort",
  priority: "prioritaet",
  phase: "phase",
  implementationModel: "modell",
  leadState: "land",
  isFocus: "fokus",
  availability: "verfuegbarkeit",
  updatedAt: "geaendert",
};

export type OzgTableParams = Omit<OzgListFilter, "page"> & { page: number };

export const defaultOzgTableParams: OzgTableParams = { sort: "ozgId", direction: "asc", page: 1 };

type RawParams = Record<string, string | string[] | undefined>;

const values = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const first = (value: string | string[] | undefined) => values(value)[0] ?? "";
const cleanText = (value: string, max: number) =>
  normaliseText(value.slice(0, 10_000), { singleLine: true })
    .replace(/\p{Cf}/gu, "")
    .trim()
    .slice(0, max);
/** every value of a list parameter: repeated (as forms send them) or comma-separated */
const listOf = (value: string | string[] | undefined) =>
  values(value)
    .slice(0, 50)
    .flatMap((entry) => entry.slice(0, 500).split(","))
    .map((entry) => cleanText(entry, 100).toLowerCase())
    .filter(Boolean);

const phaseBySlug = new Map(ozgPhases.map((phase) => [ozgPhaseInfo[phase].slug, phase]));
const availabilityBySlug = new Map(ozgAvailabilities.map((availability) => [ozgAvailabilityInfo[availability].slug, availability]));
const sortBySlug = new Map(Object.entries(ozgSortSlugs).map(([sort, slug]) => [slug, sort as OzgSort]));

/** What a column header's first click sorts by: texts and numbers from the top, progress and changes newest first. */
export const defaultOzgSortDirection = (sort: OzgSort): "asc" | "desc" => (sort === "updatedAt" || sort === "phase" || sort === "isFocus" || sort === "availability" ? "desc" : "asc");

/** The nearest valid table state for whatever a URL carries. Never throws. */
export function parseOzgTableParams(raw: RawParams): OzgTableParams {
  const phases = new Set(listOf(raw.phase).map((slug) => phaseBySlug.get(slug)).filter((phase): phase is OzgPhase => phase !== undefined));
  const availabilities = new Set(listOf(raw.verfuegbarkeit).map((slug) => availabilityBySlug.get(slug)).filter((a): a is OzgAvailability => a !== undefined));
  const priorities = new Set(listOf(raw.prioritaet).map(Number).filter((p): p is OzgPriority => (ozgPriorities as readonly number[]).includes(p)));
  const ressorts = new Set(listOf(raw.ressort).map((code) => code.toUpperCase()).filter(isRessortCode));
  const query = cleanText(first(raw.q), OZG_QUERY_MAX);
  const themenfeld = cleanText(first(raw.themenfeld), 200);
  const lage = cleanText(first(raw.lage), 300);
  const sort = sortBySlug.get(cleanText(first(raw.sortierung), 50).toLowerCase()) ?? defaultOzgTableParams.sort;
  const richtung = cleanText(first(raw.richtung), 10).toLowerCase();
  return {
    ...(query ? { query } : {}),
    ...(ressorts.size ? { ressorts: [...ressorts].sort() } : {}),
    ...(priorities.size ? { priorities: ozgPriorities.filter((p) => priorities.has(p)) } : {}),
    ...(phases.size ? { phases: ozgPhases.filter((phase) => phases.has(phase)) } : {}),
    ...(themenfeld ? { themenfeld } : {}),
    ...(lage ? { lage } : {}),
    ...(["1", "ja", "true", "on"].includes(cleanText(first(raw.fokus), 10).toLowerCase()) ? { focusOnly: true } : {}),
    ...(availabilities.size ? { availabilities: ozgAvailabilities.filter((a) => availabilities.has(a)) } : {}),
    sort,
    direction: richtung === "auf" ? "asc" : richtung === "ab" ? "desc" : defaultOzgSortDirection(sort),
    page: Math.min(parsePageParam(raw.seite), PAGE_MAX),
  };
}

/** The query string of a table state (without "?"); defaults are left out so links stay short. */
export function ozgTableQuery(params: Partial<OzgTableParams>, { forExport = false } = {}): string {
  const query = new URLSearchParams();
  if (params.query) query.set("q", params.query);
  if (params.ressorts?.length) query.set("ressort", params.ressorts.join(","));
  if (params.priorities?.length) query.set("prioritaet", params.priorities.join(","));
  if (params.phases?.length) query.set("phase", ozgPhases.filter((p) => params.phases!.includes(p)).map((p) => ozgPhaseInfo[p].slug).join(","));
  if (params.themenfeld) query.set("themenfeld", params.themenfeld);
  if (params.lage) query.set("lage", params.lage);
  if (params.focusOnly) query.set("fokus", "1");
  if (params.availabilities?.length) query.set("verfuegbarkeit", params.availabilities.map((a) => ozgAvailabilityInfo[a].slug).join(","));
  const sort = params.sort ?? defaultOzgTableParams.sort;
  const direction = params.direction ?? defaultOzgSortDirection(sort);
  if (sort !== defaultOzgTableParams.sort || direction !== defaultOzgTableParams.direction) {
    query.set("sortierung", ozgSortSlugs[sort]);
    query.set("richtung", direction === "asc" ? "auf" : "ab");
  }
  if (!forExport && params.page && params.page > 1) query.set("seite", String(params.page));
  return query.toString();
}

export function ozgTableHref(params: Partial<OzgTableParams>): string {
  const query = ozgTableQuery(params);
  return query ? `/ozg/leistungen?${query}` : "/ozg/leistungen";
}

export function ozgExportHref(format: "csv" | "xlsx", params: Partial<OzgTableParams>): string {
  const query = ozgTableQuery(params, { forExport: true });
  return `/api/ozg/export.${format}${query ? `?${query}` : ""}`;
}

export const ozgServiceHref = (ozgId: string) => `/ozg/leistungen/${encodeURIComponent(ozgId)}`;
