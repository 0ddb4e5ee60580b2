import type { Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { visibleSpotlights } from "./visibility";

/** The spotlight whose discussion this thread is, if any: its page links back to the spotlight. */
export async function spotlightOfThread(actor: Actor | null, threadId: string, tx: Tx = db()): Promise<{ id: string; number: number } | null> {
  return tx.spotlight.findFirst({ where: { AND: [visibleSpotlights(actor), { threadId }] }, select: { id: true, number: true } });
}
