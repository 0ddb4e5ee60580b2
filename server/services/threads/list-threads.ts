import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { listThreadsSchema, THREADS_PER_PAGE } from "../../schemas/thread";
import { threadListSelect, toThreadListItem, type ThreadListItem } from "./dto";

export interface ThreadPage {
  threads: ThreadListItem[];
  page: number;
  pageCount: number;
  /** all threads of the group, on every page */
  total: number;
}

/** One page of a group's threads: pinned first, then by last activity, what a group is talking about now. */
export async function listThreads(actor: Actor | null, rawInput: unknown): Promise<ThreadPage> {
  assertCan(actor, "internal.read");
  const { groupId, page: requestedPage } = listThreadsSchema.parse(rawInput);
  const [group, total] = await Promise.all([
    db().workingGroup.findUnique({ where: { id: groupId }, select: { id: true } }),
    db().thread.count({ where: { groupId } }),
  ]);
  if (!group) throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  const pageCount = Math.max(1, Math.ceil(total / THREADS_PER_PAGE));
  const page = Math.min(requestedPage, pageCount);
  const rows = await db().thread.findMany({
    where: { groupId },
    select: threadListSelect,
    orderBy: [{ isPinned: "desc" }, { lastActivityAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * THREADS_PER_PAGE,
    take: THREADS_PER_PAGE,
  });
  return { threads: rows.map(toThreadListItem), page, pageCount, total };
}
