import { z } from "zod";
import { daySchema, parseDayRange } from "./calendar-day";
import { idSchema } from "./common";
import { PAGE_MAX, pageSchema, parsePageParam } from "./paging";
import { normaliseText } from "./text";

/** Search words beyond this are cut off, not refused: a pasted paragraph still searches its beginning. */
export const SEARCH_QUERY_MAX = 200;
export const SEARCH_RESULTS_PER_PAGE = 20;

const normaliseQuery = (value: string) => normaliseText(value, { singleLine: true }).slice(0, SEARCH_QUERY_MAX).trim();


export const searchSchema = z.object({
  /** may be empty: the page then shows a hint instead of results */
  query: z.string({ message: "Bitte geben Sie einen Suchbegriff ein." }).max(10_000).overwrite(normaliseQuery),
  groupId: idSchema.optional(),
  authorId: idSchema.optional(),
  /** first and last day (inclusive, calendar days in Germany) */
  from: daySchema.optional(),
  to: daySchema.optional(),
  page: pageSchema,
});
export type SearchInput = z.input<typeof searchSchema>;

/** The search page's URL parameters (`/suche?q=…&gruppe=…&person=…&von=…&bis=…&seite=…`). */
export interface SearchParams {
  q: string;
  /** group slug */
  gruppe?: string;
  /** user id */
  person?: string;
  von?: string;
  bis?: string;
  seite: number;
}

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * The nearest valid state for whatever a URL carries: unknown or malformed values are dropped, a
 * period given backwards is turned round. Never throws; the slug and person are checked against the
 * filter options by the page.
 */
export function parseSearchParams(raw: RawParams): SearchParams {
  const q = normaliseQuery(first(raw.q));
  const gruppe = first(raw.gruppe).trim();
  const person = first(raw.person).trim();
  const { von, bis } = parseDayRange(first(raw.von), first(raw.bis));
  return {
    q,
    gruppe: /^[a-z0-9-]{1,100}$/.test(gruppe) ? gruppe : undefined,
    person: idSchema.safeParse(person).success ? person : undefined,
    von,
    bis,
    seite: Math.min(parsePageParam(raw.seite), PAGE_MAX),
  };
}

/** The URL of a search state; page 1 and empty filters are left out so links stay short. */
export function searchHref(params: Partial<SearchParams>): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.gruppe) query.set("gruppe", params.gruppe);
  if (params.person) query.set("person", params.person);
  if (params.von) query.set("von", params.von);
  if (params.bis) query.set("bis", params.bis);
  if (params.seite && params.seite > 1) query.set("seite", String(params.seite));
  const text = query.toString();
  return text ? `/suche?${text}` : "/suche";
}
