import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { listPostsSchema, postsSinceSchema, POSTS_PER_PAGE } from "../../schemas/post";
import { getThread } from "../threads/get-thread";
import type { ThreadDetail } from "../threads/dto";
import { postSelect, postViewOf, toPostDtos, type PostDto } from "./dto";

export interface PostPage {
  posts: PostDto[];
  page: number;
  pageCount: number;
  /** the thread's sequence number when this page was read: live updates continue from here */
  seq: number;
}

/** One page of a thread in reading order; numbers are dense, so a page is a range of numbers. */
export async function listPosts(actor: Actor | null, rawInput: unknown): Promise<PostPage> {
  assertCan(actor, "internal.read");
  const { threadId, page: requestedPage } = listPostsSchema.parse(rawInput);
  const thread = await getThread(actor, threadId);
  const pageCount = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE));
  const page = Math.min(requestedPage, pageCount);
  const rows = await db().post.findMany({
    where: { threadId, number: { gt: (page - 1) * POSTS_PER_PAGE, lte: page * POSTS_PER_PAGE } },
    select: postSelect,
    orderBy: { number: "asc" },
  });
  return { posts: await toPostDtos(db(), rows, postViewOf(actor)), page, pageCount, seq: thread.seq };
}

/** The most a reconnecting client catches up on at once; beyond that it reloads the page. */
export const CATCH_UP_LIMIT = 500;

export interface CatchUp {
  posts: PostDto[];
  seq: number;
  thread: ThreadDetail;
  /** more changes were missed than CATCH_UP_LIMIT: the client should reload */
  isTruncated: boolean;
}

/** Every post created or edited after `afterSeq`: what a client missed while disconnected. */
export async function postsSince(actor: Actor | null, rawInput: unknown): Promise<CatchUp> {
  assertCan(actor, "internal.read");
  const { threadId, afterSeq } = postsSinceSchema.parse(rawInput);
  const thread = await getThread(actor, threadId);
  const rows = await db().post.findMany({
    where: { threadId, changeSeq: { gt: afterSeq } },
    select: postSelect,
    orderBy: { changeSeq: "asc" },
    take: CATCH_UP_LIMIT + 1,
  });
  return {
    posts: await toPostDtos(db(), rows.slice(0, CATCH_UP_LIMIT), postViewOf(actor)),
    seq: thread.seq,
    thread,
    isTruncated: rows.length > CATCH_UP_LIMIT,
  };
}
