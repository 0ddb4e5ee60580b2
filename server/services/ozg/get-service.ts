import { can, type Actor } from "../../auth/policy";
import { db, type Prisma, type Tx } from "../../db";
import { AppError } from "../../errors";
import { OZG_ID_PATTERN, ressortName, type OzgAvailability, type OzgPhase } from "../../schemas/ozg";
import { ozgFieldHeaders, ozgFields, type OzgField } from "../../schemas/ozg-fields";
import { visibleSpotlights } from "../spotlights/visibility";
import type { SpotlightStatus } from "../../schemas/spotlight-lifecycle";
import { assertCanReadOzg } from "./read-access";
import type { OzgSettingsView } from "./settings";

export const OZG_SERVICE_NOT_FOUND = "Diese OZG-Leistung gibt es nicht.";

export interface OzgLeikaDto {
  id: string;
  leikaKey: string | null;
  name: string;
  leikaType: string | null;
  legalBasis: string | null;
  laws: string | null;
  lawAbbrevs: string | null;
}

export interface OzgHistoryChange {
  field: OzgField;
  label: string;
  oldValue: string | null;
  newValue: string | null;
}

/** What one import (or the seed) changed of the service. */
export interface OzgHistoryEntry {
  /** the import's id, or the time of changes made without one */
  key: string;
  changedAt: Date;
  /** whether an import made the changes (the seed's and manual ones have none) */
  isImport: boolean;
  /** null without a name, and for visitors who are not signed in */
  changedBy: string | null;
  /** null without an import, and for visitors who are not signed in */
  fileName: string | null;
  changes: OzgHistoryChange[];
}

export interface OzgLinkedThread {
  id: string;
  title: string;
  groupSlug: string;
  groupName: string;
  postCount: number;
}

export interface OzgLinkedSpotlight {
  id: string;
  number: number;
  title: string;
  status: SpotlightStatus;
}

export interface OzgServiceDetail {
  ozgId: string;
  name: string;
  lage: string;
  themenfeld: string;
  ressort: string | null;
  ressortName: string | null;
  priority: number | null;
  phase: OzgPhase;
  implementationModel: string | null;
  leadState: string | null;
  isFocus: boolean;
  availability: OzgAvailability;
  updatedAt: Date;
  leikaServices: OzgLeikaDto[];
  /** newest first */
  history: OzgHistoryEntry[];
  /** null: the viewer may not see threads (readers, visitors not signed in) */
  threads: OzgLinkedThread[] | null;
  /** null: visitors not signed in */
  spotlights: OzgLinkedSpotlight[] | null;
  /** null: visitors not signed in cannot follow */
  isFollowing: boolean | null;
  settings: OzgSettingsView;
}

const serviceSelect = {
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
  updatedAt: true,
  leikaServices: {
    select: { id: true, leikaKey: true, name: true, leikaType: true, legalBasis: true, laws: true, lawAbbrevs: true },
    // services without a LeiKa key ("nicht im LeiKa") last
    orderBy: [{ leikaKey: { sort: "asc", nulls: "last" } }, { name: "asc" }],
  },
} satisfies Prisma.OzgServiceSelect;

const changeSelect = {
  id: true,
  field: true,
  oldValue: true,
  newValue: true,
  importId: true,
  changedAt: true,
  changedBy: { select: { name: true } },
  import: { select: { fileName: true, appliedBy: { select: { name: true } } } },
} satisfies Prisma.OzgFieldChangeSelect;

const isOzgField = (field: string): field is OzgField => (ozgFields as readonly string[]).includes(field);

/**
 * The field changes grouped by the import that made them, newest first; fields in the export's order.
 * Who imported and the file's name are for those signed in: `redact` leaves them out for visitors.
 */
export function groupHistory(rows: Prisma.OzgFieldChangeGetPayload<{ select: typeof changeSelect }>[], { redact = false } = {}): OzgHistoryEntry[] {
  const entries = new Map<string, OzgHistoryEntry>();
  for (const row of rows) {
    if (!isOzgField(row.field)) continue;
    const key = row.importId ?? `ohne-import-${row.changedAt.toISOString()}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = {
        key,
        changedAt: row.changedAt,
        isImport: row.importId !== null,
        changedBy: redact ? null : (row.changedBy?.name ?? row.import?.appliedBy?.name ?? null),
        fileName: redact ? null : (row.import?.fileName ?? null),
        changes: [],
      };
      entries.set(key, entry);
    }
    entry.changes.push({ field: row.field, label: ozgFieldHeaders[row.field], oldValue: row.oldValue, newValue: row.newValue });
  }
  const order = (field: OzgField) => ozgFields.indexOf(field);
  return [...entries.values()]
    .map((entry) => ({ ...entry, changes: entry.changes.sort((a, b) => order(a.field) - order(b.field)) }))
    .sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime());
}

/**
 * One service with everything its page shows. Threads only for those who read threads, spotlights as
 * the viewer may see them, neither for visitors who are not signed in (nor who imported, nor the
 * files' names). An unknown or malformed ID is
 * NOT_FOUND.
 */
export async function getOzgService(actor: Actor | null, ozgId: string): Promise<OzgServiceDetail> {
  const settings = await assertCanReadOzg(actor);
  if (typeof ozgId !== "string" || !OZG_ID_PATTERN.test(ozgId)) throw new AppError("NOT_FOUND", OZG_SERVICE_NOT_FOUND);
  const service = await db().ozgService.findUnique({ where: { ozgId }, select: serviceSelect });
  if (!service) throw new AppError("NOT_FOUND", OZG_SERVICE_NOT_FOUND);

  const [changes, threads, spotlights, following] = await Promise.all([
    db().ozgFieldChange.findMany({ where: { ozgId }, select: changeSelect, orderBy: [{ changedAt: "desc" }, { id: "asc" }] }),
    can(actor, "internal.read") ? linkedThreads(ozgId) : null,
    actor ? linkedSpotlights(actor, ozgId) : null,
    actor ? db().ozgServiceFollower.findUnique({ where: { ozgId_userId: { ozgId, userId: actor.id } }, select: { ozgId: true } }) : undefined,
  ]);
  return {
    ...service,
    ressortName: ressortName(service.ressort),
    // visitors who are not signed in see when, not who imported or which file
    history: groupHistory(changes, { redact: !actor }),
    threads,
    spotlights,
    isFollowing: actor ? Boolean(following) : null,
    settings,
  };
}

async function linkedThreads(ozgId: string): Promise<OzgLinkedThread[]> {
  const rows = await db().threadOzgService.findMany({
    where: { ozgId },
    select: { thread: { select: { id: true, title: true, postCount: true, group: { select: { slug: true, name: true } } } } },
    orderBy: { thread: { lastActivityAt: "desc" } },
  });
  return rows.map(({ thread }) => ({ id: thread.id, title: thread.title, postCount: thread.postCount, groupSlug: thread.group.slug, groupName: thread.group.name }));
}

async function linkedSpotlights(actor: Actor, ozgId: string): Promise<OzgLinkedSpotlight[]> {
  const rows = await db().spotlightOzgService.findMany({
    where: { ozgId, spotlight: visibleSpotlights(actor) },
    select: { spotlight: { select: { id: true, number: true, title: true, status: true } } },
    orderBy: { spotlight: { number: "desc" } },
  });
  return rows.map(({ spotlight }) => spotlight);
}

/** An unknown service is NOT_FOUND; for following and linking. */
export async function assertServiceExists(ozgId: string, tx: Tx = db()): Promise<void> {
  const service = await tx.ozgService.findUnique({ where: { ozgId }, select: { ozgId: true } });
  if (!service) throw new AppError("NOT_FOUND", OZG_SERVICE_NOT_FOUND);
}
