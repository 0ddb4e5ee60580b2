import { assertCan, type Actor } from "../../../auth/policy";
import { db } from "../../../db";
import { AppError } from "../../../errors";
import { OZG_IMPORT_CLAIM_TTL_MS, ozgImportIdSchema } from "../../../schemas/ozg-import";
import { recordAudit } from "../../audit/record-audit";

/**
 * Discards a dry run that was not applied: it stays listed as DISCARDED, the catalogue is untouched.
 * Not while it is being applied (IMPORT_RUNNING): the apply would then find it discarded and roll back
 * anyway, but the moderator who applies it should hear about it from the apply. A claim older than
 * OZG_IMPORT_CLAIM_TTL_MS belongs to a process that died, and does not stop the discard.
 */
export async function discardOzgImport(actor: Actor | null, rawInput: unknown): Promise<{ importId: string }> {
  assertCan(actor, "ozg.import");
  const { importId } = ozgImportIdSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const row = await tx.ozgImport.findUnique({ where: { id: importId }, select: { status: true, applyingSince: true } });
    if (!row) throw new AppError("NOT_FOUND", "Diesen Import gibt es nicht.");
    if (row.status !== "CHECKED") throw new AppError("IMPORT_DONE");
    const alive = new Date(Date.now() - OZG_IMPORT_CLAIM_TTL_MS);
    const { count } = await tx.ozgImport.updateMany({
      where: { id: importId, status: "CHECKED", OR: [{ applyingSince: null }, { applyingSince: { lte: alive } }] },
      data: { status: "DISCARDED", applyingSince: null },
    });
    if (!count) {
      // between the read and the update: applied meanwhile, or claimed by an apply that is running
      const now = await tx.ozgImport.findUnique({ where: { id: importId }, select: { status: true } });
      if (now?.status === "CHECKED") throw new AppError("IMPORT_RUNNING", "Dieser Import wird gerade eingespielt und kann nicht verworfen werden.");
      throw new AppError("IMPORT_DONE");
    }
    await recordAudit(tx, actor, "ozg.import.discard", { type: "ozgImport", id: importId });
    return { importId };
  });
}
