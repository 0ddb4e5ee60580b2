import { can, type Actor } from "@/server/auth/policy";
import { readResultDocument } from "@/server/services/results/document";

/**
 * Whether this viewer may read the published versions. Next renders a page alongside its layout: for a
 * visitor while the document is not public the layout already redirects to the sign-in page, and the
 * page renders nothing instead of failing with "not signed in".
 */
export async function mayReadResults(actor: Actor | null): Promise<boolean> {
  return actor ? can(actor, "results.read") : (await readResultDocument()).isPublic;
}
