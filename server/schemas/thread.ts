import { z } from "zod";
import { idSchema, requiredText } from "./common";
import { pageSchema } from "./paging";
import { postBodySchema } from "./post";

export const THREAD_TITLE_MAX = 200;

export const threadTitleSchema = requiredText("einen Titel", "Der Titel", THREAD_TITLE_MAX, { singleLine: true });

export const createThreadSchema = z.object({
  groupId: idSchema,
  /** client-generated id of the first post, so a retried send never creates the thread twice */
  firstPostId: idSchema,
  title: threadTitleSchema,
  body: postBodySchema,
});
export type CreateThreadInput = z.infer<typeof createThreadSchema>;

export const threadIdSchema = z.object({ threadId: idSchema });

/** A screenful of titles; a group with hundreds of threads pages its list. */
export const THREADS_PER_PAGE = 30;
export const listThreadsSchema = z.object({ groupId: idSchema, page: pageSchema });

export const moderateThreadSchema = z.object({
  threadId: idSchema,
  isPinned: z.boolean().optional(),
  isLocked: z.boolean().optional(),
});
export type ModerateThreadInput = z.infer<typeof moderateThreadSchema>;

export const renameThreadSchema = z.object({ threadId: idSchema, title: threadTitleSchema });
export type RenameThreadInput = z.infer<typeof renameThreadSchema>;

export const moveThreadSchema = z.object({ threadId: idSchema, groupId: idSchema });
export type MoveThreadInput = z.infer<typeof moveThreadSchema>;
