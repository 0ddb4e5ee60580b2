import { assertCan, can, type Actor } from "../../auth/policy";
import { AppError } from "../../errors";
import { readResultDocument, type ResultDocumentView } from "./document";

/**
 * Who reads the published versions: everyone signed in, and visitors who are not signed in once
 * moderation made the document public. Returns the document, which every results page shows.
 */
export async function assertCanReadResults(actor: Actor | null): Promise<ResultDocumentView> {
  const document = await readResultDocument();
  if (actor) assertCan(actor, "results.read");
  else if (!document.isPublic) throw new AppError("UNAUTHORIZED");
  return document;
}

/** The working draft and its comments: participants and moderation; readers are told where to look. */
export function assertCanReadDraft(actor: Actor | null): asserts actor is Actor {
  assertCan(actor, "results.read");
  if (!can(actor, "results.readDraft")) throw new AppError("DRAFT_INTERNAL");
}
