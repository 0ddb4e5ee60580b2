import { assertCan, type Actor } from "../../../auth/policy";
import { db } from "../../../db";
import { importSelect, toSummary, type OzgImportSummary } from "./import-summary";

// app/(ozg)/ozg/import/[importId]/page.tsx still imports it from here: remove once it imports get-import.ts

/** The imports, newest first: the record of who brought which file in when. */
export async function listOzgImports(actor: Actor | null): Promise<OzgImportSummary[]> {
  assertCan(actor, "ozg.import");
  const rows = await db().ozgImport.findMany({ select: importSelect, orderBy: { uploadedAt: "desc" }, take: 200 });
  return rows.map(toSummary);
}
