import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError, isForeignKeyViolation } from "../../errors";
import { autosaveResultDraftSchema, resultSectionIdSchema } from "../../schemas/results";

/**
 * Keeps the editor's unsaved text on the server while the moderator types (one per person and
 * section), so a closed tab or a crashed browser loses nothing. It is nobody else's and not the section's.
 */
export async function autosaveResultDraft(actor: Actor | null, rawInput: unknown): Promise<{ savedAt: string }> {
  assertCan(actor, "results.edit");
  const input = autosaveResultDraftSchema.parse(rawInput);
  const section = await db().resultSection.findUnique({ where: { id: input.sectionId }, select: { id: true, revision: true, updatedById: true } });
  if (!section) throw new AppError("SECTION_NOT_FOUND");
  const savedAt = new Date();
  // an autosave sent before the author's own save arrived after it: the save already holds the text
  if (section.revision > input.baseRevision && section.updatedById === actor.id) return { savedAt: savedAt.toISOString() };
  const data = { markdown: input.markdown, baseRevision: input.baseRevision, updatedAt: savedAt };
  await db()
    .resultSectionDraft.upsert({
      where: { sectionId_userId: { sectionId: input.sectionId, userId: actor.id } },
      create: { sectionId: input.sectionId, userId: actor.id, ...data },
      update: data,
    })
    .catch((error: unknown) => {
      // another moderator deleted the section after the read above
      throw isForeignKeyViolation(error) ? new AppError("SECTION_NOT_FOUND") : error;
    });
  return { savedAt: savedAt.toISOString() };
}

/** Throws the editor's autosaved text away ("Verwerfen"). */
export async function discardResultDraft(actor: Actor | null, rawInput: unknown): Promise<{ discarded: boolean }> {
  assertCan(actor, "results.edit");
  const { sectionId } = resultSectionIdSchema.parse(rawInput);
  const { count } = await db().resultSectionDraft.deleteMany({ where: { sectionId, userId: actor.id } });
  return { discarded: count > 0 };
}
