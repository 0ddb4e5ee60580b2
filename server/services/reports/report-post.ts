import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import { event, rooms, type WithEvents } from "../../realtime/events";
import { reportPostSchema } from "../../schemas/report";
import { reportSelect, toReportDto, type FiledReportDto } from "./dto";

/**
 * A participant asks moderation to look at someone else's post. At most one open report per person
 * and post (the unique `openKey` holds even when two sends race). Moderation's queue and badge get
 * the report live; the reporter is told once it is closed.
 */
export async function reportPost(actor: Actor | null, rawInput: unknown): Promise<WithEvents<FiledReportDto>> {
  assertCan(actor, "internal.read");
  const input = reportPostSchema.parse(rawInput);
  try {
    return await db().$transaction(async (tx) => {
      // a deleted or hidden post has no text left to report
      const post = await tx.post.findUnique({ where: { id: input.postId, deletedAt: null, hiddenAt: null }, select: { id: true, authorId: true } });
      if (!post) throw new AppError("NOT_FOUND", "Diesen Beitrag gibt es nicht (mehr).");
      assertCan(actor, "post.report", post);
      const row = await tx.report.create({
        data: { postId: post.id, reporterId: actor.id, reason: input.reason, note: input.note, openKey: `${post.id}:${actor.id}` },
        select: reportSelect,
      });
      const openCount = await tx.report.count({ where: { closedAt: null } });
      const report = toReportDto(row);
      return {
        result: { id: report.id, postId: post.id, createdAt: report.createdAt },
        events: [event(rooms.moderation, "reports.changed", { openCount, report })],
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("ALREADY_REPORTED");
    throw error;
  }
}
