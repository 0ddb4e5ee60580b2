import type { Tx } from "../../db";
import { AppError } from "../../errors";

/** Every chosen working group exists (the four are seeded; an id from elsewhere is refused). */
export async function assertGroupsExist(tx: Tx, groupIds: string[]): Promise<void> {
  if (!groupIds.length) return;
  const found = await tx.workingGroup.count({ where: { id: { in: groupIds } } });
  if (found !== groupIds.length) throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
}
