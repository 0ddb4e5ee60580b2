import { assertCan, can, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import type { ListSpotlightsInput } from "../../schemas/spotlight";
import { publicSpotlightStatuses, spotlightBoardColumns, type SpotlightStatus } from "../../schemas/spotlight-lifecycle";
import { spotlightListInput, type SpotlightBoardParams } from "../../schemas/spotlight-params";
import { forwardedToOptions } from "./list-spotlights";

export interface SpotlightBoardOptions {
  groups: { id: string; slug: string; name: string }[];
  /** the Ressorts and bodies spotlights were forwarded to */
  ressorts: string[];
  /** the board's columns: readers see the public statuses only */
  statuses: readonly SpotlightStatus[];
  /** whether "von meiner Kommune mitgezeichnet" is offered: to those who co-sign for a municipality (participants) */
  canFilterByMunicipality: boolean;
}

export interface SpotlightBoardState {
  /** the parameters as they take effect: a group, Ressort or filter not on offer is dropped */
  params: SpotlightBoardParams;
  /** the list service's input for them */
  input: ListSpotlightsInput;
  options: SpotlightBoardOptions;
}

/** The statuses this actor may see spotlights in, in life-cycle order. */
export const visibleSpotlightStatuses = (actor: Actor | null): readonly SpotlightStatus[] =>
  can(actor, "internal.read") ? spotlightBoardColumns : spotlightBoardColumns.filter((status) => publicSpotlightStatuses.includes(status));

/**
 * What the board and the CSV export filter by: the URL's parameters checked against what this actor
 * is offered, so an unknown group or Ressort falls back to the unfiltered board rather than an empty one.
 */
export async function spotlightBoardState(actor: Actor | null, parsed: SpotlightBoardParams, tx: Tx = db()): Promise<SpotlightBoardState> {
  assertCan(actor, "spotlight.read");
  const [groups, ressorts] = await Promise.all([
    tx.workingGroup.findMany({ select: { id: true, slug: true, name: true }, orderBy: { position: "asc" } }),
    forwardedToOptions(actor, tx),
  ]);
  // moderation and administration speak for a ministry or the operator, never co-sign: "my municipality" is not theirs
  const canFilterByMunicipality = can(actor, "spotlight.cosign");
  const visibleStatuses = visibleSpotlightStatuses(actor);
  const group = groups.find((g) => g.slug === parsed.gruppe);
  const params: SpotlightBoardParams = {
    ...parsed,
    status: parsed.status.filter((status) => visibleStatuses.includes(status)),
    gruppe: group?.slug,
    ressort: parsed.ressort && ressorts.includes(parsed.ressort) ? parsed.ressort : undefined,
    kommune: canFilterByMunicipality && parsed.kommune,
  };
  if (!params.gruppe) delete params.gruppe;
  if (!params.ressort) delete params.ressort;
  return { params, input: spotlightListInput(params, group?.id), options: { groups, ressorts, statuses: visibleStatuses, canFilterByMunicipality } };
}
