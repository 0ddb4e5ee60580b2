import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { impulseTalkIdSchema } from "../../schemas/impulse-talk";
import { TALK_NOT_FOUND } from "./get-talk";

export interface FollowState {
  talkId: string;
  isFollowing: boolean;
}

/**
 * Follows a talk: its moves and its cancellation reach the follower as notifications. Anyone who reads
 * talks may follow one, readers too, a cancelled or past one too (following changes nothing of the
 * talk). Following twice is following.
 */
export async function followImpulseTalk(actor: Actor | null, rawInput: unknown): Promise<FollowState> {
  assertCan(actor, "impulse.follow");
  const { talkId } = impulseTalkIdSchema.parse(rawInput);
  await assertTalkExists(talkId);
  await followTalkIn(db(), talkId, actor.id);
  return { talkId, isFollowing: true };
}

/** Makes the user a follower, inside the caller's transaction; already following (also by a concurrent call) is fine. */
export async function followTalkIn(tx: Tx, talkId: string, userId: string): Promise<void> {
  await tx.impulseTalkFollower.createMany({ data: [{ talkId, userId }], skipDuplicates: true });
}

/** Stops following; not following is fine. */
export async function unfollowImpulseTalk(actor: Actor | null, rawInput: unknown): Promise<FollowState> {
  assertCan(actor, "impulse.follow");
  const { talkId } = impulseTalkIdSchema.parse(rawInput);
  await assertTalkExists(talkId);
  await db().impulseTalkFollower.deleteMany({ where: { talkId, userId: actor.id } });
  return { talkId, isFollowing: false };
}

/** Whether the actor follows the talk, for its page. */
export async function isFollowingImpulseTalk(actor: Actor | null, talkId: string): Promise<boolean> {
  assertCan(actor, "impulse.follow");
  const row = await db().impulseTalkFollower.findUnique({ where: { talkId_userId: { talkId, userId: actor.id } }, select: { talkId: true } });
  return Boolean(row);
}

async function assertTalkExists(talkId: string): Promise<void> {
  const talk = await db().impulseTalk.findUnique({ where: { id: talkId }, select: { id: true } });
  if (!talk) throw new AppError("NOT_FOUND", TALK_NOT_FOUND);
}
