import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { impulseTalkSelect, toImpulseTalkDto, type ImpulseTalkDto } from "./dto";

export const TALK_NOT_FOUND = "Diesen Impulsvortrag gibt es nicht.";

/** One talk; every role that may read talks reads all of them. */
export async function getImpulseTalk(actor: Actor | null, talkId: string, tx: Tx = db()): Promise<ImpulseTalkDto> {
  assertCan(actor, "impulse.read");
  const row = await tx.impulseTalk.findUnique({ where: { id: talkId }, select: impulseTalkSelect });
  if (!row) throw new AppError("NOT_FOUND", TALK_NOT_FOUND);
  return toImpulseTalkDto(row);
}
