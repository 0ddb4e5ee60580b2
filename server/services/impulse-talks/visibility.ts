import { assertCan, can, type Actor } from "../../auth/policy";
import type { Prisma } from "../../db";
import type { ImpulseQuestionStatus, QuestionView } from "./dto";

/** Which view of the Q&A this actor gets. */
export function questionViewOf(actor: Actor): QuestionView {
  if (can(actor, "impulse.moderate")) return "moderation";
  return can(actor, "impulse.ask") ? "participant" : "reader";
}

const statusesByView = {
  moderation: ["OPEN", "ANSWERED", "HIDDEN", "MERGED"],
  participant: ["OPEN", "ANSWERED"],
  reader: ["ANSWERED"],
} as const satisfies Record<QuestionView, readonly ImpulseQuestionStatus[]>;

/** The questions this actor may see, for `where`. */
export function visibleQuestions(actor: Actor | null): Prisma.ImpulseQuestionWhereInput {
  assertCan(actor, "impulse.read");
  return { status: { in: [...statusesByView[questionViewOf(actor)]] } };
}

export const isQuestionVisibleIn = (view: QuestionView, status: string): boolean =>
  (statusesByView[view] as readonly string[]).includes(status);
