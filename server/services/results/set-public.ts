import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { resultVisibilitySchema } from "../../schemas/results";
import { recordAudit } from "../audit/record-audit";
import { readResultDocument, RESULT_DOCUMENT_TITLE, type ResultDocumentView } from "./document";

/** Moderation shows the published versions to visitors who are not signed in, or hides them again (audited). The draft stays internal. */
export async function setResultsPublic(actor: Actor | null, rawInput: unknown): Promise<ResultDocumentView> {
  assertCan(actor, "results.publish");
  const { isPublic } = resultVisibilitySchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const before = await readResultDocument(tx);
    if (before.isPublic === isPublic) return before;
    await tx.resultDocument.upsert({ where: { id: 1 }, create: { id: 1, title: RESULT_DOCUMENT_TITLE, isPublic }, update: { isPublic, updatedAt: new Date() } });
    await recordAudit(tx, actor, isPublic ? "results.public" : "results.unpublic", { type: "resultDocument", id: "1" }, { isPublic });
    return readResultDocument(tx);
  });
}
