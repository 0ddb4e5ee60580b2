import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { moveThreadSchema } from "../../schemas/thread";
import { recordAudit } from "../audit/record-audit";
import { threadDetailSelect, toThreadDetail, type ThreadDetail } from "./dto";
import { threadChangedEvents } from "./thread-change-events";

/**
 * Moves a thread to another working group (moderation). Posts, counts and activity belong to the
 * thread, not the group, so only `groupId` changes; the old address redirects to the new one.
 */
export async function moveThread(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ThreadDetail>> {
  assertCan(actor, "thread.moderate");
  const input = moveThreadSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const groupSelect = { id: true, slug: true, name: true } as const;
    const before = await tx.thread.findUnique({ where: { id: input.threadId }, select: { group: { select: groupSelect } } });
    const target = await tx.workingGroup.findUnique({ where: { id: input.groupId }, select: groupSelect });
    if (!before) throw new AppError("NOT_FOUND", "Dieses Thema gibt es nicht (mehr).");
    if (!target) throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
    if (before.group.id === target.id) throw new AppError("BAD_INPUT", `Das Thema ist bereits in der ${target.name}.`);
    const row = await tx.thread.update({
      where: { id: input.threadId },
      data: { groupId: target.id, seq: { increment: 1 } },
      select: threadDetailSelect,
    });
    await recordAudit(tx, actor, "thread.move", { type: "thread", id: row.id }, { before: { group: before.group }, after: { group: target } });
    const thread = toThreadDetail(row);
    return { result: thread, events: threadChangedEvents(thread, before.group.id) };
  });
}
