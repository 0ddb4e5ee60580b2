import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { threadDetailSelect, toThreadDetail, type ThreadDetail } from "./dto";

export async function getThread(actor: Actor | null, threadId: string, tx: Tx = db()): Promise<ThreadDetail> {
  assertCan(actor, "internal.read");
  const row = await tx.thread.findUnique({ where: { id: threadId }, select: threadDetailSelect });
  if (!row) throw new AppError("NOT_FOUND", "Dieses Thema gibt es nicht (mehr).");
  return toThreadDetail(row);
}
