import type { Actor } from "../../auth/policy";
import { db, type Prisma, type Tx } from "../../db";
import { listSpotlightsSchema, type ListSpotlightsInput } from "../../schemas/spotlight";
import { spotlightStatuses } from "../../schemas/spotlight-lifecycle";
import { spotlightSelect, toSpotlightDto, type SpotlightDto } from "./dto";
import { spotlightViewOf, visibleSpotlights } from "./visibility";

const collator = new Intl.Collator("de");

const comparators: Record<ListSpotlightsInput["sort"] & string, (a: SpotlightDto, b: SpotlightDto) => number> = {
  changed: (a, b) => a.statusChangedAt.localeCompare(b.statusChangedAt),
  created: (a, b) => a.createdAt.localeCompare(b.createdAt),
  title: (a, b) => collator.compare(a.title, b.title),
  cosigns: (a, b) => a.cosigningMunicipalities.length - b.cosigningMunicipalities.length,
  status: (a, b) => spotlightStatuses.indexOf(a.status) - spotlightStatuses.indexOf(b.status),
  // without a due day last in either direction: they have no deadline to sort by
  due: (a, b) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"),
};

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
  const compare = comparators[filter.sort];
  const sign = filter.direction === "asc" ? 1 : -1;
  return rows
    .map((row) => toSpotlightDto(row, view))
    .sort((a, b) => sign * compare(a, b) || b.statusChangedAt.localeCompare(a.statusChangedAt));
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
