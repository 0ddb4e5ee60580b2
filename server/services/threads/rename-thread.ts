import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { renameThreadSchema } from "../../schemas/thread";
import { recordAudit } from "../audit/record-audit";
import { threadDetailSelect, toThreadDetail, type ThreadDetail } from "./dto";
import { threadChangedEvents } from "./thread-change-events";

/** Gives a thread a new title (moderation), audited with the old and new title and pushed live. */
export async function renameThread(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ThreadDetail>> {
  assertCan(actor, "thread.moderate");
  const input = renameThreadSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const before = await tx.thread.findUnique({ where: { id: input.threadId }, select: { title: true } });
    if (!before) throw new AppError("NOT_FOUND", "Dieses Thema gibt es nicht (mehr).");
    if (before.title === input.title) throw new AppError("BAD_INPUT", "Der neue Titel ist derselbe wie der bisherige.");
    const row = await tx.thread.update({
      where: { id: input.threadId },
      data: { title: input.title, seq: { increment: 1 } },
      select: threadDetailSelect,
    });
    await recordAudit(tx, actor, "thread.rename", { type: "thread", id: row.id }, { before: { title: before.title }, after: { title: row.title } });
    const thread = toThreadDetail(row);
    return { result: thread, events: threadChangedEvents(thread) };
  });
}
