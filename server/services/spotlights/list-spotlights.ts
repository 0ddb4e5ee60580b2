import type { Actor } from "../../auth/policy";
import { db, type Prisma, type Tx } from "../../db";
import { listSpotlightsSchema, type ListSpotlightsInput } from "../../schemas/spotlight";
import { spotlightSelect, toSpotlightDto, type SpotlightDto } from "./dto";
import { compareSpotlights } from "../../schemas/spotlight-sort";
import { spotlightViewOf, visibleSpotlights } from "./visibility";

const collator = new Intl.Collator("de");

/**
 * The spotlights the actor may see, filtered and sorted: the board, the list view and the CSV export.
 * Not paged: over the programme's two years there are dozens, not thousands, and the board shows all.
 */
export async function listSpotlights(actor: Actor | null, input: ListSpotlightsInput, tx: Tx = db()): Promise<SpotlightDto[]> {
  const visible = visibleSpotlights(actor);
  const filter = listSpotlightsSchema.parse(input);
  const where: Prisma.SpotlightWhereInput[] = [visible];
  if (filter.groupId) where.push({ groups: { some: { groupId: filter.groupId } } });
  if (filter.statuses?.length) where.push({ status: { in: filter.statuses } });
  if (filter.forwardedTo) where.push({ forwardedTo: filter.forwardedTo });
  if (filter.cosignedByMyMunicipality && actor) where.push({ cosignatures: { some: { organisation: actor.organisation } } });
  const rows = await tx.spotlight.findMany({ where: { AND: where }, select: spotlightSelect, orderBy: { statusChangedAt: "desc" } });
  const view = spotlightViewOf(actor!);
  return rows.map((row) => toSpotlightDto(row, view)).sort(compareSpotlights(filter.sort, filter.direction));
}

/** The Ressorts and bodies spotlights were forwarded to, for the board's filter. */
export async function forwardedToOptions(actor: Actor | null, tx: Tx = db()): Promise<string[]> {
  const rows = await tx.spotlight.findMany({
    where: { AND: [visibleSpotlights(actor), { forwardedTo: { not: null } }] },
    select: { forwardedTo: true },
    distinct: ["forwardedTo"],
  });
  return rows.map((row) => row.forwardedTo!).sort(collator.compare);
}

/**
 * The spotlights that moved last (the home page, a group page) and how many there are in all: only
 * the few shown are read, not the whole board.
 */
export async function latestSpotlights(
  actor: Actor | null,
  { groupId, limit }: { groupId?: string; limit: number },
  tx: Tx = db(),
): Promise<{ spotlights: SpotlightDto[]; total: number }> {
  const where: Prisma.SpotlightWhereInput = { AND: [visibleSpotlights(actor), ...(groupId ? [{ groups: { some: { groupId } } }] : [])] };
  const [rows, total] = await Promise.all([
    tx.spotlight.findMany({ where, select: spotlightSelect, orderBy: { statusChangedAt: "desc" }, take: limit }),
    tx.spotlight.count({ where }),
  ]);
  const view = spotlightViewOf(actor!);
  return { spotlights: rows.map((row) => toSpotlightDto(row, view)), total };
}
