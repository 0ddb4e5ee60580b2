import { assertCan, can, type Actor } from "../../auth/policy";
import { db, Prisma } from "../../db";
import { searchSchema, SEARCH_RESULTS_PER_PAGE } from "../../schemas/search";
import { headlineSegments, HIT_END, HIT_START, type TextSegment } from "./snippet";
import { searchTsquery } from "./search-query";
import { searchSources, type SearchScope } from "./sources";

export interface SearchHit {
  kind: string;
  id: string;
  href: string;
  /** the thread's title, its hits marked */
  title: TextSegment[];
  /** plain-text excerpt around the hits (for a title hit: the opening of the first post) */
  snippet: TextSegment[];
  group: { slug: string; name: string } | null;
  /** null for content nobody wrote (an OZG service) */
  author: { id: string; name: string; organisation: string } | null;
  createdAt: string;
}

export interface SearchResult {
  /** the normalised query that was searched */
  query: string;
  hits: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
  /** why nothing was searched: no query, or only words search ignores ("und", "!!!") */
  hint: "empty" | "noWords" | null;
}

interface HitRow {
  kind: string;
  id: string;
  threadId: string | null;
  createdAt: Date | string;
  total: bigint | number;
  title: string;
  snippet: string;
  groupSlug: string | null;
  groupName: string | null;
  authorId: string | null;
  authorName: string | null;
  authorOrganisation: string | null;
}

const titleOptions = `HighlightAll=true, StartSel=${HIT_START}, StopSel=${HIT_END}`;
/**
 * Fragments (the words around each hit) for long texts; short ones are shown whole, since fragments
 * start at a word and would drop leading punctuation such as the "<" of a quoted tag.
 */
const SHORT_TEXT = 400;
const shortSnippetOptions = `MaxWords=40, MinWords=20, StartSel=${HIT_START}, StopSel=${HIT_END}`;
const longSnippetOptions = `MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … ", StartSel=${HIT_START}, StopSel=${HIT_END}`;

/**
 * Full-text search with German stemming ("Bauanträge" finds "Bauantrag") over every source in
 * sources.ts: ranked, filtered by group, author and period, paged; the query is read by
 * search-query.ts. Snippets are computed for the page's hits only: ts_headline is the costly part.
 */
export async function search(actor: Actor | null, rawInput: unknown): Promise<SearchResult> {
  assertCan(actor, "search.read");
  const input = searchSchema.parse(rawInput);
  const empty = (hint: SearchResult["hint"]): SearchResult => ({ query: input.query, hits: [], total: 0, page: 1, pageCount: 1, hint });
  if (!input.query) return empty("empty");

  const [from, to] = input.from && input.to && input.from > input.to ? [input.to, input.from] : [input.from, input.to];
  const scope: SearchScope = {
    tsquery: searchTsquery(input.query),
    readsInternal: can(actor, "internal.read"),
    groupId: input.groupId,
    authorId: input.authorId,
    from,
    to,
  };
  let page = input.page;
  let rows = await hitsPage(scope, page);
  if (!rows.length && page > 1) {
    // past the last page: show the last one, as every paged list does
    const total = await countHits(scope);
    page = Math.max(1, Math.ceil(total / SEARCH_RESULTS_PER_PAGE));
    rows = total ? await hitsPage(scope, page) : [];
  }
  if (!rows.length) return (await hasSearchWords(input.query)) ? { ...empty(null), page } : empty("noWords");

  const total = Number(rows[0].total);
  const sourceOf = new Map(searchSources.map((source) => [source.kind, source]));
  return {
    query: input.query,
    hits: rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      href: sourceOf.get(row.kind)!.href(row),
      title: headlineSegments(row.title),
      snippet: headlineSegments(row.snippet),
      group: row.groupSlug && row.groupName ? { slug: row.groupSlug, name: row.groupName } : null,
      author: row.authorId ? { id: row.authorId, name: row.authorName!, organisation: row.authorOrganisation! } : null,
      createdAt: new Date(row.createdAt).toISOString(),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_RESULTS_PER_PAGE)),
    hint: null,
  };
}

const allHits = (scope: SearchScope) => Prisma.join(
  searchSources.map((source) => source.select(scope)),
  " UNION ALL ",
);

function hitsPage(scope: SearchScope, page: number): Promise<HitRow[]> {
  return db().$queryRaw<HitRow[]>`
    WITH ranked AS (
      SELECT hits.*, count(*) OVER () AS total
      FROM (${allHits(scope)}) hits
      ORDER BY rank DESC, "createdAt" DESC, id
      LIMIT ${SEARCH_RESULTS_PER_PAGE} OFFSET ${(page - 1) * SEARCH_RESULTS_PER_PAGE}
    )
    SELECT ranked.kind, ranked.id, ranked."threadId", ranked."createdAt", ranked.total,
      ts_headline('german', ranked."titleHtml", ${scope.tsquery}, ${titleOptions}) AS title,
      ts_headline('german', ranked."bodyHtml", ${scope.tsquery},
        CASE WHEN length(ranked."bodyHtml") < ${SHORT_TEXT} THEN ${shortSnippetOptions} ELSE ${longSnippetOptions} END) AS snippet,
      g."slug" AS "groupSlug", g."name" AS "groupName",
      u."id" AS "authorId", u."name" AS "authorName", u."organisation" AS "authorOrganisation"
    FROM ranked
    LEFT JOIN "User" u ON u."id" = ranked."authorId"
    LEFT JOIN "WorkingGroup" g ON g."id" = ranked."groupId"
    ORDER BY ranked.rank DESC, ranked."createdAt" DESC, ranked.id`;
}

async function countHits(scope: SearchScope): Promise<number> {
  const [row] = await db().$queryRaw<{ total: bigint | number }[]>`SELECT count(*) AS total FROM (${allHits(scope)}) hits`;
  return Number(row?.total ?? 0);
}

async function hasSearchWords(query: string): Promise<boolean> {
  const [row] = await db().$queryRaw<{ nodes: number }[]>`SELECT numnode(websearch_to_tsquery('german', ${query}))::int AS nodes`;
  return (row?.nodes ?? 0) > 0;
}
