import { assertCan, can, type Actor } from "../../auth/policy";
import type { Prisma } from "../../db";
import { publicSpotlightStatuses } from "../../schemas/spotlight-lifecycle";
import type { SpotlightView } from "./dto";

/** Which view of a spotlight this actor gets: readers get the public one. */
export const spotlightViewOf = (actor: Actor): SpotlightView => (can(actor, "internal.read") ? "internal" : "public");

/** The spotlights this actor may see, for `where`: readers only promoted and later (never declined). */
export function visibleSpotlights(actor: Actor | null): Prisma.SpotlightWhereInput {
  assertCan(actor, "spotlight.read");
  return can(actor, "internal.read") ? {} : { status: { in: [...publicSpotlightStatuses] } };
}
