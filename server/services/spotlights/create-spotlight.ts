import { randomUUID } from "node:crypto";
import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { createSpotlightSchema, type CreateSpotlight } from "../../schemas/spotlight";
import { THREAD_TITLE_MAX } from "../../schemas/thread";
import { spotlightReference } from "../../schemas/spotlight-lifecycle";
import { assertWithinRateLimit, rateLimits } from "../rate-limit/rate-limit";
import { getThread } from "../threads/get-thread";
import { insertThread } from "../threads/create-thread";
import { spotlightSelect, toSpotlightDto, type SpotlightDto } from "./dto";
import { renderSpotlightTexts, spotlightOpeningPost } from "./render-spotlight";
import { spotlightChange } from "./spotlight-events";


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
  // a retried send is answered with what the first one stored, without spending the budget again
  const earlier = await replay(actor, input.id);
  if (earlier) return earlier;
  // a proposal opens a thread: the same budget as posting
  await assertWithinRateLimit(rateLimits.post, actor.id);
  return db()
    .$transaction((tx) => insertSpotlight(tx, actor, input))
    .catch(async (error: unknown) => {
      // the retry raced the first send: the first one won
      const raced = isUniqueViolation(error) ? await replay(actor, input.id) : null;
      if (raced) return raced;
      throw error;
    });
}

/** The spotlight stored under this client id by this proposer, if any; someone else's id is a CONFLICT. */
async function replay(actor: Actor, spotlightId: string): Promise<WithEvents<SpotlightDto> | null> {
  const existing = await db().spotlight.findUnique({ where: { id: spotlightId }, select: spotlightSelect });
  if (!existing) return null;
  if (existing.proposer.id !== actor.id) throw new AppError("CONFLICT");
  return { result: toSpotlightDto(existing, "internal"), events: [] };
}

async function insertSpotlight(tx: Tx, actor: Actor, input: CreateSpotlight): Promise<WithEvents<SpotlightDto>> {
  const groups = await tx.workingGroup.findMany({ where: { id: { in: input.groupIds } }, select: { id: true }, orderBy: { position: "asc" } });
  if (groups.length !== input.groupIds.length) throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  if (input.sourceThreadId) await getThread(actor, input.sourceThreadId, tx);
  const discussionGroupId = input.groupIds[0]!;
  // the number first: the discussion thread is named "S-n: …" from its first event and notification on
  const [{ number }] = await tx.$queryRaw<{ number: number }[]>`SELECT nextval(pg_get_serial_sequence('"Spotlight"', 'number'))::int AS number`;

  const thread = await insertThread(tx, actor, {
    groupId: discussionGroupId,
    firstPostId: randomUUID(),
    title: cut(`${spotlightReference(number)}: ${input.title}`, THREAD_TITLE_MAX),
    body: spotlightOpeningPost(input),
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
  const changed = await spotlightChange(tx, input.id);
  return { result: changed.result, events: [...thread.events, ...changed.events] };
}
