import { SPOTLIGHT_SHORT_MAX, type ListSpotlightsInput, type SpotlightSort } from "./spotlight";
import { spotlightStatuses, type SpotlightStatus } from "./spotlight-lifecycle";
import { normaliseText } from "./text";

/**
 * The spotlight board's URL (`/spotlights?gruppe=technik&status=weitergeleitet,beantwortet&ressort=…
 * &kommune=1&ansicht=liste&sortierung=frist&richtung=auf`), shared by the CSV export. Client-safe.
 */

/** How each status is written in URLs: German, lower case, no umlauts. */
export const spotlightStatusSlugs: Record<SpotlightStatus, string> = {
  PROPOSED: "vorgeschlagen",
  IN_REVIEW: "in-pruefung",
  PROMOTED: "aufgenommen",
  FORWARDED: "weitergeleitet",
  ANSWERED: "beantwortet",
  CLOSED: "abgeschlossen",
  DECLINED: "abgelehnt",
};

export const spotlightSortSlugs: Record<SpotlightSort, string> = {
  changed: "geaendert",
  created: "erstellt",
  title: "titel",
  cosigns: "mitzeichnungen",
  status: "status",
  due: "frist",
};

export type SpotlightView = "board" | "liste";
export type SortDirection = "asc" | "desc";

export interface SpotlightBoardParams {
  /** working group slug; the page checks it against the groups */
  gruppe?: string;
  /** in life-cycle order, no repeats; empty means every status */
  status: SpotlightStatus[];
  /** the Ressort or body forwarded to; the page checks it against the recorded ones */
  ressort?: string;
  /** only those co-signed by someone of the viewer's municipality */
  kommune: boolean;
  ansicht: SpotlightView;
  sortierung: SpotlightSort;
  richtung: SortDirection;
}

export const defaultSpotlightBoardParams: SpotlightBoardParams = { status: [], kommune: false, ansicht: "board", sortierung: "changed", richtung: "desc" };

/** What a column header's first click sorts by: names and deadlines from the top, the rest newest or most first. */
export const defaultSortDirection = (sort: SpotlightSort): SortDirection => (sort === "title" || sort === "due" || sort === "status" ? "asc" : "desc");

type RawParams = Record<string, string | string[] | undefined>;

const values = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const first = (value: string | string[] | undefined) => values(value)[0] ?? "";
const slugKey = (value: string) => normaliseText(value, { singleLine: true }).trim().toLowerCase();

const statusBySlug = new Map(spotlightStatuses.map((status) => [spotlightStatusSlugs[status], status]));
const sortBySlug = new Map(Object.entries(spotlightSortSlugs).map(([sort, slug]) => [slug, sort as SpotlightSort]));

/**
 * The nearest valid board state for whatever a URL carries: unknown values are dropped, statuses may
 * come repeated (`status=a&status=b`, as a form sends them) or comma-separated. Never throws.
 */
export function parseSpotlightParams(raw: RawParams): SpotlightBoardParams {
  const wanted = new Set(
    values(raw.status)
      .slice(0, 50)
      .flatMap((value) => value.slice(0, 500).split(","))
      .map((slug) => statusBySlug.get(slugKey(slug)))
      .filter((status) => status !== undefined),
  );
  const gruppe = slugKey(first(raw.gruppe));
  const ressort = normaliseText(first(raw.ressort).slice(0, 10_000), { singleLine: true }).trim().slice(0, SPOTLIGHT_SHORT_MAX);
  const sortierung = sortBySlug.get(slugKey(first(raw.sortierung))) ?? defaultSpotlightBoardParams.sortierung;
  const richtung = slugKey(first(raw.richtung));
  return {
    ...(/^[a-z0-9-]{1,100}$/.test(gruppe) ? { gruppe } : {}),
    status: spotlightStatuses.filter((status) => wanted.has(status)),
    ...(ressort ? { ressort } : {}),
    kommune: ["1", "ja", "true", "on"].includes(slugKey(first(raw.kommune))),
    ansicht: slugKey(first(raw.ansicht)) === "liste" ? "liste" : "board",
    sortierung,
    richtung: richtung === "auf" ? "asc" : richtung === "ab" ? "desc" : defaultSortDirection(sortierung),
  };
}

/** The query string of a board state (without "?"); defaults are left out so links stay short. */
export function spotlightParamsQuery(params: Partial<SpotlightBoardParams>, { forExport = false } = {}): string {
  const query = new URLSearchParams();
  if (params.gruppe) query.set("gruppe", params.gruppe);
  if (params.status?.length) query.set("status", spotlightStatuses.filter((s) => params.status!.includes(s)).map((s) => spotlightStatusSlugs[s]).join(","));
  if (params.ressort) query.set("ressort", params.ressort);
  if (params.kommune) query.set("kommune", "1");
  if (!forExport && params.ansicht === "liste") query.set("ansicht", "liste");
  const sort = params.sortierung ?? defaultSpotlightBoardParams.sortierung;
  const direction = params.richtung ?? defaultSortDirection(sort);
  if (sort !== defaultSpotlightBoardParams.sortierung || direction !== defaultSpotlightBoardParams.richtung) {
    query.set("sortierung", spotlightSortSlugs[sort]);
    query.set("richtung", direction === "asc" ? "auf" : "ab");
  }
  return query.toString();
}

/** The board's address for a state. */
export function spotlightBoardHref(params: Partial<SpotlightBoardParams>): string {
  const query = spotlightParamsQuery(params);
  return query ? `/spotlights?${query}` : "/spotlights";
}

/** The CSV export's address for the board's filters and order. */
export function spotlightExportHref(params: Partial<SpotlightBoardParams>): string {
  const query = spotlightParamsQuery(params, { forExport: true });
  return query ? `/api/spotlights/export?${query}` : "/api/spotlights/export";
}

/** The list service's input for a state whose group slug the caller resolved to an id. */
export function spotlightListInput(params: SpotlightBoardParams, groupId: string | undefined): ListSpotlightsInput {
  return {
    groupId,
    statuses: params.status.length ? params.status : undefined,
    forwardedTo: params.ressort,
    cosignedByMyMunicipality: params.kommune || undefined,
    sort: params.sortierung,
    direction: params.richtung,
  };
}

/** The part of a spotlight the board's filters look at. */
interface Filterable {
  status: SpotlightStatus;
  groups: { id: string }[];
  forwardedTo: string | null;
  cosigningMunicipalities: string[];
}

/**
 * Whether a spotlight belongs on a board with these filters: the same rules as the list service, for
 * spotlights that arrive live. `organisation` is the viewer's municipality.
 */
export function matchesSpotlightFilter(spotlight: Filterable, filter: ListSpotlightsInput, organisation: string): boolean {
  if (filter.groupId && !spotlight.groups.some((group) => group.id === filter.groupId)) return false;
  if (filter.statuses?.length && !filter.statuses.includes(spotlight.status)) return false;
  if (filter.forwardedTo && spotlight.forwardedTo !== filter.forwardedTo) return false;
  if (filter.cosignedByMyMunicipality && !spotlight.cosigningMunicipalities.includes(organisation)) return false;
  return true;
}
