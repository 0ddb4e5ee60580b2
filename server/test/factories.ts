import { randomUUID } from "node:crypto";
import { toBerlinLocal } from "../schemas/berlin-time";
import type { ImpulseTalkCategory } from "../schemas/impulse-talk";
import { createImpulseTalk } from "../services/impulse-talks/create-talk";
import type { ImpulseTalkDto } from "../services/impulse-talks/dto";
import { getImpulseTalk } from "../services/impulse-talks/get-talk";
import type { Actor } from "../auth/policy";
import { db } from "../db";
import { createPost } from "../services/posts/create-post";
import { createThread } from "../services/threads/create-thread";
import type { ThreadDetail } from "../services/threads/dto";
import type { SpotlightStatus } from "../schemas/spotlight-lifecycle";
import { createSpotlight } from "../services/spotlights/create-spotlight";
import type { SpotlightDto } from "../services/spotlights/dto";
import { getSpotlight } from "../services/spotlights/get-spotlight";

export async function groupIdBySlug(slug: string): Promise<string> {
  return (await db().workingGroup.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** A new thread with one post, opened through the service. */
export async function makeThread(actor: Actor, options: { group?: string; title?: string; body?: string } = {}): Promise<ThreadDetail> {
  const { result } = await createThread(actor, {
    groupId: await groupIdBySlug(options.group ?? "technik"),
    firstPostId: randomUUID(),
    title: options.title ?? `Testthema ${randomUUID().slice(0, 8)}`,
    body: options.body ?? "Erster Beitrag",
  });
  return result;
}

export async function makePost(actor: Actor, threadId: string, body = "Ein Beitrag") {
  return (await createPost(actor, { id: randomUUID(), threadId, body })).result;
}

export async function setThreadLocked(threadId: string, isLocked: boolean): Promise<void> {
  await db().thread.update({ where: { id: threadId }, data: { isLocked } });
}

/**
 * A spotlight proposed by `actor` through the service, then put into `status` directly (test set-up,
 * not the life cycle: the transition tests go through the service).
 */
export async function makeSpotlight(
  actor: Actor,
  options: { status?: SpotlightStatus; group?: string; title?: string; dueOn?: string | null; forwardedTo?: string } = {},
): Promise<SpotlightDto> {
  const { result } = await createSpotlight(actor, {
    id: randomUUID(),
    title: options.title ?? `Testspotlight ${randomUUID().slice(0, 8)}`,
    problem: "Das Problem",
    requestedAction: "Das Anliegen",
    groupIds: [await groupIdBySlug(options.group ?? "technik")],
  });
  const status = options.status ?? "PROPOSED";
  if (status === "PROPOSED") return result;
  const reached = ["FORWARDED", "ANSWERED", "CLOSED"].includes(status);
  await db().spotlight.update({
    where: { id: result.id },
    data: {
      status,
      statusChangedAt: new Date(),
      transitions: { create: { actorId: actor.id, fromStatus: "PROPOSED", toStatus: status, comment: "Testaufbau" } },
      ...(reached
        ? { forwardedTo: options.forwardedTo ?? "Ministerium für Infrastruktur und Digitales", forwardedContact: "Referat 11", forwardedOn: new Date("2026-10-01"), dueOn: options.dueOn ? new Date(options.dueOn) : null }
        : {}),
      ...(status === "ANSWERED" || status === "CLOSED" ? { answer: "Die Antwort", answerHtml: "<p>Die Antwort</p>", answeredOn: new Date("2026-10-20") } : {}),
      ...(status === "DECLINED" ? { declineReason: "Testaufbau" } : {}),
    },
  });
  return getSpotlight(actor, result.id);
}

/** Berlin wall-clock "YYYY-MM-DDTHH:mm" some hours from now, as the talk form sends it. */
export const berlinLocalIn = (hours: number) => toBerlinLocal(new Date(Date.now() + hours * 3_600_000));

/**
 * An impulse talk scheduled by `actor` (a moderator) through the service, starting in `startsInHours`
 * (default a week ahead) for an hour. A talk in the past is set up directly (the service refuses it).
 */
export async function makeImpulseTalk(
  actor: Actor,
  options: { startsInHours?: number; title?: string; category?: ImpulseTalkCategory; groups?: string[]; cancelled?: boolean } = {},
): Promise<ImpulseTalkDto> {
  const startsInHours = options.startsInHours ?? 24 * 7;
  const future = startsInHours > 0;
  const { result } = await createImpulseTalk(actor, {
    id: randomUUID(),
    title: options.title ?? `Testvortrag ${randomUUID().slice(0, 8)}`,
    speakers: ["Dr. Anna Beispiel"],
    organisation: "Digitalagentur Beispielland",
    federalState: "Hamburg",
    category: options.category ?? "OTHER_STATES",
    startsAt: berlinLocalIn(future ? startsInHours : 24),
    endsAt: berlinLocalIn(future ? startsInHours + 1 : 25),
    onlineUrl: "https://konferenz.example.org/impuls",
    abstract: "Worum es geht",
    groupIds: await Promise.all((options.groups ?? ["technik"]).map(groupIdBySlug)),
  });
  if (future && !options.cancelled) return result;
  await db().impulseTalk.update({
    where: { id: result.id },
    data: {
      ...(future ? {} : { startsAt: new Date(Date.now() + startsInHours * 3_600_000), endsAt: new Date(Date.now() + (startsInHours + 1) * 3_600_000) }),
      ...(options.cancelled ? { cancelledAt: new Date(), cancelReason: "Testaufbau", sequence: { increment: 1 } } : {}),
    },
  });
  return getImpulseTalk(actor, result.id);
}
