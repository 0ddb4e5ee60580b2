import type { Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { spotlightSelect, toSpotlightDto, type SpotlightDto } from "./dto";
import { spotlightViewOf, visibleSpotlights } from "./visibility";

/** One spotlight in the actor's view; one they may not see is NOT_FOUND, like one that does not exist. */
export async function getSpotlight(actor: Actor | null, spotlightId: string, tx: Tx = db()): Promise<SpotlightDto> {
  const where = visibleSpotlights(actor);
  const row = await tx.spotlight.findFirst({ where: { AND: [where, { id: spotlightId }] }, select: spotlightSelect });
  if (!row || !actor) throw new AppError("NOT_FOUND", "Dieses Spotlight gibt es nicht.");
  return toSpotlightDto(row, spotlightViewOf(actor));
}

/** "S-7" and "7" as people write them in meetings and letters; anything else is no reference. */
export function parseSpotlightReference(text: string): number | null {
  const match = /^(?:s-?)?(\d{1,9})$/i.exec(text.trim());
  return match ? Number(match[1]) : null;
}

/** The id of the spotlight with this number, if the actor may see it. */
export async function spotlightIdByNumber(actor: Actor | null, number: number, tx: Tx = db()): Promise<string | null> {
  const row = await tx.spotlight.findFirst({ where: { AND: [visibleSpotlights(actor), { number }] }, select: { id: true } });
  return row?.id ?? null;
}
