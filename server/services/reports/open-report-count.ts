import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";

/** How many reports wait for moderation: the badge in moderation's navigation. */
export async function openReportCount(actor: Actor | null, tx: Tx = db()): Promise<number> {
  assertCan(actor, "report.moderate");
  return tx.report.count({ where: { closedAt: null } });
}
