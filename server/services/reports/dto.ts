import type { Prisma } from "../../db";
import type { ReportOutcomeName, ReportReasonName } from "../../schemas/report";
import { excerptOfHtml } from "../activity/dto";
import { authorSelect, type AuthorDto } from "../users/dto";

export const reportSelect = {
  id: true,
  reason: true,
  note: true,
  createdAt: true,
  closedAt: true,
  outcome: true,
  outcomeNote: true,
  reporter: { select: authorSelect },
  closedBy: { select: authorSelect },
  post: {
    select: {
      id: true,
      number: true,
      html: true,
      author: { select: authorSelect },
      thread: { select: { id: true, title: true, group: { select: { id: true, slug: true, name: true } } } },
    },
  },
} satisfies Prisma.ReportSelect;

type ReportRow = Prisma.ReportGetPayload<{ select: typeof reportSelect }>;

/** A report as the moderation queue shows it: the post's opening words, where it is, who reported why. */
export interface ReportDto {
  id: string;
  reason: ReportReasonName;
  note: string;
  createdAt: string;
  reporter: AuthorDto;
  post: {
    id: string;
    number: number;
    excerpt: string;
    author: AuthorDto;
    thread: { id: string; title: string };
    group: { id: string; slug: string; name: string };
  };
  closedAt: string | null;
  closedBy: AuthorDto | null;
  outcome: ReportOutcomeName | null;
  outcomeNote: string;
}

export const toReportDto = (row: ReportRow): ReportDto => ({
  id: row.id,
  reason: row.reason,
  note: row.note,
  createdAt: row.createdAt.toISOString(),
  reporter: row.reporter,
  post: {
    id: row.post.id,
    number: row.post.number,
    excerpt: excerptOfHtml(row.post.html),
    author: row.post.author,
    thread: { id: row.post.thread.id, title: row.post.thread.title },
    group: row.post.thread.group,
  },
  closedAt: row.closedAt?.toISOString() ?? null,
  closedBy: row.closedBy,
  outcome: row.outcome,
  outcomeNote: row.outcomeNote,
});

/** What the reporter learns about their own report: whether it is still open. */
export interface FiledReportDto {
  id: string;
  postId: string;
  createdAt: string;
}
