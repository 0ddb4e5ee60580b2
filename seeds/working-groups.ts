import { readFileSync } from "node:fs";
import path from "node:path";
import type { Tx } from "../server/db";

interface WorkingGroupSource {
  slug: string;
  name: string;
  question: string;
  description: string;
}

/** The four groups of the GDST programme, text as published (seeds/arbeitsgruppen.json). */
export function workingGroupsFromProgramme(): WorkingGroupSource[] {
  const file = path.resolve(process.env.SEEDS_DIR ?? "seeds", "arbeitsgruppen.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { working_groups: WorkingGroupSource[] }).working_groups;
}

/** Creates missing groups and keeps existing ones (an operator may have edited their texts). */
export async function seedWorkingGroups(tx: Tx): Promise<void> {
  const groups = workingGroupsFromProgramme();
  for (const [position, group] of groups.entries()) {
    await tx.workingGroup.upsert({ where: { slug: group.slug }, create: { ...group, position }, update: {} });
  }
}
