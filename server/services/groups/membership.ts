import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { groupIdSchema } from "../../schemas/group";

/** Joining drives the home page (and later notifications); every group stays readable without it. */
export async function setMembership(actor: Actor | null, rawInput: unknown, isMember: boolean): Promise<{ isMember: boolean }> {
  assertCan(actor, "group.join");
  const { groupId } = groupIdSchema.parse(rawInput);
  const group = await db().workingGroup.findUnique({ where: { id: groupId }, select: { id: true } });
  if (!group) throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  if (isMember) {
    await db().groupMembership.upsert({
      where: { userId_groupId: { userId: actor.id, groupId } },
      create: { userId: actor.id, groupId },
      update: {},
    });
  } else {
    await db().groupMembership.deleteMany({ where: { userId: actor.id, groupId } });
  }
  return { isMember };
}
