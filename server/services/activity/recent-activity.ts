import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { activitySelect, toActivityItem, type ActivityItem } from "./dto";

export const ACTIVITY_LIMIT = 15;

/** The newest posts across all groups, for the home page. */
export async function recentActivity(actor: Actor | null, limit = ACTIVITY_LIMIT): Promise<ActivityItem[]> {
  assertCan(actor, "internal.read");
  const rows = await db().post.findMany({ where: { deletedAt: null, hiddenAt: null }, select: activitySelect, orderBy: { createdAt: "desc" }, take: limit });
  return rows.map(toActivityItem);
}
