import { createHash } from "node:crypto";
import { assertCan, type Actor } from "../../../auth/policy";
import { db, type Prisma } from "../../../db";
import { normaliseText } from "../../../schemas/text";
import { readOzgSettings } from "../settings";
import { buildImportPlan, type CurrentService } from "./plan";
import { readImportTable } from "./read-table";

export interface UploadedImportFile {
  /** the name the browser gave; only shown */
  name: string;
  bytes: Uint8Array;
}

export const currentServiceSelect = {
  ozgId: true,
  name: true,
  lage: true,
  themenfeld: true,
  ressort: true,
  priority: true,
  phase: true,
  implementationModel: true,
  leadState: true,
  isFocus: true,
  availability: true,
} as const satisfies Prisma.OzgServiceSelect;

/** The name as shown in the list of imports: without a path, one line, not endless. */
function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return normaliseText(base, { singleLine: true }).slice(0, 200) || "Ohne Namen";
}

/**
 * Reads an uploaded monthly file and stores its dry run (status CHECKED) against the current catalogue
 * version; nothing of the catalogue changes. A file that cannot be read as the overview (wrong type,
 * empty, no OZG ID column) is refused and nothing is stored. Returns the import's id.
 */
export async function checkOzgImport(actor: Actor | null, file: UploadedImportFile): Promise<{ importId: string }> {
  assertCan(actor, "ozg.import");
  const table = await readImportTable(file.bytes);
  const settings = await readOzgSettings();
  const current: CurrentService[] = await db().ozgService.findMany({ select: currentServiceSelect, orderBy: { ozgId: "asc" } });
  const plan = buildImportPlan(table, current);
  const created = await db().ozgImport.create({
    data: {
      fileName: displayName(file.name),
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      sizeBytes: file.bytes.byteLength,
      format: table.format,
      uploadedById: actor.id,
      status: "CHECKED",
      baseVersion: settings.catalogVersion,
      plan: plan as unknown as Prisma.InputJsonValue,
      rowCount: plan.rowCount,
      newCount: plan.newServices.length,
      changedCount: plan.changed.length,
      unchangedCount: plan.unchangedCount,
      missingCount: plan.missing.length,
      errorCount: plan.errorRowCount,
    },
    select: { id: true },
  });
  return { importId: created.id };
}
