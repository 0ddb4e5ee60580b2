import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { spotlightIdSchema } from "../../schemas/spotlight";
import { cosignableSpotlightStatuses } from "../../schemas/spotlight-lifecycle";
import { followAutomatically } from "../notifications/thread-subscription";
import { assertWithinRateLimit, rateLimits } from "../rate-limit/rate-limit";
import type { SpotlightDto } from "./dto";
import { spotlightChange } from "./spotlight-events";

/**
 * Locks the spotlight's row while it may still be co-signed, so that a co-signature and the forwarding
 * that closes co-signing happen one after the other; otherwise the policy's refusal (COSIGN_CLOSED).
 */
async function lockWhileCosignable(tx: Tx, actor: Actor, spotlightId: string): Promise<{ threadId: string }> {
  const { count } = await tx.spotlight.updateMany({
    where: { id: spotlightId, status: { in: [...cosignableSpotlightStatuses] } },
    data: { updatedAt: new Date() },
  });
  const spotlight = await tx.spotlight.findUnique({ where: { id: spotlightId }, select: { status: true, threadId: true } });
  if (!spotlight) throw new AppError("NOT_FOUND", "Dieses Spotlight gibt es nicht.");
  assertCan(actor, "spotlight.cosign", { status: spotlight.status });
  if (count !== 1) throw new AppError("COSIGN_CLOSED");
  return spotlight;
}

/**
 * "Mitzeichnen": the actor co-signs for their municipality (one co-signature per person; the figure
 * shown counts municipalities). Co-signing follows the discussion thread, unless the person already
 * chose how to hear of it.
 */
export async function cosignSpotlight(actor: Actor | null, rawInput: unknown): Promise<WithEvents<SpotlightDto>> {
  assertCan(actor, "spotlight.cosign");
  const { spotlightId } = spotlightIdSchema.parse(rawInput);
  // a toggle like a reaction: the same budget
  await assertWithinRateLimit(rateLimits.reaction, actor.id);
  return db()
    .$transaction(async (tx) => {
      const { threadId } = await lockWhileCosignable(tx, actor, spotlightId);
      const existing = await tx.spotlightCosignature.findUnique({ where: { spotlightId_userId: { spotlightId, userId: actor.id } }, select: { userId: true } });
      if (existing) throw new AppError("ALREADY_COSIGNED");
      await tx.spotlightCosignature.create({ data: { spotlightId, userId: actor.id, organisation: actor.organisation } });
      await followAutomatically(tx, actor.id, threadId);
      return spotlightChange(tx, spotlightId);
    })
    .catch((error: unknown) => {
      // a second tab co-signing at the same moment
      throw isUniqueViolation(error) ? new AppError("ALREADY_COSIGNED") : error;
    });
}

/** "Mitzeichnung zurückziehen": possible until the spotlight is forwarded (or declined). */
export async function withdrawCosignature(actor: Actor | null, rawInput: unknown): Promise<WithEvents<SpotlightDto>> {
  assertCan(actor, "spotlight.cosign");
  const { spotlightId } = spotlightIdSchema.parse(rawInput);
  await assertWithinRateLimit(rateLimits.reaction, actor.id);
  return db().$transaction(async (tx) => {
    await lockWhileCosignable(tx, actor, spotlightId);
    const { count } = await tx.spotlightCosignature.deleteMany({ where: { spotlightId, userId: actor.id } });
    if (count === 0) throw new AppError("NOT_COSIGNED");
    return spotlightChange(tx, spotlightId);
  });
}
