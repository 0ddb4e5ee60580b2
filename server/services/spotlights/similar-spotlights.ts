import { assertCan, can, type Actor } from "../../auth/policy";
import { db, Prisma, type Tx } from "../../db";
import { SIMILAR_MIN_LENGTH, similarSpotlightsSchema } from "../../schemas/spotlight";
import { publicSpotlightStatuses, spotlightReference, spotlightStatusLabels, type SpotlightStatus } from "../../schemas/spotlight-lifecycle";
import { visibleLength } from "../../schemas/text";
import { spotlightLink } from "./render-spotlight";

/** Suggestions per kind: enough to spot a duplicate, few enough to read while typing. */
export const SIMILAR_LIMIT = 5;
/**
 * By words alone, a title is similar when it shares at least half of the typed title's search words
 * and at least two of them (one when only one was typed): "Digitale Schule" is not like "Digitaler
 * Bauantrag". A spotlight's title and problem together must hold three quarters of them: a long
 * problem text shares a few words with almost anything.
 */
const TITLE_WORD_SHARE = 0.5;
const DOCUMENT_WORD_SHARE = 0.75;

export interface SimilarSpotlight {
  id: string;
  /** "S-7" */
  reference: string;
  title: string;
  status: SpotlightStatus;
  statusLabel: string;
  href: string;
}

export interface SimilarThread {
  id: string;
  title: string;
  group: { slug: string; name: string };
  postCount: number;
  href: string;
}

export interface SimilarResult {
  spotlights: SimilarSpotlight[];
  /** internal: empty for readers */
  threads: SimilarThread[];
}

interface SpotlightRow {
  id: string;
  number: number;
  title: string;
  status: SpotlightStatus;
}

interface ThreadRow {
  id: string;
  title: string;
  postCount: number;
  groupSlug: string;
  groupName: string;
}

/**
 * The title's words as the German full-text search sees them ("Bauanträge" → 'bauantrag'), and a
 * query matching any of them: the GIN index finds candidates, the share of shared words decides.
 * plainto_tsquery accepts any text; its output joins lexemes (quoted) with " & ", so swapping the
 * operator gives the OR query without building query syntax from user text.
 */
const searchTerms = (title: string) => ({
  lexemes: Prisma.sql`tsvector_to_array(to_tsvector('german', ${title}))`,
  anyWord: Prisma.sql`replace(plainto_tsquery('german', ${title})::text, ' & ', ' | ')::tsquery`,
});

/** How many of `lexemes` occur among `vector`'s lexemes. */
const sharedWords = (vector: Prisma.Sql, lexemes: Prisma.Sql) =>
  Prisma.sql`cardinality(ARRAY(SELECT unnest(tsvector_to_array(${vector})) INTERSECT SELECT unnest(${lexemes})))`;

/** The word condition on the candidates' "titleWords" and "queryWords" columns. */
const sharesTitleWords = Prisma.sql`("titleWords" >= least("queryWords", 2) AND "titleWords" >= "queryWords" * ${TITLE_WORD_SHARE}::float8)`;

/**
 * Existing spotlights and threads whose titles resemble a title being typed, so that a duplicate is
 * seen before it is proposed. Similar means any of: trigram similarity of the whole titles (a typo,
 * "Bauantarg"), a title containing a close match of the typed text (word similarity), or the same
 * German search words (stemmed: "Bauanträge digital" finds "Digitaler Bauantrag") in the title, or
 * all of them in a spotlight's title and problem. One SQL for PGlite and PostgreSQL; the
 * conditions use the expression indexes of the spotlights migration and the search migration.
 *
 * Spotlights as the actor may see them (readers: promoted and later); threads only for those who
 * read internal content. A spotlight's own discussion thread is not suggested beside it, nor the
 * thread `excludeThreadId` (the one the proposal comes from, or an edited spotlight's discussion).
 */
export async function similarSpotlights(actor: Actor | null, rawInput: unknown, tx: Tx = db()): Promise<SimilarResult> {
  assertCan(actor, "spotlight.read");
  const input = similarSpotlightsSchema.parse(rawInput);
  const title = input.title;
  if (visibleLength(title) < SIMILAR_MIN_LENGTH) return { spotlights: [], threads: [] };
  const internal = can(actor, "internal.read");
  const exclude = input.excludeThreadId ?? null;
  const [spotlights, threads] = await Promise.all([
    similarSpotlightRows(tx, title, internal, exclude),
    internal ? similarThreadRows(tx, title, exclude) : [],
  ]);
  return {
    spotlights: spotlights.map((row) => ({
      id: row.id,
      reference: spotlightReference(row.number),
      title: row.title,
      status: row.status,
      statusLabel: spotlightStatusLabels[row.status],
      href: spotlightLink(row.id),
    })),
    threads: threads.map((row) => ({
      id: row.id,
      title: row.title,
      group: { slug: row.groupSlug, name: row.groupName },
      postCount: row.postCount,
      href: `/arbeitsgruppen/${row.groupSlug}/themen/${row.id}`,
    })),
  };
}

function similarSpotlightRows(tx: Tx, title: string, internal: boolean, excludeThreadId: string | null): Promise<SpotlightRow[]> {
  const { lexemes, anyWord } = searchTerms(title);
  const document = Prisma.sql`to_tsvector('german', s."title" || ' ' || s."problem")`;
  const visible = internal ? Prisma.empty : Prisma.sql`AND s."status"::text IN (${Prisma.join([...publicSpotlightStatuses])})`;
  const excluded = excludeThreadId ? Prisma.sql`AND s."threadId" <> ${excludeThreadId}` : Prisma.empty;
  return tx.$queryRaw<SpotlightRow[]>`
    SELECT id, number, title, status::text AS status FROM (
      SELECT s."id", s."number", s."title", s."status",
        lower(s."title") % lower(${title}) OR lower(${title}) <% lower(s."title") AS "isTrigramMatch",
        similarity(lower(s."title"), lower(${title})) AS similarity,
        word_similarity(lower(${title}), lower(s."title")) AS "wordSimilarity",
        cardinality(${lexemes}) AS "queryWords",
        ${sharedWords(Prisma.sql`to_tsvector('german', s."title")`, lexemes)} AS "titleWords",
        ${sharedWords(document, lexemes)} AS "documentWords"
      FROM "Spotlight" s
      WHERE (lower(s."title") % lower(${title}) OR lower(${title}) <% lower(s."title") OR ${document} @@ ${anyWord})
        ${visible} ${excluded}
    ) candidates
    WHERE "isTrigramMatch" OR ${sharesTitleWords} OR ("queryWords" > 0 AND "documentWords" >= "queryWords" * ${DOCUMENT_WORD_SHARE}::float8)
    ORDER BY similarity + "wordSimilarity" + ("titleWords" + "documentWords" / 2.0) / greatest("queryWords", 1) DESC, number DESC
    LIMIT ${SIMILAR_LIMIT}`;
}

function similarThreadRows(tx: Tx, title: string, excludeThreadId: string | null): Promise<ThreadRow[]> {
  const { lexemes, anyWord } = searchTerms(title);
  const excluded = excludeThreadId ? Prisma.sql`AND t."id" <> ${excludeThreadId}` : Prisma.empty;
  return tx.$queryRaw<ThreadRow[]>`
    SELECT id, title, "postCount", "groupSlug", "groupName" FROM (
      SELECT t."id", t."title", t."postCount", t."lastActivityAt", g."slug" AS "groupSlug", g."name" AS "groupName",
        lower(t."title") % lower(${title}) OR lower(${title}) <% lower(t."title") AS "isTrigramMatch",
        similarity(lower(t."title"), lower(${title})) AS similarity,
        word_similarity(lower(${title}), lower(t."title")) AS "wordSimilarity",
        cardinality(${lexemes}) AS "queryWords",
        ${sharedWords(Prisma.sql`to_tsvector('german', t."title")`, lexemes)} AS "titleWords"
      FROM "Thread" t
      JOIN "WorkingGroup" g ON g."id" = t."groupId"
      WHERE (lower(t."title") % lower(${title}) OR lower(${title}) <% lower(t."title") OR to_tsvector('german', t."title") @@ ${anyWord})
        -- a spotlight's discussion is suggested as the spotlight itself
        AND NOT EXISTS (SELECT 1 FROM "Spotlight" own WHERE own."threadId" = t."id")
        ${excluded}
    ) candidates
    WHERE "isTrigramMatch" OR ${sharesTitleWords}
    ORDER BY similarity + "wordSimilarity" + "titleWords"::float8 / greatest("queryWords", 1) DESC, "lastActivityAt" DESC
    LIMIT ${SIMILAR_LIMIT}`;
}
