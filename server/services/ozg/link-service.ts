import { assertCan, can, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { ozgSpotlightLinkSchema, ozgThreadLinkSchema, type OzgPhase } from "../../schemas/ozg";
import { recordAudit } from "../audit/record-audit";
import { visibleSpotlights } from "../spotlights/visibility";
import type { SpotlightStatus } from "../../schemas/spotlight-lifecycle";
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

function toLinked(actor: Actor, ownerId: string, rows: LinkRow[], canLink: boolean, isOpen: boolean): OzgLinks {
  const services = rows
    .map((row) => ({ ozgId: row.ozgId, name: row.service.name, phase: row.service.phase, canRemove: isOpen && can(actor, "ozg.link", { ownerId, linkedById: row.linkedById }) }))
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
  return { services, canLink };
}

/** Links may change only while the thread or spotlight is open; moderation may always. */
const SPOTLIGHT_CLOSED_STATUSES: readonly SpotlightStatus[] = ["CLOSED", "DECLINED"];
const THREAD_LOCKED_LINKS = "Dieses Thema ist gesperrt: verknüpfte OZG-Leistungen kann nur noch die Moderation ändern.";

/** A thread or spotlight as linking sees it: who it belongs to, and whether its links are closed to the actor. */
interface LinkTargetState {
  ownerId: string;
  /** the refusal while the target takes no link changes from the actor, else null */
  closed: AppError | null;
}

/** What differs between linking a thread and linking a spotlight. */
interface LinkTarget {
  parse(rawInput: unknown): { targetId: string; ozgId: string };
  /** NOT_FOUND when it does not exist or the actor may not see it */
  load(tx: Tx, actor: Actor, targetId: string): Promise<LinkTargetState>;
  /** threads take anyone's links; a spotlight's are its proposer's (and moderation's) */
  linkNeedsOwnership: boolean;
  findLink(tx: Tx, targetId: string, ozgId: string): Promise<{ linkedById: string | null } | null>;
  createLink(tx: Tx, targetId: string, ozgId: string, linkedById: string): Promise<unknown>;
  deleteLink(tx: Tx, targetId: string, ozgId: string): Promise<unknown>;
  list(tx: Tx, targetId: string): Promise<LinkRow[]>;
  audit: { action: string; type: string };
}

const threadTarget: LinkTarget = {
  parse: (rawInput) => {
    const { threadId, ozgId } = ozgThreadLinkSchema.parse(rawInput);
    return { targetId: threadId, ozgId };
  },
  load: async (tx, actor, threadId) => {
    const thread = await tx.thread.findUnique({ where: { id: threadId }, select: { authorId: true, isLocked: true } });
    if (!thread) throw new AppError("NOT_FOUND", THREAD_NOT_FOUND);
    // like posts: a locked thread is moderation's
    return { ownerId: thread.authorId, closed: thread.isLocked && !can(actor, "thread.moderate") ? new AppError("THREAD_LOCKED", THREAD_LOCKED_LINKS) : null };
  },
  linkNeedsOwnership: false,
  findLink: (tx, threadId, ozgId) => tx.threadOzgService.findUnique({ where: { threadId_ozgId: { threadId, ozgId } }, select: { linkedById: true } }),
  createLink: (tx, threadId, ozgId, linkedById) => tx.threadOzgService.createMany({ data: [{ threadId, ozgId, linkedById }], skipDuplicates: true }),
  deleteLink: (tx, threadId, ozgId) => tx.threadOzgService.delete({ where: { threadId_ozgId: { threadId, ozgId } } }),
  list: (tx, threadId) => tx.threadOzgService.findMany({ where: { threadId }, select: linkSelect }),
  audit: { action: "ozg.unlinkThread", type: "thread" },
};

const spotlightTarget: LinkTarget = {
  parse: (rawInput) => {
    const { spotlightId, ozgId } = ozgSpotlightLinkSchema.parse(rawInput);
    return { targetId: spotlightId, ozgId };
  },
  load: async (tx, actor, spotlightId) => {
    const spotlight = await tx.spotlight.findFirst({ where: { AND: [visibleSpotlights(actor), { id: spotlightId }] }, select: { proposerId: true, status: true } });
    if (!spotlight) throw new AppError("NOT_FOUND", SPOTLIGHT_NOT_FOUND);
    const isClosed = SPOTLIGHT_CLOSED_STATUSES.includes(spotlight.status) && !can(actor, "thread.moderate");
    return { ownerId: spotlight.proposerId, closed: isClosed ? new AppError("SPOTLIGHT_LINKS_CLOSED") : null };
  },
  linkNeedsOwnership: true,
  findLink: (tx, spotlightId, ozgId) => tx.spotlightOzgService.findUnique({ where: { spotlightId_ozgId: { spotlightId, ozgId } }, select: { linkedById: true } }),
  createLink: (tx, spotlightId, ozgId, linkedById) => tx.spotlightOzgService.createMany({ data: [{ spotlightId, ozgId, linkedById }], skipDuplicates: true }),
  deleteLink: (tx, spotlightId, ozgId) => tx.spotlightOzgService.delete({ where: { spotlightId_ozgId: { spotlightId, ozgId } } }),
  list: (tx, spotlightId) => tx.spotlightOzgService.findMany({ where: { spotlightId }, select: linkSelect }),
  audit: { action: "ozg.unlinkSpotlight", type: "spotlight" },
};

async function linksOf(target: LinkTarget, actor: Actor, targetId: string, tx: Tx): Promise<OzgLinks> {
  const { ownerId, closed } = await target.load(tx, actor, targetId);
  const canLink = !closed && can(actor, "ozg.link", target.linkNeedsOwnership ? { ownerId, linkedById: null } : undefined);
  return toLinked(actor, ownerId, await target.list(tx, targetId), canLink, !closed);
}

/** Links a service; linking twice changes nothing. */
async function link(target: LinkTarget, actor: Actor | null, rawInput: unknown): Promise<OzgLinks> {
  assertCan(actor, "ozg.link");
  const { targetId, ozgId } = target.parse(rawInput);
  return db().$transaction(async (tx) => {
    const { ownerId, closed } = await target.load(tx, actor, targetId);
    if (target.linkNeedsOwnership) {
      const existing = await target.findLink(tx, targetId, ozgId);
      assertCan(actor, "ozg.link", { ownerId, linkedById: existing?.linkedById ?? null });
    }
    if (closed) throw closed;
    await assertServiceExists(ozgId, tx);
    await target.createLink(tx, targetId, ozgId, actor.id);
    return linksOf(target, actor, targetId, tx);
  });
}

/** Removes a link (the owner, who linked it, or moderation, audited for others' links); a link not there is removed already. */
async function unlink(target: LinkTarget, actor: Actor | null, rawInput: unknown): Promise<OzgLinks> {
  assertCan(actor, "ozg.link");
  const { targetId, ozgId } = target.parse(rawInput);
  return db().$transaction(async (tx) => {
    const { ownerId, closed } = await target.load(tx, actor, targetId);
    const existing = await target.findLink(tx, targetId, ozgId);
    const subject = { ownerId, linkedById: existing?.linkedById ?? null };
    assertCan(actor, "ozg.link", subject);
    if (closed) throw closed;
    if (existing) {
      await target.deleteLink(tx, targetId, ozgId);
      if (isOthersLink(actor, subject)) await recordAudit(tx, actor, target.audit.action, { type: target.audit.type, id: targetId }, { ozgId, linkedById: existing.linkedById });
    }
    return linksOf(target, actor, targetId, tx);
  });
}

/** The services linked to a thread; for those who read threads. */
export async function ozgServicesOfThread(actor: Actor | null, threadId: string, tx: Tx = db()): Promise<OzgLinks> {
  assertCan(actor, "internal.read");
  return linksOf(threadTarget, actor, threadId, tx);
}

/** The services linked to a spotlight the actor may see (readers too). */
export async function ozgServicesOfSpotlight(actor: Actor | null, spotlightId: string, tx: Tx = db()): Promise<OzgLinks> {
  assertCan(actor, "spotlight.read");
  return linksOf(spotlightTarget, actor, spotlightId, tx);
}

/** Links a service to any thread the participant reads, unless the thread is locked (moderation may). */
export const linkOzgServiceToThread = (actor: Actor | null, rawInput: unknown) => link(threadTarget, actor, rawInput);

/** Removes a thread's link: the thread's author, who linked it, or moderation; not in a locked thread but by moderation. */
export const unlinkOzgServiceFromThread = (actor: Actor | null, rawInput: unknown) => unlink(threadTarget, actor, rawInput);

/** Links a service to a spotlight: its proposer or moderation; not once it is closed or declined (moderation may). */
export const linkOzgServiceToSpotlight = (actor: Actor | null, rawInput: unknown) => link(spotlightTarget, actor, rawInput);

/** Removes a spotlight's link: its proposer, who linked it, or moderation; not once it is closed or declined (moderation may). */
export const unlinkOzgServiceFromSpotlight = (actor: Actor | null, rawInput: unknown) => unlink(spotlightTarget, actor, rawInput);

/** Moderation acting on a link that is neither theirs nor on their own thread or spotlight. */
const isOthersLink = (actor: Actor, subject: { ownerId: string; linkedById: string | null }) => subject.ownerId !== actor.id && subject.linkedById !== actor.id;
