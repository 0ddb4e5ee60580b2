import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import { event, rooms, type WithEvents } from "../../realtime/events";
import { ANCHOR_TEXT_MAX, createResultCommentSchema, resultCommentIdSchema, type CreateResultComment } from "../../schemas/results";
import { notify } from "../notifications/notify";
import { assertWithinRateLimit, rateLimits } from "../rate-limit/rate-limit";
import { commentSelect, toCommentDto, type ResultCommentDto } from "./dto";
import { assertCanReadDraft } from "./read-access";
import { renderCommentForStorage, sectionBlocks } from "./render-section";

export const commentLink = (commentId: string) => `/ergebnisse/entwurf#kommentar-${commentId}`;

/** The paragraph as a comment quotes it: at most ANCHOR_TEXT_MAX characters, cut at a word where one is near. */
export function anchorQuote(text: string, max = ANCHOR_TEXT_MAX): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * A participant comments on a draft section, on one of its paragraphs (quoted, so the comment still
 * says what it was about when the text changes) or on the whole section. Moderation and whoever
 * commented on the section before are notified; the draft's open pages get it live. Idempotent on the client's id.
 */
export async function createResultComment(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ResultCommentDto>> {
  assertCan(actor, "results.comment");
  assertCanReadDraft(actor);
  const input = createResultCommentSchema.parse(rawInput);
  const earlier = await replay(actor, input.id);
  if (earlier) return earlier;
  await assertWithinRateLimit(rateLimits.post, actor.id);
  return db()
    .$transaction((tx) => insertComment(tx, actor, input))
    .catch(async (error: unknown) => {
      const raced = isUniqueViolation(error) ? await replay(actor, input.id) : null;
      if (raced) return raced;
      throw error;
    });
}

async function replay(actor: Actor, commentId: string): Promise<WithEvents<ResultCommentDto> | null> {
  const existing = await db().resultComment.findUnique({ where: { id: commentId }, select: commentSelect });
  if (!existing) return null;
  if (existing.author.id !== actor.id) throw new AppError("CONFLICT");
  return { result: toCommentDto(existing), events: [] };
}

async function insertComment(tx: Tx, actor: Actor, input: CreateResultComment): Promise<WithEvents<ResultCommentDto>> {
  const section = await tx.resultSection.findUnique({ where: { id: input.sectionId }, select: { id: true, title: true, markdown: true } });
  if (!section) throw new AppError("SECTION_NOT_FOUND");
  let anchorText: string | null = null;
  if (input.anchorBlock !== null) {
    const block = sectionBlocks(section.markdown)[input.anchorBlock];
    if (!block) throw new AppError("BAD_INPUT", "Diesen Absatz gibt es im Abschnitt nicht mehr. Bitte wählen Sie einen anderen oder kommentieren Sie den ganzen Abschnitt.");
    anchorText = anchorQuote(block.text);
  }
  const row = await tx.resultComment.create({
    data: { id: input.id, sectionId: section.id, authorId: actor.id, anchorBlock: input.anchorBlock, anchorText, body: input.body, ...renderCommentForStorage(input.id, input.body) },
    select: commentSelect,
  });
  const comment = toCommentDto(row);
  const [moderators, commenters] = await Promise.all([
    tx.user.findMany({ where: { role: { in: ["MODERATOR", "ADMIN"] }, deactivatedAt: null }, select: { id: true } }),
    tx.resultComment.findMany({ where: { sectionId: section.id }, select: { authorId: true }, distinct: ["authorId"] }),
  ]);
  const notifications = await notify(tx, [
    {
      kind: "RESULT_COMMENT",
      recipientIds: [...moderators.map((user) => user.id), ...commenters.map((row) => row.authorId)],
      actorId: actor.id,
      title: `Ergebnisdokument: ${section.title}`,
      excerpt: input.body,
      link: commentLink(comment.id),
      readAction: "results.readDraft",
    },
  ]);
  return { result: comment, events: [event(rooms.results, "results.comment", { comment }), ...notifications] };
}

/** Moderation marks a comment as dealt with; it stays visible as resolved. */
export async function resolveResultComment(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ResultCommentDto>> {
  assertCan(actor, "results.resolve");
  const { commentId } = resultCommentIdSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const existing = await tx.resultComment.findUnique({ where: { id: commentId }, select: { resolvedAt: true } });
    if (!existing) throw new AppError("NOT_FOUND", "Diesen Kommentar gibt es nicht.");
    const { count } = await tx.resultComment.updateMany({ where: { id: commentId, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById: actor.id } });
    if (count === 0) throw new AppError("COMMENT_RESOLVED");
    const comment = toCommentDto(await tx.resultComment.findUniqueOrThrow({ where: { id: commentId }, select: commentSelect }));
    return { result: comment, events: [event(rooms.results, "results.comment", { comment })] };
  });
}
