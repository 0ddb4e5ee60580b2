import type { Prisma } from "../../db";
import type { DocumentBlock } from "../posts/markdown";

export type ResultSourceKind = "THREAD" | "POST" | "SPOTLIGHT";

/** A thread, post or spotlight a section cites. `href` is null where this viewer may not open it. */
export interface ResultSourceDto {
  kind: ResultSourceKind;
  sourceId: string;
  label: string;
  href: string | null;
}

export interface ResultPersonDto {
  id: string;
  name: string;
  organisation: string;
}

/** A section of the working draft as participants and moderation read it. */
export interface ResultSectionDto {
  id: string;
  title: string;
  position: number;
  groupId: string | null;
  groupName: string | null;
  html: string;
  /** the numbered top-level blocks (paragraphs, lists, tables …) a comment can be anchored to */
  blocks: DocumentBlock[];
  revision: number;
  updatedAt: string;
  updatedBy: ResultPersonDto | null;
  sources: ResultSourceDto[];
}

/** A section for its editor: with its Markdown and the editor's own autosaved text, if any. */
export interface ResultSectionForEditingDto extends ResultSectionDto {
  markdown: string;
  autosave: { markdown: string; baseRevision: number; savedAt: string } | null;
}

export interface ResultCommentDto {
  id: string;
  sectionId: string;
  author: ResultPersonDto;
  /** the paragraph's number and text when the comment was written; null: the whole section */
  anchorBlock: number | null;
  anchorText: string | null;
  html: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: ResultPersonDto | null;
}

export interface ResultVersionSummaryDto {
  number: number;
  note: string;
  publishedAt: string;
  /** null for visitors who are not signed in */
  publishedBy: ResultPersonDto | null;
}

export interface ResultVersionSectionDto {
  sectionId: string;
  title: string;
  position: number;
  html: string;
  sources: ResultSourceDto[];
}

export interface ResultVersionDto extends ResultVersionSummaryDto {
  title: string;
  sections: ResultVersionSectionDto[];
  latestNumber: number;
}

export const personSelect = { id: true, name: true, organisation: true } satisfies Prisma.UserSelect;

export const sectionSelect = {
  id: true,
  title: true,
  position: true,
  groupId: true,
  group: { select: { name: true } },
  markdown: true,
  html: true,
  revision: true,
  updatedAt: true,
  updatedBy: { select: personSelect },
} satisfies Prisma.ResultSectionSelect;
export type SectionRow = Prisma.ResultSectionGetPayload<{ select: typeof sectionSelect }>;

export const commentSelect = {
  id: true,
  sectionId: true,
  author: { select: personSelect },
  anchorBlock: true,
  anchorText: true,
  bodyHtml: true,
  createdAt: true,
  resolvedAt: true,
  resolvedBy: { select: personSelect },
} satisfies Prisma.ResultCommentSelect;
export type CommentRow = Prisma.ResultCommentGetPayload<{ select: typeof commentSelect }>;

export const toCommentDto = (row: CommentRow): ResultCommentDto => ({
  id: row.id,
  sectionId: row.sectionId,
  author: row.author,
  anchorBlock: row.anchorBlock,
  anchorText: row.anchorText,
  html: row.bodyHtml,
  createdAt: row.createdAt.toISOString(),
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
  resolvedBy: row.resolvedBy,
});

export const toVersionSummary = (
  row: { number: number; note: string; publishedAt: Date; publishedBy: ResultPersonDto },
  signedIn: boolean,
): ResultVersionSummaryDto => ({
  number: row.number,
  note: row.note,
  publishedAt: row.publishedAt.toISOString(),
  publishedBy: signedIn ? row.publishedBy : null,
});
