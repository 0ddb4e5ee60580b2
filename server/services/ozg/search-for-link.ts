import { assertCan, type Actor } from "../../auth/policy";
import { db, Prisma } from "../../db";
import { ozgLinkSearchSchema, ozgListSchema, type OzgPhase } from "../../schemas/ozg";
import { ozgFilterConditions } from "./list-services";

/** Enough to pick from while typing; a longer list means the words are not yet specific. */
export const OZG_LINK_SEARCH_LIMIT = 10;

export interface OzgLinkCandidate {
  ozgId: string;
  name: string;
  phase: OzgPhase;
}

/**
 * The picker's search while linking a service: the table's free text (name with German stemming and
 * as part of a word, OZG ID from its beginning). An exact ID first, then names that begin with the
 * words, then the shorter names.
 */
export async function searchOzgForLink(actor: Actor | null, rawInput: unknown): Promise<OzgLinkCandidate[]> {
  assertCan(actor, "ozg.link");
  const { query } = ozgLinkSearchSchema.parse(rawInput);
  const filter = ozgListSchema.parse({ query });
  const prefix = `${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db().$queryRaw<OzgLinkCandidate[]>`
    SELECT s."ozgId", s."name", s."phase"::text AS "phase" FROM "OzgService" s
    WHERE ${ozgFilterConditions(filter)}
    ORDER BY CASE WHEN s."ozgId" = ${query} THEN 0 WHEN lower(s."name") LIKE ${prefix} THEN 1 ELSE 2 END,
      length(s."name"), s."name", s."ozgId"
    LIMIT ${Prisma.raw(String(OZG_LINK_SEARCH_LIMIT))}`;
}
