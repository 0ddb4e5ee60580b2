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

/**
 * Serialises the writes that must see one consistent draft (save, add, move, publish): the document
 * row is locked for the rest of the transaction. Publishing then freezes text and citations of one
 * moment, two moves never lose one, and two additions cannot pass the section limit together.
 */
export async function lockResultDocument(tx: Tx): Promise<void> {
  await tx.$executeRaw`INSERT INTO "ResultDocument" (id, title) VALUES (1, ${RESULT_DOCUMENT_TITLE}) ON CONFLICT (id) DO NOTHING`;
  await tx.$queryRaw`SELECT id FROM "ResultDocument" WHERE id = 1 FOR UPDATE`;
}
