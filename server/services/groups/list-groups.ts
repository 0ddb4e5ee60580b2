import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { groupSlugSchema } from "../../schemas/group";
import { groupSelect, memberSelect, type GroupDetail, type GroupSummary } from "./dto";

export async function listGroups(actor: Actor | null): Promise<GroupSummary[]> {
  assertCan(actor, "internal.read");
  const [groups, memberships] = await Promise.all([
    db().workingGroup.findMany({ select: groupSelect, orderBy: { position: "asc" } }),
    db().groupMembership.findMany({ where: { userId: actor.id }, select: { groupId: true } }),
  ]);
  const mine = new Set(memberships.map((m) => m.groupId));
  return groups.map(({ _count, ...group }) => ({
    ...group,
    memberCount: _count.members,
    threadCount: _count.threads,
    isMember: mine.has(group.id),
  }));
}

export async function getGroupBySlug(actor: Actor | null, rawInput: unknown): Promise<GroupDetail> {
  assertCan(actor, "internal.read");
  // a slug that cannot exist is simply not there: pages answer 404, not "invalid input"
  const parsed = groupSlugSchema.safeParse(rawInput);
  if (!parsed.success) throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  const { slug } = parsed.data;
  const row = await db().workingGroup.findUnique({
    where: { slug },
    select: {
      ...groupSelect,
      members: { select: memberSelect, orderBy: { user: { name: "asc" } }, where: { user: { deactivatedAt: null } } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  const { _count, members, ...group } = row;
  return {
    ...group,
    memberCount: members.length,
    threadCount: _count.threads,
    isMember: members.some((m) => m.user.id === actor.id),
    members: members.map((m) => ({ ...m.user, joinedAt: m.joinedAt.toISOString() })),
  };
}
