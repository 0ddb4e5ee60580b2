import { assertCan, can, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { ozgSpotlightLinkSchema, ozgThreadLinkSchema, type OzgPhase } from "../../schemas/ozg";
import { recordAudit } from "../audit/record-audit";
import { visibleSpotlights } from "../spotlights/visibility";
import { assertServiceExists } from "./get-service";

const THREAD_NOT_FOUND = "Dieses Thema gibt es nicht (mehr).";
const SPOTLIGHT_NOT_FOUND = "Dieses Spotlight gibt es nicht.";

/** A service linked to a thread or spotlight, as the viewer sees it there. */
export interface OzgLinkedService {
  ozgId: string;
  name: string;
  phase: OzgPhase;
  /** whether the viewer may remove this link (the policy's "ozg.link" state rule) */
  canRemove: boolean;
}

/** The services linked to a thread or spotlight, and whether the viewer may link another. */
export interface OzgLinks {
  services: OzgLinkedService[];
  canLink: boolean;
}

type LinkRow = { ozgId: string; linkedById: string | null; service: { name: string; phase: OzgPhase } };
const linkSelect = { ozgId: true, linkedById: true, service: { select: { name: true, phase: true } } } as const;

function toLinked(actor: Actor, ownerId: string, rows: LinkRow[], canLink: boolean): OzgLinks {
  const services = rows
    .map((row) => ({ ozgId: row.ozgId, name: row.service.name, phase: row.service.phase, canRemove: can(actor, "ozg.link", { ownerId, linkedById: row.linkedById }) }))
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
  return { services, canLink };
}

async function threadOwner(tx: Tx, threadId: string): Promise<string> {
  const thread = await tx.thread.findUnique({ where: { id: threadId }, select: { authorId: true } });
  if (!thread) throw new AppError("NOT_FOUND", THREAD_NOT_FOUND);
  return thread.authorId;
}

async function spotlightOwner(tx: Tx, actor: Actor, spotlightId: string): Promise<string> {
  const spotlight = await tx.spotlight.findFirst({ where: { AND: [visibleSpotlights(actor), { id: spotlightId }] }, select: { proposerId: true } });
  if (!spotlight) throw new AppError("NOT_FOUND", SPOTLIGHT_NOT_FOUND);
  return spotlight.proposerId;
}

/** The services linked to a thread; for those who read threads. */
export async function ozgServicesOfThread(actor: Actor | null, threadId: string, tx: Tx = db()): Promise<OzgLinks> {
  assertCan(actor, "internal.read");
  const ownerId = await threadOwner(tx, threadId);
  // anyone who links may link to any thread they read
  return toLinked(actor, ownerId, await tx.threadOzgService.findMany({ where: { threadId }, select: linkSelect }), can(actor, "ozg.link"));
}

/** The services linked to a spotlight the actor may see (readers too). */
export async function ozgServicesOfSpotlight(actor: Actor | null, spotlightId: string, tx: Tx = db()): Promise<OzgLinks> {
  assertCan(actor, "spotlight.read");
  const ownerId = await spotlightOwner(tx, actor, spotlightId);
  const canLink = can(actor, "ozg.link", { ownerId, linkedById: null });
  return toLinked(actor, ownerId, await tx.spotlightOzgService.findMany({ where: { spotlightId }, select: linkSelect }), canLink);
}

/** Links a service to any thread the participant reads; linking twice changes nothing. */
export async function linkOzgServiceToThread(actor: Actor | null, rawInput: unknown): Promise<OzgLinks> {
  assertCan(actor, "ozg.link");
  const { threadId, ozgId } = ozgThreadLinkSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    await threadOwner(tx, threadId);
    await assertServiceExists(ozgId, tx);
    await tx.threadOzgService.createMany({ data: [{ threadId, ozgId, linkedById: actor.id }], skipDuplicates: true });
    return ozgServicesOfThread(actor, threadId, tx);
  });
}

/**
 * Removes a thread's link: the thread's author, who linked it, or moderation (whose removal of
 * someone else's link is audited). A link that is not there is removed already.
 */
export async function unlinkOzgServiceFromThread(actor: Actor | null, rawInput: unknown): Promise<OzgLinks> {
  assertCan(actor, "ozg.link");
  const { threadId, ozgId } = ozgThreadLinkSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const ownerId = await threadOwner(tx, threadId);
    const link = await tx.threadOzgService.findUnique({ where: { threadId_ozgId: { threadId, ozgId } }, select: { linkedById: true } });
    const subject = { ownerId, linkedById: link?.linkedById ?? null };
    assertCan(actor, "ozg.link", subject);
    if (link) {
      await tx.threadOzgService.delete({ where: { threadId_ozgId: { threadId, ozgId } } });
      if (isOthersLink(actor, subject)) await recordAudit(tx, actor, "ozg.unlinkThread", { type: "thread", id: threadId }, { ozgId, linkedById: link.linkedById });
    }
    return ozgServicesOfThread(actor, threadId, tx);
  });
}

/** Links a service to a spotlight: its proposer or moderation; linking twice changes nothing. */
export async function linkOzgServiceToSpotlight(actor: Actor | null, rawInput: unknown): Promise<OzgLinks> {
  assertCan(actor, "ozg.link");
  const { spotlightId, ozgId } = ozgSpotlightLinkSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const ownerId = await spotlightOwner(tx, actor, spotlightId);
    const link = await tx.spotlightOzgService.findUnique({ where: { spotlightId_ozgId: { spotlightId, ozgId } }, select: { linkedById: true } });
    assertCan(actor, "ozg.link", { ownerId, linkedById: link?.linkedById ?? null });
    await assertServiceExists(ozgId, tx);
    await tx.spotlightOzgService.createMany({ data: [{ spotlightId, ozgId, linkedById: actor.id }], skipDuplicates: true });
    return ozgServicesOfSpotlight(actor, spotlightId, tx);
  });
}

/** Removes a spotlight's link: its proposer, who linked it, or moderation (audited for others' links). */
export async function unlinkOzgServiceFromSpotlight(actor: Actor | null, rawInput: unknown): Promise<OzgLinks> {
  assertCan(actor, "ozg.link");
  const { spotlightId, ozgId } = ozgSpotlightLinkSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const ownerId = await spotlightOwner(tx, actor, spotlightId);
    const link = await tx.spotlightOzgService.findUnique({ where: { spotlightId_ozgId: { spotlightId, ozgId } }, select: { linkedById: true } });
    const subject = { ownerId, linkedById: link?.linkedById ?? null };
    assertCan(actor, "ozg.link", subject);
    if (link) {
      await tx.spotlightOzgService.delete({ where: { spotlightId_ozgId: { spotlightId, ozgId } } });
      if (isOthersLink(actor, subject)) await recordAudit(tx, actor, "ozg.unlinkSpotlight", { type: "spotlight", id: spotlightId }, { ozgId, linkedById: link.linkedById });
    }
    return ozgServicesOfSpotlight(actor, spotlightId, tx);
  });
}

/** Moderation acting on a link that is neither theirs nor on their own thread or spotlight. */
const isOthersLink = (actor: Actor, subject: { ownerId: string; linkedById: string | null }) => subject.ownerId !== actor.id && subject.linkedById !== actor.id;
