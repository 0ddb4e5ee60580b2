import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { event, rooms, type WithEvents } from "../../realtime/events";
import { moderateThreadSchema } from "../../schemas/thread";
import { recordAudit } from "../audit/record-audit";
import { threadDetailSelect, toThreadDetail, toThreadListItem, type ThreadDetail } from "./dto";

/** Pins or locks a thread (moderation), audited and pushed to the thread and its group. */
export async function moderateThread(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ThreadDetail>> {
  assertCan(actor, "thread.moderate");
  const input = moderateThreadSchema.parse(rawInput);
  if (input.isPinned === undefined && input.isLocked === undefined) {
    throw new AppError("BAD_INPUT", "Bitte geben Sie an, was geändert werden soll.");
  }
  return db().$transaction(async (tx) => {
    const before = await tx.thread.findUnique({ where: { id: input.threadId }, select: { isPinned: true, isLocked: true } });
    if (!before) throw new AppError("NOT_FOUND", "Dieses Thema gibt es nicht (mehr).");
    const row = await tx.thread.update({
      where: { id: input.threadId },
      data: { isPinned: input.isPinned, isLocked: input.isLocked, seq: { increment: 1 } },
      select: { ...threadDetailSelect, groupId: true },
    });
    await recordAudit(tx, actor, "thread.moderate", { type: "thread", id: input.threadId }, {
      before,
      after: { isPinned: row.isPinned, isLocked: row.isLocked },
    });
    const { groupId, ...detailRow } = row;
    const thread = toThreadDetail(detailRow);
    return {
      result: thread,
      events: [
        event(rooms.thread(thread.id), "thread.updated", { thread, seq: thread.seq }),
        event(rooms.group(groupId), "group.thread", { groupId, thread: toThreadListItem(detailRow) }),
      ],
    };
  });
}
