import { Prisma } from "../../db";
import { ozgServiceHref } from "../../schemas/ozg-params";
import { publicSpotlightStatuses } from "../../schemas/spotlight-lifecycle";

/** What the searcher asked for, as every source applies it. */
export interface SearchScope {
  /** the parsed query, `websearch_to_tsquery('german', …)`: use it with the source's indexed expression */
  tsquery: Prisma.Sql;
  /** the searcher reads internal content (participants and up); otherwise only what readers may see */
  readsInternal: boolean;
  groupId?: string;
  authorId?: string;
  /** first and last calendar day, inclusive */
  from?: string;
  to?: string;
}

/**
 * One kind of content the search finds. A later domain (spotlight topics, impulse talks, OZG services,
 * the results document) adds a source here and to `searchSources`; ranking, filters, paging,
 * snippets and permissions stay in search.ts.
 *
 * `select` is one SELECT whose columns are exactly, in this order:
 *   kind, id, "threadId" (or NULL), "groupId" (or NULL), "authorId", "createdAt",
 *   rank (ts_rank; titles weighted 'A' so they outrank body text),
 *   "titleHtml", "bodyHtml" (HTML or HTML-escaped text: the snippets are cut from it by ts_headline)
 * It restricts rows to matches of `scope.tsquery` through a GIN-indexed vector (a stored generated
 * column for long texts, an expression index for short ones; see the search migration), to `scopeConditions(...)`, and to what every caller who passed "search.read" may
 * read: a source whose content is narrower takes the actor and says so in its WHERE.
 */
export interface SearchSource {
  kind: string;
  select(scope: SearchScope): Prisma.Sql;
  /** where a hit leads */
  href(hit: { id: string; threadId: string | null; groupSlug: string | null }): string;
}

/** Calendar days are German ones; timestamps are stored as UTC wall time, as Prisma writes them. */
const startOfDay = (day: string) => Prisma.sql`((${day}::date)::timestamp AT TIME ZONE 'Europe/Berlin' AT TIME ZONE 'UTC')`;
const startOfNextDay = (day: string) => Prisma.sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin' AT TIME ZONE 'UTC')`;

/** The filters as conditions on a source's columns; a source without groups passes `groupId: null` and finds nothing in a group. */
export function scopeConditions(
  scope: SearchScope,
  columns: { groupId: Prisma.Sql | null; authorId: Prisma.Sql; createdAt: Prisma.Sql },
): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (scope.groupId) conditions.push(columns.groupId ? Prisma.sql`${columns.groupId} = ${scope.groupId}` : Prisma.sql`FALSE`);
  if (scope.authorId) conditions.push(Prisma.sql`${columns.authorId} = ${scope.authorId}`);
  if (scope.from) conditions.push(Prisma.sql`${columns.createdAt} >= ${startOfDay(scope.from)}`);
  if (scope.to) conditions.push(Prisma.sql`${columns.createdAt} < ${startOfNextDay(scope.to)}`);
  return conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

const escapeHtml = (column: Prisma.Sql) => Prisma.sql`replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

const threadPath = (groupSlug: string | null, threadId: string | null) => `/arbeitsgruppen/${groupSlug}/themen/${threadId}`;

/** Thread titles; the snippet is the opening of the first post. */
export const threadTitleSource: SearchSource = {
  kind: "thread",
  select: (scope) => Prisma.sql`
    SELECT 'thread' AS kind, t."id", t."id" AS "threadId", t."groupId", t."authorId", t."createdAt",
      ts_rank(setweight(to_tsvector('german', t."title"), 'A'), ${scope.tsquery}) AS rank,
      ${escapeHtml(Prisma.sql`t."title"`)} AS "titleHtml", coalesce(opening."html", '') AS "bodyHtml"
    FROM "Thread" t
    LEFT JOIN "Post" opening ON opening."threadId" = t."id" AND opening."number" = 1
      AND opening."deletedAt" IS NULL AND opening."hiddenAt" IS NULL
    WHERE to_tsvector('german', t."title") @@ ${scope.tsquery}
      ${scopeConditions(scope, { groupId: Prisma.sql`t."groupId"`, authorId: Prisma.sql`t."authorId"`, createdAt: Prisma.sql`t."createdAt"` })}`,
  href: (hit) => threadPath(hit.groupSlug, hit.threadId),
};

/** Post texts: `searchVector` is generated from the rendered HTML, so Markdown syntax and link targets are no search words. */
export const postSource: SearchSource = {
  kind: "post",
  select: (scope) => Prisma.sql`
    SELECT 'post' AS kind, p."id", p."threadId", t."groupId", p."authorId", p."createdAt",
      ts_rank(p."searchVector", ${scope.tsquery}) AS rank,
      ${escapeHtml(Prisma.sql`t."title"`)} AS "titleHtml", p."html" AS "bodyHtml"
    FROM "Post" p
    JOIN "Thread" t ON t."id" = p."threadId"
    WHERE p."searchVector" @@ ${scope.tsquery}
      -- deleted and hidden posts are found by nobody, moderation included: the thread shows them to moderation
      AND p."deletedAt" IS NULL AND p."hiddenAt" IS NULL
      -- an opening post whose thread title matches too is already shown as the title hit's snippet
      AND NOT (p."number" = 1 AND to_tsvector('german', t."title") @@ ${scope.tsquery})
      ${scopeConditions(scope, { groupId: Prisma.sql`t."groupId"`, authorId: Prisma.sql`p."authorId"`, createdAt: Prisma.sql`p."createdAt"` })}`,
  // the permalink page finds the post's page in its thread and highlights it
  href: (hit) => `/beitraege/${hit.id}`,
};

/** The first of a spotlight's working groups, the one its hit is shown with. */
const firstSpotlightGroup = Prisma.sql`(
  SELECT sg."groupId" FROM "SpotlightGroup" sg JOIN "WorkingGroup" g ON g."id" = sg."groupId"
  WHERE sg."spotlightId" = s."id" ORDER BY g."position" LIMIT 1)`;

/**
 * Spotlight topics by title and problem, through the spotlights migration's expression index; the
 * hit is named by its reference ("S-7: …"), the snippet cut from the problem. A spotlight belongs to
 * one or more groups: the group filter finds it in each, and the hit shows the group searched for
 * (else its first). Readers would see promoted and later ones only, as everywhere.
 */
export const spotlightSource: SearchSource = {
  kind: "spotlight",
  select: (scope) => Prisma.sql`
    SELECT 'spotlight' AS kind, s."id", NULL::text AS "threadId",
      ${scope.groupId ? Prisma.sql`${scope.groupId}::text` : firstSpotlightGroup} AS "groupId",
      s."proposerId" AS "authorId", s."createdAt",
      ts_rank(setweight(to_tsvector('german', s."title"), 'A') || to_tsvector('german', s."problem"), ${scope.tsquery}) AS rank,
      'S-' || s."number" || ': ' || ${escapeHtml(Prisma.sql`s."title"`)} AS "titleHtml", s."problemHtml" AS "bodyHtml"
    FROM "Spotlight" s
    WHERE to_tsvector('german', s."title" || ' ' || s."problem") @@ ${scope.tsquery}
      ${scope.readsInternal ? Prisma.empty : Prisma.sql`AND s."status"::text IN (${Prisma.join([...publicSpotlightStatuses])})`}
      ${scope.groupId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "SpotlightGroup" sg WHERE sg."spotlightId" = s."id" AND sg."groupId" = ${scope.groupId})` : Prisma.empty}
      ${scopeConditions({ ...scope, groupId: undefined }, { groupId: null, authorId: Prisma.sql`s."proposerId"`, createdAt: Prisma.sql`s."createdAt"` })}`,
  href: (hit) => `/spotlights/${hit.id}`,
};

/** The first of a talk's working groups, the one its hit is shown with. */
const firstTalkGroup = Prisma.sql`(
  SELECT tg."groupId" FROM "ImpulseTalkGroup" tg JOIN "WorkingGroup" g ON g."id" = tg."groupId"
  WHERE tg."talkId" = it."id" ORDER BY g."position" LIMIT 1)`;

const talkPeople = Prisma.sql`array_to_string(it."speakers", ', ') || ' · ' || it."organisation"`;

/**
 * Impulse talks by title, speakers, organisation and abstract (readers see every talk, so no scoping
 * beyond the filters). No index: the programme has a talk or two a month, a scan of a few hundred rows
 * costs less than an index to keep. The hit shows the talk's start as its date, names the moderator who
 * scheduled it, and the snippet starts with the speakers, so a hit on a name shows it.
 */
export const impulseTalkSource: SearchSource = {
  kind: "impulseTalk",
  select: (scope) => Prisma.sql`
    SELECT 'impulseTalk' AS kind, it."id", NULL::text AS "threadId",
      ${scope.groupId ? Prisma.sql`${scope.groupId}::text` : firstTalkGroup} AS "groupId",
      it."createdById" AS "authorId", it."startsAt" AS "createdAt",
      ts_rank(setweight(to_tsvector('german', it."title"), 'A') || setweight(to_tsvector('german', ${talkPeople}), 'B') || to_tsvector('german', it."abstract"), ${scope.tsquery}) AS rank,
      ${escapeHtml(Prisma.sql`it."title"`)} AS "titleHtml",
      '<p>' || ${escapeHtml(talkPeople)} || '</p>' || it."abstractHtml" AS "bodyHtml"
    FROM "ImpulseTalk" it
    WHERE to_tsvector('german', it."title" || ' ' || ${talkPeople} || ' ' || it."abstract") @@ ${scope.tsquery}
      ${scope.groupId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "ImpulseTalkGroup" tg WHERE tg."talkId" = it."id" AND tg."groupId" = ${scope.groupId})` : Prisma.empty}
      ${scopeConditions({ ...scope, groupId: undefined }, { groupId: null, authorId: Prisma.sql`it."createdById"`, createdAt: Prisma.sql`it."startsAt"` })}`,
  href: (hit) => `/impulse/${hit.id}`,
};

/**
 * OZG services by name, through the OZG migration's expression index on `to_tsvector('german', "name")`.
 * Everyone who searches reads the status (readers too), so no scoping by role; a service belongs to no
 * group and has no author, so the group and person filters leave it out, and the period applies to its
 * last change. The snippet names its OZG ID, Themenfeld and Lage.
 */
export const ozgServiceSource: SearchSource = {
  kind: "ozgService",
  select: (scope) => Prisma.sql`
    SELECT 'ozgService' AS kind, o."ozgId" AS "id", NULL::text AS "threadId", NULL::text AS "groupId",
      NULL::text AS "authorId", o."updatedAt" AS "createdAt",
      ts_rank(setweight(to_tsvector('german', o."name"), 'A'), ${scope.tsquery}) AS rank,
      ${escapeHtml(Prisma.sql`o."name"`)} AS "titleHtml",
      ${escapeHtml(Prisma.sql`'OZG-ID ' || o."ozgId" || ' · ' || o."themenfeld" || ' · ' || o."lage"`)} AS "bodyHtml"
    FROM "OzgService" o
    WHERE to_tsvector('german', o."name") @@ ${scope.tsquery}
      ${scopeConditions(scope, { groupId: null, authorId: Prisma.sql`NULL::text`, createdAt: Prisma.sql`o."updatedAt"` })}`,
  href: (hit) => ozgServiceHref(hit.id),
};

export const searchSources: readonly SearchSource[] = [threadTitleSource, postSource, spotlightSource, impulseTalkSource, ozgServiceSource];
