import { can, type Actor } from "../../auth/policy";
import type { Prisma, Tx } from "../../db";
import { REACTION_KINDS, type ReactionKind } from "../../schemas/post";
import { attachmentSelect, toAttachmentDto, type AttachmentDto } from "../attachments/dto";
import { authorSelect, type AuthorDto } from "../users/dto";

export const postSelect = {
  id: true,
  threadId: true,
  number: true,
  html: true,
  changeSeq: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  author: { select: authorSelect },
  replyTo: { select: { id: true, number: true, author: { select: { name: true } } } },
  attachments: { select: attachmentSelect, orderBy: { position: "asc" } },
} satisfies Prisma.PostSelect;

export type PostRow = Prisma.PostGetPayload<{ select: typeof postSelect }>;

export interface ReactionSummary {
  kind: ReactionKind;
  /** who reacted, in the order they did */
  users: { id: string; name: string }[];
}

/**
 * Who sees a post how: participants never get the text of a deleted or hidden post (the DTO holds
 * no trace of it), moderation gets the original with the state to grey it out.
 */
export type PostView = "participant" | "moderation";

export interface PostDto {
  id: string;
  threadId: string;
  number: number;
  /** sanitised HTML, rendered when the post was written; empty when the viewer may not see it */
  html: string;
  changeSeq: number;
  createdAt: string;
  editedAt: string | null;
  author: AuthorDto;
  /** the post this one answers or quotes */
  replyTo: { id: string; number: number; authorName: string } | null;
  deletedAt: string | null;
  hiddenAt: string | null;
  /** only in the moderation view */
  hiddenReason: string | null;
  reactions: ReactionSummary[];
  attachments: AttachmentDto[];
}

export function toPostDto(row: PostRow, view: PostView, reactions: ReactionSummary[] = []): PostDto {
  const isWithheld = view === "participant" && (row.deletedAt !== null || row.hiddenAt !== null);
  return {
    id: row.id,
    threadId: row.threadId,
    number: row.number,
    html: isWithheld ? "" : row.html,
    changeSeq: row.changeSeq,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    author: row.author,
    replyTo: row.replyTo ? { id: row.replyTo.id, number: row.replyTo.number, authorName: row.replyTo.author.name } : null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    hiddenAt: row.hiddenAt?.toISOString() ?? null,
    hiddenReason: view === "moderation" ? row.hiddenReason : null,
    reactions: isWithheld ? [] : reactions,
    attachments: isWithheld ? [] : row.attachments.map(toAttachmentDto),
  };
}

/** The reactions of many posts in one query: a thread page asks once, not once per post. */
export async function reactionsOf(tx: Tx, postIds: string[]): Promise<Map<string, ReactionSummary[]>> {
  const byPost = new Map<string, ReactionSummary[]>();
  if (postIds.length === 0) return byPost;
  const rows = await tx.postReaction.findMany({
    where: { postId: { in: postIds } },
    select: { postId: true, kind: true, user: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  for (const row of rows) {
    const kind = row.kind as ReactionKind;
    if (!REACTION_KINDS.includes(kind)) continue;
    const summaries = byPost.get(row.postId) ?? [];
    let summary = summaries.find((entry) => entry.kind === kind);
    if (!summary) summaries.push((summary = { kind, users: [] }));
    summary.users.push(row.user);
    byPost.set(row.postId, summaries);
  }
  for (const summaries of byPost.values()) summaries.sort((a, b) => REACTION_KINDS.indexOf(a.kind) - REACTION_KINDS.indexOf(b.kind));
  return byPost;
}

/** Rows to DTOs for one viewer, with their reactions read in one query. */
export async function toPostDtos(tx: Tx, rows: PostRow[], view: PostView): Promise<PostDto[]> {
  const reactions = await reactionsOf(tx, rows.map((row) => row.id));
  return rows.map((row) => toPostDto(row, view, reactions.get(row.id) ?? []));
}

export const postViewOf = (actor: Actor): PostView => (can(actor, "post.moderate") ? "moderation" : "participant");
