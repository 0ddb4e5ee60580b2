import type { Actor } from "../../auth/policy";
import { db, Prisma } from "../../db";
import { OZG_PAGE_SIZE, ozgListSchema, type OzgAvailability, type OzgListFilter, type OzgPhase, type OzgSort } from "../../schemas/ozg";
import { assertCanReadOzg } from "./read-access";
import type { OzgSettingsView } from "./settings";

export interface OzgServiceRow {
  ozgId: string;
  name: string;
  lage: string;
  themenfeld: string;
  ressort: string | null;
  priority: number | null;
  phase: OzgPhase;
  implementationModel: string | null;
  leadState: string | null;
  isFocus: boolean;
  availability: OzgAvailability;
  updatedAt: Date;
}

export interface OzgServicePage {
  rows: OzgServiceRow[];
  /** matches of the filters, all pages */
  total: number;
  /** the page shown: a page past the end shows the last one */
  page: number;
  pageCount: number;
  filter: OzgListFilter;
  settings: OzgSettingsView;
}

const sortColumns: Record<OzgSort, Prisma.Sql> = {
  ozgId: Prisma.sql`length(s."ozgId"), s."ozgId"`,
  name: Prisma.sql`lower(s."name")`,
  lage: Prisma.sql`lower(s."lage")`,
  themenfeld: Prisma.sql`lower(s."themenfeld")`,
  ressort: Prisma.sql`s."ressort"`,
  priority: Prisma.sql`s."priority"`,
  // the enum's declared order is the programme's: Depriorisiert, 0 … 6
  phase: Prisma.sql`s."phase"`,
  implementationModel: Prisma.sql`lower(s."implementationModel")`,
  leadState: Prisma.sql`s."leadState"`,
  isFocus: Prisma.sql`s."isFocus"`,
  availability: Prisma.sql`s."availability"`,
  updatedAt: Prisma.sql`s."updatedAt"`,
};

const likePattern = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The conditions of a filter on `"OzgService" s`: shared by the table, the export and the overview's
 * counts. Free text matches the name (German stemming, and as a part of a word), the OZG ID and the
 * LeiKa keys of its services (both from their beginning).
 */
export function ozgFilterConditions(filter: OzgListFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.ressorts?.length) conditions.push(Prisma.sql`s."ressort" IN (${Prisma.join(filter.ressorts)})`);
  if (filter.priorities?.length) conditions.push(Prisma.sql`s."priority" IN (${Prisma.join(filter.priorities)})`);
  if (filter.phases?.length) conditions.push(Prisma.sql`s."phase"::text IN (${Prisma.join(filter.phases)})`);
  if (filter.availabilities?.length) conditions.push(Prisma.sql`s."availability"::text IN (${Prisma.join(filter.availabilities)})`);
  if (filter.themenfeld) conditions.push(Prisma.sql`s."themenfeld" = ${filter.themenfeld}`);
  if (filter.lage) conditions.push(Prisma.sql`s."lage" = ${filter.lage}`);
  if (filter.focusOnly) conditions.push(Prisma.sql`s."isFocus"`);
  const query = filter.query?.trim();
  if (query) {
    const like = likePattern(query.toLowerCase());
    const keyPrefix = query.replace(/\s+/g, "");
    conditions.push(Prisma.sql`(
      to_tsvector('german', s."name") @@ websearch_to_tsquery('german', ${query})
      OR lower(s."name") LIKE ${`%${like}%`}
      OR lower(s."ozgId") LIKE ${`${like}%`}
      ${
        /^\d{3,14}$/.test(keyPrefix)
          ? Prisma.sql`OR EXISTS (SELECT 1 FROM "OzgLeikaService" l WHERE l."ozgId" = s."ozgId" AND l."leikaKey" LIKE ${`${keyPrefix}%`})`
          : Prisma.empty
      }
    )`);
  }
  return Prisma.join(conditions, " AND ");
}

export function ozgOrderBy(filter: Pick<OzgListFilter, "sort" | "direction">): Prisma.Sql {
  const direction = filter.direction === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // services without a value sort last either way; the OZG ID keeps the order stable
  return Prisma.sql`${sortColumns[filter.sort]} ${direction} NULLS LAST, length(s."ozgId"), s."ozgId"`;
}

const rowColumns = Prisma.sql`s."ozgId", s."name", s."lage", s."themenfeld", s."ressort", s."priority", s."phase"::text AS "phase",
  s."implementationModel", s."leadState", s."isFocus", s."availability"::text AS "availability", s."updatedAt"`;

/** One page of the service table for the filters, sorted; a page past the end gives the last page. */
export async function listOzgServices(actor: Actor | null, rawInput: unknown): Promise<OzgServicePage> {
  const settings = await assertCanReadOzg(actor);
  const filter = ozgListSchema.parse(rawInput);
  const where = ozgFilterConditions(filter);
  const [{ total }] = await db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "OzgService" s WHERE ${where}`;
  const pageCount = Math.max(1, Math.ceil(total / OZG_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db().$queryRaw<OzgServiceRow[]>`
    SELECT ${rowColumns} FROM "OzgService" s WHERE ${where}
    ORDER BY ${ozgOrderBy(filter)} LIMIT ${OZG_PAGE_SIZE} OFFSET ${(page - 1) * OZG_PAGE_SIZE}`;
  return { rows, total, page, pageCount, filter: { ...filter, page }, settings };
}

/** Every match of the filters in their order, for the export. */
export async function allOzgServices(filter: OzgListFilter): Promise<(OzgServiceRow & { leikaKeys: string | null })[]> {
  return db().$queryRaw`
    SELECT ${rowColumns},
      (SELECT string_agg(l."leikaKey", ', ' ORDER BY l."leikaKey") FROM "OzgLeikaService" l WHERE l."ozgId" = s."ozgId" AND l."leikaKey" IS NOT NULL) AS "leikaKeys"
    FROM "OzgService" s WHERE ${ozgFilterConditions(filter)}
    ORDER BY ${ozgOrderBy(filter)}`;
}
