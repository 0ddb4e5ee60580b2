import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import type { ListImpulseTalksInput } from "../../schemas/impulse-talk";
import { talkListInput, type TalkListParams } from "../../schemas/impulse-params";

export interface TalkListState {
  /** the parameters as they take effect: an unknown group is dropped */
  params: TalkListParams;
  input: ListImpulseTalksInput;
  /** the working groups to filter by (readers too: talks name them) */
  groups: { id: string; slug: string; name: string }[];
}

/** The talk list's URL parameters checked against the groups that exist, and the list service's input for them. */
export async function talkListState(actor: Actor | null, parsed: TalkListParams, tx: Tx = db()): Promise<TalkListState> {
  assertCan(actor, "impulse.read");
  const groups = await tx.workingGroup.findMany({ select: { id: true, slug: true, name: true }, orderBy: { position: "asc" } });
  const group = groups.find((g) => g.slug === parsed.gruppe);
  const params: TalkListParams = { zeit: parsed.zeit, ...(parsed.reihe ? { reihe: parsed.reihe } : {}), ...(group ? { gruppe: group.slug } : {}) };
  return { params, input: talkListInput(params, group?.id), groups };
}
