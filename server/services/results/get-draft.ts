import { summarySelect } from "./versions";
import type { Actor } from "../../auth/policy";
import { db } from "../../db";
import { commentSelect, toCommentDto, toVersionSummary, type ResultCommentDto, type ResultSectionDto, type ResultVersionSummaryDto } from "./dto";
import { readResultDocument, type ResultDocumentView } from "./document";
import { assertCanReadDraft } from "./read-access";
import { listSectionRows, toSectionDtos } from "./sections";
import { draftChanges } from "./publish-version";

export interface ResultDraftDto {
  document: ResultDocumentView;
  sections: ResultSectionDto[];
  comments: ResultCommentDto[];
  latestVersion: ResultVersionSummaryDto | null;
  /** whether the draft differs from the latest version: only then is there something to publish */
  hasUnpublishedChanges: boolean;
  /** titles of the sections that are new, renamed or rewritten since the latest version */
  unpublishedSections: string[];
}

/** The working draft: every section with its sources, and every comment (open and resolved). */
export async function getResultDraft(actor: Actor | null): Promise<ResultDraftDto> {
  assertCanReadDraft(actor);
  return db().$transaction(async (tx) => {
    const [document, rows, comments, latest] = await Promise.all([
      readResultDocument(tx),
      listSectionRows(tx),
      tx.resultComment.findMany({ select: commentSelect, orderBy: { createdAt: "asc" } }),
      tx.resultVersion.findFirst({ orderBy: { number: "desc" }, select: summarySelect }),
    ]);
    const changes = await draftChanges(tx, latest?.number ?? null);
    return {
      document,
      sections: await toSectionDtos(tx, rows),
      comments: comments.map(toCommentDto),
      latestVersion: latest ? toVersionSummary(latest, true) : null,
      hasUnpublishedChanges: changes.differs,
      unpublishedSections: changes.sections,
    };
  });
}
