import { assertCan, type Actor } from "../../../auth/policy";
import { db, type Prisma, type Tx } from "../../../db";
import { insertFieldChanges } from "../insert-field-changes";
import { AppError } from "../../../errors";
import type { WithEvents } from "../../../realtime/events";
import { ozgServiceHref } from "../../../schemas/ozg-params";
import { ozgFieldHeaders, ozgNotifiedFields, type OzgField } from "../../../schemas/ozg-fields";
import { newServiceFields, OZG_IMPORT_CLAIM_TTL_MS, ozgImportIdSchema, refusedMessage, type OzgImportPlan, type OzgPlanValues } from "../../../schemas/ozg-import";
import { recordAudit } from "../../audit/record-audit";
import { notify, type NotificationInput } from "../../notifications/notify";

/** An applying step rarely takes seconds; a 5,000-row file on a slow disk may take a minute. */
const APPLY_TIMEOUT_MS = 5 * 60_000;

export interface AppliedImport {
  importId: string;
  newCount: number;
  changedCount: number;
}

/**
 * Claims the right to apply, in a step of its own that commits: one import at a time. The settings
 * row is locked while looking, so two moderators claiming different imports at once cannot both win.
 * A claim older than OZG_IMPORT_CLAIM_TTL_MS belongs to a process that died (its transaction rolled back).
 */
async function claim(importId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "OzgSettings" WHERE id = 1 FOR UPDATE`;
    const alive = new Date(Date.now() - OZG_IMPORT_CLAIM_TTL_MS);
    const running = await tx.ozgImport.count({ where: { applyingSince: { gt: alive } } });
    if (running) throw new AppError("IMPORT_RUNNING");
    const { count } = await tx.ozgImport.updateMany({ where: { id: importId, status: "CHECKED" }, data: { applyingSince: new Date() } });
    if (!count) throw new AppError("IMPORT_DONE");
  });
}

const release = (importId: string) => db().ozgImport.updateMany({ where: { id: importId, applyingSince: { not: null } }, data: { applyingSince: null } });

/**
 * Applies a checked import in one transaction: new services, changed fields with one history row each,
 * the record (who, when), a new catalogue version, the audit entry and the notifications of followers
 * whose service changed phase or priority. All or nothing: a failure (or a process that dies) leaves
 * the catalogue as it was. Refused when the import is not CHECKED, when another import was applied
 * since its dry run, while another is being applied, or when too many of its rows are broken.
 */
export async function applyOzgImport(actor: Actor | null, rawInput: unknown): Promise<WithEvents<AppliedImport>> {
  assertCan(actor, "ozg.import");
  const { importId } = ozgImportIdSchema.parse(rawInput);
  const row = await db().ozgImport.findUnique({ where: { id: importId }, select: { status: true, baseVersion: true, plan: true } });
  if (!row) throw new AppError("NOT_FOUND", "Diesen Import gibt es nicht.");
  if (row.status !== "CHECKED") throw new AppError("IMPORT_DONE");
  // a CHECKED import's plan is check-import's whole dry run (only the seed's APPLIED ones store `{}`)
  const plan = row.plan as unknown as OzgImportPlan;
  if (plan.isRefused) throw new AppError("IMPORT_REFUSED", refusedMessage(plan));
  await claim(importId);
  try {
    return await db().$transaction((tx) => applyPlan(tx, actor, importId, row.baseVersion, plan), { timeout: APPLY_TIMEOUT_MS, maxWait: 30_000 });
  } finally {
    await release(importId);
  }
}

/** Prisma's data for the values a row sets (phase and availability are enums there). */
const serviceData = (values: OzgPlanValues) => values as Prisma.OzgServiceUpdateInput & Prisma.OzgServiceCreateManyInput;

async function applyPlan(tx: Tx, actor: Actor, importId: string, baseVersion: number, plan: OzgImportPlan): Promise<WithEvents<AppliedImport>> {
  const [settings] = await tx.$queryRaw<{ catalogVersion: number }[]>`SELECT "catalogVersion" FROM "OzgSettings" WHERE id = 1 FOR UPDATE`;
  if ((settings?.catalogVersion ?? 0) !== baseVersion) throw new AppError("IMPORT_STALE");
  const now = new Date();

  if (plan.newServices.length) {
    await tx.ozgService.createMany({
      data: plan.newServices.map((service) => ({ ...serviceData(service.values), ozgId: service.ozgId, name: service.name, lage: service.values.lage!, themenfeld: service.values.themenfeld!, updatedAt: now })),
    });
  }
  for (const service of plan.changed) {
    await tx.ozgService.update({ where: { ozgId: service.ozgId }, data: { ...serviceData(service.values), updatedAt: now }, select: { ozgId: true } });
  }
  const history = [
    ...plan.newServices.flatMap((service) => newServiceFields(service).filter((field) => field.newValue !== null).map((field) => ({ ozgId: service.ozgId, ...field }))),
    ...plan.changed.flatMap((service) => service.changes.map((change) => ({ ozgId: service.ozgId, ...change }))),
  ];
  await insertFieldChanges(tx, history, { importId, changedById: actor.id, changedAt: now });

  const { count } = await tx.ozgImport.updateMany({
    where: { id: importId, status: "CHECKED" },
    data: { status: "APPLIED", appliedById: actor.id, appliedAt: now, applyingSince: null },
  });
  if (!count) throw new AppError("IMPORT_DONE");
  const hasChanges = history.length > 0;
  await tx.ozgSettings.update({
    where: { id: 1 },
    // a file that changes nothing leaves other dry runs valid; any applied file ends the demo values' notice
    data: { isDemoData: false, ...(hasChanges ? { catalogVersion: { increment: 1 } } : {}), updatedAt: now },
  });
  await recordAudit(tx, actor, "ozg.import.apply", { type: "ozgImport", id: importId }, {
    newCount: plan.newServices.length,
    changedCount: plan.changed.length,
    errorCount: plan.errorRowCount,
  });

  const events = await notifyFollowers(tx, actor, plan);
  return { result: { importId, newCount: plan.newServices.length, changedCount: plan.changed.length }, events };
}

const fieldName = (field: OzgField) => (field === "phase" ? "Phase" : ozgFieldHeaders[field]);

async function notifyFollowers(tx: Tx, actor: Actor, plan: OzgImportPlan) {
  const notified = plan.changed
    .map((service) => ({ ...service, changes: ozgNotifiedFields.flatMap((field) => service.changes.filter((change) => change.field === field)) }))
    .filter((service) => service.changes.length);
  if (!notified.length) return [];
  const followers = await tx.ozgServiceFollower.findMany({ where: { ozgId: { in: notified.map((service) => service.ozgId) } }, select: { ozgId: true, userId: true } });
  const followersOf = new Map<string, string[]>();
  for (const follower of followers) followersOf.set(follower.ozgId, [...(followersOf.get(follower.ozgId) ?? []), follower.userId]);
  const inputs: NotificationInput[] = notified
    .filter((service) => followersOf.has(service.ozgId))
    .map((service) => ({
      kind: "OZG_SERVICE_CHANGED",
      recipientIds: followersOf.get(service.ozgId)!,
      actorId: actor.id,
      title: service.name,
      excerpt: service.changes.map((change) => `${fieldName(change.field)}: ${change.oldValue ?? "–"} → ${change.newValue ?? "–"}`).join("; "),
      link: ozgServiceHref(service.ozgId),
      readAction: "ozg.read",
    }));
  return notify(tx, inputs);
}
