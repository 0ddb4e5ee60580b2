import { randomUUID } from "node:crypto";
import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { createSpotlightSchema } from "../../schemas/spotlight";
import { THREAD_TITLE_MAX } from "../../schemas/thread";
import { spotlightReference } from "../../schemas/spotlight-lifecycle";
import { assertWithinRateLimit, rateLimits } from "../rate-limit/rate-limit";
import { getThread } from "../threads/get-thread";
import { insertThread } from "../threads/create-thread";
import { spotlightSelect, toSpotlightDto, type SpotlightDto } from "./dto";
import { renderSpotlightTexts } from "./render-spotlight";
import { spotlightChangeEvents } from "./spotlight-events";

export const spotlightLink = (spotlightId: string) => `/spotlights/${spotlightId}`;

/** At most `max` UTF-16 units, never half an emoji: a lone surrogate cannot be stored. */
const cut = (text: string, max: number) => text.slice(0, text.length > max && /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max);

/**
 * Proposes a spotlight: stores it as PROPOSED with the proposal as the first timeline entry, opens its
 * discussion thread in the first chosen working group (the thread machinery, with its notifications),
 * and counts the proposer's municipality as the first co-signature. Idempotent on the client's id.
 */
export async function createSpotlight(actor: Actor | null, rawInput: unknown): Promise<WithEvents<SpotlightDto>> {
  assertCan(actor, "spotlight.propose");
  const input = createSpotlightSchema.parse(rawInput);
  // a proposal opens a thread: the same budget as posting
  await assertWithinRateLimit(rateLimits.post, actor.id);
  return db().$transaction(async (tx) => {
    const existing = await tx.spotlight.findUnique({ where: { id: input.id }, select: { proposerId: true } });
    if (existing) {
      if (existing.proposerId !== actor.id) throw new AppError("CONFLICT");
      return { result: toSpotlightDto(await tx.spotlight.findUniqueOrThrow({ where: { id: input.id }, select: spotlightSelect }), "internal"), events: [] };
    }
    const groups = await tx.workingGroup.findMany({ where: { id: { in: input.groupIds } }, select: { id: true }, orderBy: { position: "asc" } });
    if (groups.length !== input.groupIds.length) throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
    if (input.sourceThreadId) await getThread(actor, input.sourceThreadId, tx);
    const discussionGroupId = input.groupIds[0]!;
    // the number first: the discussion thread is named "S-n: …" from its first event and notification on
    const [{ number }] = await tx.$queryRaw<{ number: number }[]>`SELECT nextval(pg_get_serial_sequence('"Spotlight"', 'number'))::int AS number`;

    const opening = [
      `**Spotlight-Vorschlag:** [${input.title.replace(/[[\]\\]/g, "\\$&")}](${spotlightLink(input.id)})`,
      "",
      "### Problem",
      input.problem,
      "",
      "### Anliegen",
      input.requestedAction,
    ].join("\n");
    const thread = await insertThread(tx, actor, {
      groupId: discussionGroupId,
      firstPostId: randomUUID(),
      title: cut(`${spotlightReference(number)}: ${input.title}`, THREAD_TITLE_MAX),
      body: opening,
    });

    await tx.spotlight.create({
      data: {
        id: input.id,
        number,
        title: input.title,
        problem: input.problem,
        requestedAction: input.requestedAction,
        ...renderSpotlightTexts(input.id, { problem: input.problem, requestedAction: input.requestedAction, answer: null }),
        affectedMunicipalities: input.affectedMunicipalities,
        proposerId: actor.id,
        sourceThreadId: input.sourceThreadId ?? null,
        threadId: thread.result.id,
        groups: { create: input.groupIds.map((groupId) => ({ groupId })) },
        cosignatures: { create: { userId: actor.id, organisation: actor.organisation } },
        transitions: { create: { actorId: actor.id, fromStatus: null, toStatus: "PROPOSED" } },
      },
    });
    const result = toSpotlightDto(await tx.spotlight.findUniqueOrThrow({ where: { id: input.id }, select: spotlightSelect }), "internal");
    return { result, events: [...thread.events, ...(await spotlightChangeEvents(tx, input.id))] };
  });
}
