import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { createResultSectionSchema, moveResultSectionSchema, renameResultSectionSchema, resultSectionIdSchema, SECTIONS_MAX } from "../../schemas/results";
import { recordAudit } from "../audit/record-audit";
import type { ResultSectionDto } from "./dto";
import { lockResultDocument } from "./document";
import { allSectionsChange, sectionOrder } from "./sections";

async function sectionOrThrow(tx: Tx, sectionId: string) {
  const section = await tx.resultSection.findUnique({ where: { id: sectionId }, select: { id: true, title: true, position: true } });
  if (!section) throw new AppError("SECTION_NOT_FOUND");
  return section;
}

/** Every section's id and position, in the draft's order. */
const sectionPositions = (tx: Tx) => tx.resultSection.findMany({ select: { id: true, position: true }, orderBy: sectionOrder });

/** Writes positions 0…n-1 in the given order where they differ, so positions stay dense whatever happened before. */
async function writePositions(tx: Tx, order: { id: string; position: number }[]) {
  for (const [position, row] of order.entries()) {
    if (row.position !== position) await tx.resultSection.update({ where: { id: row.id }, data: { position } });
  }
}

/** Adds a section at the end; it is empty until moderation writes it. */
export async function createResultSection(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ResultSectionDto[]>> {
  assertCan(actor, "results.edit");
  const input = createResultSectionSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    await lockResultDocument(tx);
    const count = await tx.resultSection.count();
    if (count >= SECTIONS_MAX) throw new AppError("TOO_MANY_SECTIONS");
    if (input.groupId && !(await tx.workingGroup.findUnique({ where: { id: input.groupId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
    }
    const last = await tx.resultSection.findFirst({ orderBy: { position: "desc" }, select: { position: true } });
    await tx.resultSection.create({ data: { title: input.title, groupId: input.groupId, position: (last?.position ?? -1) + 1, updatedById: actor.id } });
    const { sections, events } = await allSectionsChange(tx);
    return { result: sections, events };
  });
}

/** A new title; the text and its revision stay as they are. */
export async function renameResultSection(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ResultSectionDto[]>> {
  assertCan(actor, "results.edit");
  const input = renameResultSectionSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const section = await sectionOrThrow(tx, input.sectionId);
    if (section.title === input.title) return { result: (await allSectionsChange(tx)).sections, events: [] };
    await tx.resultSection.update({ where: { id: section.id }, data: { title: input.title } });
    const { sections, events } = await allSectionsChange(tx);
    return { result: sections, events };
  });
}

/** Swaps the section with its neighbour above or below; at either end nothing changes. */
export async function moveResultSection(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ResultSectionDto[]>> {
  assertCan(actor, "results.edit");
  const input = moveResultSectionSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    await lockResultDocument(tx);
    await sectionOrThrow(tx, input.sectionId);
    const order = await sectionPositions(tx);
    const index = order.findIndex((row) => row.id === input.sectionId);
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) return { result: (await allSectionsChange(tx)).sections, events: [] };
    [order[index], order[target]] = [order[target]!, order[index]!];
    await writePositions(tx, order);
    const { sections, events } = await allSectionsChange(tx);
    return { result: sections, events };
  });
}

/**
 * Removes a draft section added by mistake or no longer wanted, with its comments (open and resolved)
 * and every moderator's autosaved text of it (cascade) and its draft sources. Published versions keep
 * their own copy (ResultVersionSection and their citations have no key to the draft section); the
 * next publication leaves the section out. The sections below close up. Audited.
 */
export async function deleteResultSection(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ResultSectionDto[]>> {
  assertCan(actor, "results.deleteSection");
  const input = resultSectionIdSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    await lockResultDocument(tx);
    const section = await sectionOrThrow(tx, input.sectionId);
    const comments = await tx.resultComment.count({ where: { sectionId: section.id } });
    await tx.resultCitation.deleteMany({ where: { sectionId: section.id, versionId: null } });
    await tx.resultSection.delete({ where: { id: section.id } });
    await writePositions(tx, await sectionPositions(tx));
    await recordAudit(tx, actor, "results.deleteSection", { type: "resultSection", id: section.id }, { title: section.title, comments });
    const { sections, events } = await allSectionsChange(tx);
    return { result: sections, events };
  });
}
