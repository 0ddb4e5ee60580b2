import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { threadListSelect, toThreadListItem, type ThreadListItem } from "./dto";

/** Pinned first, then by last activity: what a group is talking about now. */
export async function listThreads(actor: Actor | null, groupId: string): Promise<ThreadListItem[]> {
  assertCan(actor, "internal.read");
  const rows = await db().thread.findMany({
    where: { groupId },
    select: threadListSelect,
    orderBy: [{ isPinned: "desc" }, { lastActivityAt: "desc" }],
    take: 500,
  });
  return rows.map(toThreadListItem);
}
