import type { Prisma } from "../../db";
import { authorSelect, type AuthorDto } from "../users/dto";
import type { NotificationKind } from "./kinds";

export const notificationSelect = {
  id: true,
  kind: true,
  actor: { select: authorSelect },
  threadId: true,
  postId: true,
  title: true,
  excerpt: true,
  link: true,
  readAt: true,
  createdAt: true,
  post: { select: { deletedAt: true, hiddenAt: true } },
} satisfies Prisma.NotificationSelect;

type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

/** One notification as the bell, the list page and the live event show it. */
export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  actor: AuthorDto | null;
  threadId: string | null;
  postId: string | null;
  title: string;
  excerpt: string;
  link: string;
  readAt: string | null;
  createdAt: string;
}

/**
 * The excerpt was copied when the notification was made; once its post is deleted or hidden, the
 * notification says so instead, as the thread does, so the bell and the digest never keep the text.
 */
export function currentExcerpt(row: { excerpt: string; post: { deletedAt: Date | null; hiddenAt: Date | null } | null }): string {
  if (row.post?.deletedAt) return "Beitrag gelöscht";
  if (row.post?.hiddenAt) return "Von der Moderation ausgeblendet";
  return row.excerpt;
}

export const toNotificationDto = ({ post, ...row }: NotificationRow): NotificationDto => ({
  ...row,
  excerpt: currentExcerpt({ excerpt: row.excerpt, post }),
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});
