import { can, type Actor } from "../../auth/policy";
import type { Tx } from "../../db";
import { event, rooms, type RealtimeEvent, type WithEvents } from "../../realtime/events";
import { isPublicSpotlightStatus, type SpotlightStatus } from "../../schemas/spotlight-lifecycle";
import { spotlightSelect, toSpotlightDto, type SpotlightDto } from "./dto";

/** The room whose view of spotlights this actor gets. */
export const spotlightRoomOf = (actor: Actor) => (can(actor, "internal.read") ? rooms.spotlights : rooms.spotlightsPublic);

/**
 * A spotlight as it is now (read once, inside the writing transaction): the internal view, which the
 * write use case answers with, and its events: that view to participants and moderation; the public
 * view to readers while it is public, and its removal from their boards when it just stopped being
 * public (a promoted spotlight declined).
 */
export async function spotlightChange(tx: Tx, spotlightId: string, previousStatus?: SpotlightStatus | null): Promise<WithEvents<SpotlightDto>> {
  const row = await tx.spotlight.findUniqueOrThrow({ where: { id: spotlightId }, select: spotlightSelect });
  const internal = toSpotlightDto(row, "internal");
  const events: RealtimeEvent[] = [event(rooms.spotlights, "spotlight.changed", { spotlight: internal })];
  if (isPublicSpotlightStatus(row.status)) {
    events.push(event(rooms.spotlightsPublic, "spotlight.changed", { spotlight: toSpotlightDto(row, "public") }));
  } else if (previousStatus && isPublicSpotlightStatus(previousStatus)) {
    events.push(event(rooms.spotlightsPublic, "spotlight.removed", { spotlightId }));
  }
  return { result: internal, events };
}
