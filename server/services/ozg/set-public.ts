import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { ozgVisibilitySchema } from "../../schemas/ozg";
import { recordAudit } from "../audit/record-audit";
import { readOzgSettings, type OzgSettingsView } from "./settings";

/**
 * Moderation shows the overview, the table and the service pages to visitors who are not signed in, or
 * hides them again. Threads, spotlights and followers stay internal either way. Audited when it changes.
 */
export async function setOzgPublic(actor: Actor | null, rawInput: unknown): Promise<OzgSettingsView> {
  assertCan(actor, "ozg.publish");
  const { isPublic } = ozgVisibilitySchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const before = await readOzgSettings(tx);
    if (before.isPublic === isPublic) return before;
    await tx.ozgSettings.upsert({ where: { id: 1 }, create: { id: 1, isPublic }, update: { isPublic, updatedAt: new Date() } });
    await recordAudit(tx, actor, isPublic ? "ozg.publish" : "ozg.unpublish", { type: "ozgSettings", id: "1" }, { isPublic });
    return readOzgSettings(tx);
  });
}
