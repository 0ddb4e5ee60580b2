import { assertCan, type Actor } from "../../auth/policy";
import { db, type Prisma, type Tx } from "../../db";
import { listImpulseTalksSchema, type ListImpulseTalksInput } from "../../schemas/impulse-talk";
import { impulseTalkSelect, toImpulseTalkDto, type ImpulseTalkDto } from "./dto";

/** The programme has a talk or two a month: two years of them fit one page. */
const LIST_MAX = 200;

/**
 * Upcoming talks (not yet over, a running one included) soonest first, or past ones latest first;
 * filtered by series and working group. Cancelled talks stay listed, marked, so nobody wonders where
 * one went.
 */
export async function listImpulseTalks(actor: Actor | null, input: ListImpulseTalksInput, tx: Tx = db()): Promise<ImpulseTalkDto[]> {
  assertCan(actor, "impulse.read");
  const filter = listImpulseTalksSchema.parse(input);
  const now = new Date();
  const where: Prisma.ImpulseTalkWhereInput = {
    endsAt: filter.period === "upcoming" ? { gt: now } : { lte: now },
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.groupId ? { groups: { some: { groupId: filter.groupId } } } : {}),
  };
  const rows = await tx.impulseTalk.findMany({
    where,
    select: impulseTalkSelect,
    orderBy: { startsAt: filter.period === "upcoming" ? "asc" : "desc" },
    take: LIST_MAX,
  });
  return rows.map(toImpulseTalkDto);
}

/** The next talk that takes place (running or upcoming, not cancelled), for the home page. */
export async function nextImpulseTalk(actor: Actor | null, tx: Tx = db()): Promise<ImpulseTalkDto | null> {
  assertCan(actor, "impulse.read");
  const row = await tx.impulseTalk.findFirst({
    where: { endsAt: { gt: new Date() }, cancelledAt: null },
    select: impulseTalkSelect,
    orderBy: { startsAt: "asc" },
  });
  return row ? toImpulseTalkDto(row) : null;
}
