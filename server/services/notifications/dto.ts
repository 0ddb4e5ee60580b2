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

export const toNotificationDto = (row: NotificationRow): NotificationDto => ({
  ...row,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});
