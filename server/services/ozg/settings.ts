import { db, type Tx } from "../../db";

export interface OzgSettingsView {
  isPublic: boolean;
  isDemoData: boolean;
  catalogVersion: number;
}

/** The one settings row (the migration creates it). */
export async function readOzgSettings(tx: Tx = db()): Promise<OzgSettingsView> {
  const row = await tx.ozgSettings.findUnique({ where: { id: 1 }, select: { isPublic: true, isDemoData: true, catalogVersion: true } });
  return row ?? { isPublic: false, isDemoData: false, catalogVersion: 0 };
}
