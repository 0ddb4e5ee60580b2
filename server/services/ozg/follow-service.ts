import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { ozgIdSchema } from "../../schemas/ozg";
import { assertServiceExists } from "./get-service";

export interface OzgFollowState {
  ozgId: string;
  isFollowing: boolean;
}

/**
 * "Folgen": the follower hears of the service's phase and priority changes when an import applies them
 * (the import notifies OzgServiceFollower). Readers too. Following twice is following.
 */
export async function followOzgService(actor: Actor | null, rawInput: unknown): Promise<OzgFollowState> {
  assertCan(actor, "ozg.follow");
  const { ozgId } = ozgIdSchema.parse(rawInput);
  await assertServiceExists(ozgId);
  await db().ozgServiceFollower.createMany({ data: [{ ozgId, userId: actor.id }], skipDuplicates: true });
  return { ozgId, isFollowing: true };
}

/** "Nicht mehr folgen"; not following is fine. */
export async function unfollowOzgService(actor: Actor | null, rawInput: unknown): Promise<OzgFollowState> {
  assertCan(actor, "ozg.follow");
  const { ozgId } = ozgIdSchema.parse(rawInput);
  await assertServiceExists(ozgId);
  await db().ozgServiceFollower.deleteMany({ where: { ozgId, userId: actor.id } });
  return { ozgId, isFollowing: false };
}
