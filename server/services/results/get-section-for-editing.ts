import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { resultSectionIdSchema } from "../../schemas/results";
import { sectionSelect, type ResultSectionForEditingDto } from "./dto";
import { toSectionDtos } from "./sections";

/** A section with its Markdown for moderation's editor, and the editor's own autosaved text if it has one. */
export async function getSectionForEditing(actor: Actor | null, rawInput: unknown): Promise<ResultSectionForEditingDto> {
  assertCan(actor, "results.edit");
  const { sectionId } = resultSectionIdSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const row = await tx.resultSection.findUnique({ where: { id: sectionId }, select: sectionSelect });
    if (!row) throw new AppError("SECTION_NOT_FOUND");
    const [section] = await toSectionDtos(tx, [row]);
    const autosave = await tx.resultSectionDraft.findUnique({ where: { sectionId_userId: { sectionId, userId: actor.id } } });
    return {
      ...section!,
      markdown: row.markdown,
      autosave: autosave && autosave.markdown !== row.markdown ? { markdown: autosave.markdown, baseRevision: autosave.baseRevision, savedAt: autosave.updatedAt.toISOString() } : null,
    };
  });
}
