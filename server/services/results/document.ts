import { db, type Tx } from "../../db";

export const RESULT_DOCUMENT_TITLE = "Ergebnisdokument Gemeinsam Digital für Sachsen-Anhalt";

export interface ResultDocumentView {
  title: string;
  /** published versions readable without signing in */
  isPublic: boolean;
}

/** The one document row; before anything was written it is the default, not public. */
export async function readResultDocument(tx: Tx = db()): Promise<ResultDocumentView> {
  const row = await tx.resultDocument.findUnique({ where: { id: 1 }, select: { title: true, isPublic: true } });
  return row ?? { title: RESULT_DOCUMENT_TITLE, isPublic: false };
}
