import type { Tx } from "../../db";
import { event, rooms, type WithEvents } from "../../realtime/events";
import { impulseTalkSelect, toImpulseTalkDto, type ImpulseTalkDto } from "./dto";

/**
 * A talk as it is now, read once inside the writing transaction: the answer of the write use case,
 * and its event to every page that has the talk open (one view for all roles).
 */
export async function talkChange(tx: Tx, talkId: string): Promise<WithEvents<ImpulseTalkDto>> {
  const talk = toImpulseTalkDto(await tx.impulseTalk.findUniqueOrThrow({ where: { id: talkId }, select: impulseTalkSelect }));
  return { result: talk, events: [event(rooms.impulseTalk(talkId), "impulse.talkChanged", { talk })] };
}
