import type { Actor } from "../../auth/policy";
import { db } from "../../db";
import { assertCanReadOzg } from "./read-access";

export interface OzgFilterOptions {
  themenfelder: string[];
  /** every Lage with its Themenfeld, sorted by Themenfeld and name */
  lagen: { lage: string; themenfeld: string }[];
  implementationModels: string[];
}

/** The values the table's filters offer: those in the catalogue, so a filter never offers nothing. */
export async function ozgFilterOptions(actor: Actor | null): Promise<OzgFilterOptions> {
  await assertCanReadOzg(actor);
  const [lagen, models] = await Promise.all([
    db().ozgService.findMany({ distinct: ["lage", "themenfeld"], select: { lage: true, themenfeld: true }, orderBy: [{ themenfeld: "asc" }, { lage: "asc" }] }),
    db().ozgService.findMany({ where: { implementationModel: { not: null } }, distinct: ["implementationModel"], select: { implementationModel: true }, orderBy: { implementationModel: "asc" } }),
  ]);
  return {
    themenfelder: [...new Set(lagen.map((row) => row.themenfeld))],
    lagen,
    implementationModels: models.map((row) => row.implementationModel!),
  };
}
