import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { formatBerlinDateTime } from "../../schemas/berlin-time";
import { saveResultSectionSchema } from "../../schemas/results";
import { storeDraftCitations } from "./citations";
import { lockResultDocument } from "./document";
import type { ResultSectionDto } from "./dto";
import { renderSectionForStorage } from "./render-section";
import { sectionChange } from "./sections";

/**
 * Saves a section's text, rendered once, with its citations. The save names the revision it started
 * from: when someone saved in between, it is refused (SECTION_CHANGED, naming who and when) and
 * nothing changes; the editor keeps the text and shows what changed. Saving removes the saver's autosave.
 */
export async function saveResultSection(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ResultSectionDto>> {
  assertCan(actor, "results.edit");
  const input = saveResultSectionSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    await lockResultDocument(tx);
    const current = await tx.resultSection.findUnique({
      where: { id: input.sectionId },
      select: { revision: true, markdown: true, updatedAt: true, updatedBy: { select: { name: true } } },
    });
    if (!current) throw new AppError("SECTION_NOT_FOUND");
    if (current.revision !== input.baseRevision) throw sectionChanged(current);
    await tx.resultSectionDraft.deleteMany({ where: { sectionId: input.sectionId, userId: actor.id } });
    if (current.markdown === input.markdown) return { result: (await sectionChange(tx, input.sectionId)).section, events: [] };
    // the revision in the condition: of two saves from the same revision, exactly one matches
    const { count } = await tx.resultSection.updateMany({
      where: { id: input.sectionId, revision: input.baseRevision },
      data: { markdown: input.markdown, ...renderSectionForStorage(input.sectionId, input.markdown), revision: { increment: 1 }, updatedById: actor.id, updatedAt: new Date() },
    });
    if (count === 0) throw sectionChanged(current);
    await storeDraftCitations(tx, input.sectionId, input.markdown);
    const { section, events } = await sectionChange(tx, input.sectionId);
    return { result: section, events };
  });
}

function sectionChanged(current: { updatedAt: Date; updatedBy: { name: string } | null }): AppError {
  const who = current.updatedBy ? `von ${current.updatedBy.name} ` : "";
  return new AppError(
    "SECTION_CHANGED",
    `Dieser Abschnitt wurde inzwischen ${who}gespeichert (${formatBerlinDateTime(current.updatedAt)}). Ihr Text ist nicht verloren: Sie sehen jetzt, was sich geändert hat. Übernehmen Sie Ihre Änderungen in den neuen Stand und speichern Sie erneut.`,
  );
}
