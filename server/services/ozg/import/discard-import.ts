import { assertCan, type Actor } from "../../../auth/policy";
import { db } from "../../../db";
import { AppError } from "../../../errors";
import { ozgImportIdSchema } from "../../../schemas/ozg-import";
import { recordAudit } from "../../audit/record-audit";

/** Discards a dry run that was not applied: it stays listed as DISCARDED, the catalogue is untouched. */
export async function discardOzgImport(actor: Actor | null, rawInput: unknown): Promise<{ importId: string }> {
  assertCan(actor, "ozg.import");
  const { importId } = ozgImportIdSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const row = await tx.ozgImport.findUnique({ where: { id: importId }, select: { id: true } });
    if (!row) throw new AppError("NOT_FOUND", "Diesen Import gibt es nicht.");
    // not while it is being applied: the apply would then find it discarded and roll back anyway,
    // but the moderator who applies it should hear about it from the apply, not from a vanished file
    const { count } = await tx.ozgImport.updateMany({ where: { id: importId, status: "CHECKED", applyingSince: null }, data: { status: "DISCARDED" } });
    if (!count) throw new AppError("IMPORT_DONE");
    await recordAudit(tx, actor, "ozg.import.discard", { type: "ozgImport", id: importId });
    return { importId };
  });
}
