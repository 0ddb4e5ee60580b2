import { assertCan, type Actor } from "../../auth/policy";
import { db, type Prisma, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { RealtimeEvent, WithEvents } from "../../realtime/events";
import { dateToDay, dayToDate, formatGermanDay } from "../../schemas/calendar-day";
import { transitionSpotlightSchema, type TransitionSpotlight } from "../../schemas/spotlight";
import { spotlightReference, spotlightStatusLabels, type SpotlightStatus } from "../../schemas/spotlight-lifecycle";
import { checkAttachable, linkAttachments } from "../attachments/link-attachments";
import { recordAudit } from "../audit/record-audit";
import { notify } from "../notifications/notify";
import { spotlightLink } from "./render-spotlight";
import type { SpotlightDto } from "./dto";
import { renderSpotlightAnswer } from "./render-spotlight";
import { spotlightChange } from "./spotlight-events";

const day = dayToDate;

/**
 * Moves a spotlight one step along the life cycle (moderation only, server/schemas/spotlight-lifecycle.ts
 * decides which steps exist). `fromStatus` is the status the moderator saw: if the spotlight moved
 * meanwhile, nothing happens (STATUS_CHANGED). Writes the step's fields, a timeline entry, an audit
 * row, and notifies the proposer, the co-signers and the followers of its discussion thread.
 */
export async function transitionSpotlight(actor: Actor | null, rawInput: unknown): Promise<WithEvents<SpotlightDto>> {
  assertCan(actor, "spotlight.transition");
  const input = transitionSpotlightSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const current = await tx.spotlight.findUnique({
      where: { id: input.spotlightId },
      select: { status: true, forwardedOn: true, number: true, title: true, threadId: true, proposerId: true },
    });
    if (!current) throw new AppError("NOT_FOUND", "Dieses Spotlight gibt es nicht.");
    if (current.status !== input.fromStatus) throw new AppError("STATUS_CHANGED");
    assertCan(actor, "spotlight.transition", { from: current.status, to: input.to });

    const { data, comment, auditDetails } = stepOf(input, current.forwardedOn);
    const attachments = input.to === "ANSWERED" ? await checkAttachable(tx, actor, { kind: "spotlight", id: input.spotlightId }, input.attachments) : [];
    const now = new Date();
    // the status in the condition: of two moderators acting at once, the second changes nothing
    const { count } = await tx.spotlight.updateMany({
      where: { id: input.spotlightId, status: current.status },
      data: { ...data, status: input.to, statusChangedAt: now },
    });
    if (count !== 1) throw new AppError("STATUS_CHANGED");
    await tx.spotlightTransition.create({
      data: { spotlightId: input.spotlightId, actorId: actor.id, fromStatus: current.status, toStatus: input.to, comment, createdAt: now },
    });
    const linked = await linkAttachments(tx, actor, { kind: "spotlight", id: input.spotlightId }, attachments, now);
    await recordAudit(tx, actor, "spotlight.transition", { type: "spotlight", id: input.spotlightId }, {
      from: current.status,
      to: input.to,
      ...(comment ? { comment } : {}),
      ...auditDetails,
      ...(linked.length ? { attachments: linked.map((attachment) => attachment.name) } : {}),
    });

    const changed = await spotlightChange(tx, input.spotlightId, current.status);
    const notified = await notifyStatusChange(tx, actor, { ...current, id: input.spotlightId }, input.to, comment);
    return { result: changed.result, events: [...changed.events, ...notified] };
  });
}

/** What a step writes besides the status, what its timeline entry says, and what the audit row keeps. */
function stepOf(
  input: TransitionSpotlight,
  forwardedOn: Date | null,
): { data: Prisma.SpotlightUpdateManyMutationInput; comment: string; auditDetails: Record<string, string | null> } {
  switch (input.to) {
    case "FORWARDED":
      return {
        data: { forwardedTo: input.forwardedTo, forwardedContact: input.forwardedContact, forwardedOn: day(input.forwardedOn), dueOn: input.dueOn ? day(input.dueOn) : null },
        comment: input.comment,
        auditDetails: { forwardedTo: input.forwardedTo, forwardedContact: input.forwardedContact, forwardedOn: input.forwardedOn, dueOn: input.dueOn ?? null },
      };
    case "ANSWERED": {
      if (forwardedOn && day(input.answeredOn) < forwardedOn) {
        throw new AppError("BAD_INPUT", `Das Datum der Antwort darf nicht vor dem Tag der Weiterleitung (${formatGermanDay(dateToDay(forwardedOn))}) liegen.`);
      }
      return {
        data: { answer: input.answer, answerHtml: renderSpotlightAnswer(input.spotlightId, input.answer), answeredOn: day(input.answeredOn) },
        comment: input.comment,
        auditDetails: { answeredOn: input.answeredOn },
      };
    }
    case "DECLINED":
      // the reason is what the timeline shows; a comment given as well follows it
      return {
        data: { declineReason: input.reason },
        comment: [input.reason, input.comment].filter(Boolean).join("\n\n"),
        auditDetails: { reason: input.reason },
      };
    default:
      return { data: {}, comment: input.comment, auditDetails: {} };
  }
}

/**
 * SPOTLIGHT_STATUS to the proposer, the co-signers and whoever follows the discussion thread; whoever
 * muted that thread hears nothing, and the moderator who acted is left out by notify(). The thread is
 * not named on the notification: reading the discussion must not mark a change of status as read.
 */
async function notifyStatusChange(
  tx: Tx,
  actor: Actor,
  spotlight: { id: string; number: number; title: string; threadId: string; proposerId: string },
  to: SpotlightStatus,
  comment: string,
): Promise<RealtimeEvent[]> {
  const [cosigners, subscriptions] = await Promise.all([
    tx.spotlightCosignature.findMany({ where: { spotlightId: spotlight.id }, select: { userId: true } }),
    tx.threadSubscription.findMany({ where: { threadId: spotlight.threadId, level: { in: ["FOLLOWING", "MUTED"] } }, select: { userId: true, level: true } }),
  ]);
  const muted = new Set(subscriptions.filter((row) => row.level === "MUTED").map((row) => row.userId));
  const candidates = [
    spotlight.proposerId,
    ...cosigners.map((row) => row.userId),
    ...subscriptions.filter((row) => row.level === "FOLLOWING").map((row) => row.userId),
  ];
  const recipientIds = [...new Set(candidates)].filter((id) => !muted.has(id));
  const status = `Neuer Stand: ${spotlightStatusLabels[to]}`;
  return notify(tx, [
    {
      kind: "SPOTLIGHT_STATUS",
      recipientIds,
      actorId: actor.id,
      title: `${spotlightReference(spotlight.number)}: ${spotlight.title}`,
      excerpt: comment ? `${status} – ${comment}` : status,
      link: spotlightLink(spotlight.id),
    },
  ]);
}
