import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { formatBerlinRange } from "../../schemas/berlin-time";
import { cancelImpulseTalkSchema } from "../../schemas/impulse-talk";
import { recordAudit } from "../audit/record-audit";
import { notify } from "../notifications/notify";
import type { ImpulseTalkDto } from "./dto";
import { TALK_NOT_FOUND } from "./get-talk";
import { talkLink } from "./render-talk";
import { talkChange } from "./talk-events";

/**
 * Cancels a talk that has not begun, with a reason its followers read. The talk stays (calendars show it as cancelled,
 * with a raised SEQUENCE); a cancelled talk is no longer managed (policy: TALK_CANCELLED).
 */
export async function cancelImpulseTalk(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ImpulseTalkDto>> {
  assertCan(actor, "impulse.manage");
  const input = cancelImpulseTalkSchema.parse(rawInput);
  return db().$transaction((tx) => applyCancel(tx, actor, input.talkId, input.reason));
}

async function applyCancel(tx: Tx, actor: Actor, talkId: string, reason: string): Promise<WithEvents<ImpulseTalkDto>> {
  const current = await tx.impulseTalk.findUnique({ where: { id: talkId }, select: { title: true, startsAt: true, endsAt: true, cancelledAt: true } });
  if (!current) throw new AppError("NOT_FOUND", TALK_NOT_FOUND);
  assertCan(actor, "impulse.manage", current);
  // what took place stays on record as it happened (its recording, its answers)
  if (current.startsAt.getTime() <= Date.now()) throw new AppError("TALK_STARTED");
  // only a talk not yet cancelled: two moderators cancelling at once leave one cancellation
  const { count } = await tx.impulseTalk.updateMany({
    where: { id: talkId, cancelledAt: null },
    data: { cancelledAt: new Date(), cancelReason: reason, sequence: { increment: 1 } },
  });
  if (!count) throw new AppError("TALK_CANCELLED");
  await recordAudit(tx, actor, "impulse.cancel", { type: "impulseTalk", id: talkId }, { title: current.title, reason });

  const changed = await talkChange(tx, talkId);
  const followers = await tx.impulseTalkFollower.findMany({ where: { talkId }, select: { userId: true } });
  const notified = await notify(tx, [
    {
      kind: "IMPULSE_TALK_CANCELLED",
      recipientIds: followers.map((follower) => follower.userId),
      actorId: actor.id,
      title: current.title,
      excerpt: `Abgesagt (${formatBerlinRange(current.startsAt, current.endsAt)}): ${reason}`,
      link: talkLink(talkId),
      readAction: "impulse.read",
    },
  ]);
  return { result: changed.result, events: [...changed.events, ...notified] };
}
