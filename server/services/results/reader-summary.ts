import { assertCan, type Actor } from "../../auth/policy";
import { summarySelect } from "./versions";
import { db } from "../../db";
import { toVersionSummary, type ResultVersionSummaryDto } from "./dto";

export interface ResultNewsDto {
  latest: ResultVersionSummaryDto;
  /** the latest version this person had seen before; null on their first visit */
  lastSeenNumber: number | null;
  /** versions published since, newest first */
  newVersions: ResultVersionSummaryDto[];
  /** titles of the sections added or changed since the version they saw */
  changedSections: string[];
}

/** For the start page: the latest version and what changed since this person last opened the document. */
export async function resultNewsFor(actor: Actor): Promise<ResultNewsDto | null> {
  assertCan(actor, "results.read");
  const tx = db();
  const latest = await tx.resultVersion.findFirst({ orderBy: { number: "desc" }, select: summarySelect });
  if (!latest) return null;
  const visit = await tx.resultVisit.findUnique({ where: { userId: actor.id }, select: { lastSeenVersion: true } });
  const lastSeenNumber = visit ? Math.min(visit.lastSeenVersion, latest.number) : null;
  const newer = await tx.resultVersion.findMany({
    where: { number: { gt: lastSeenNumber ?? 0 } },
    select: summarySelect,
    orderBy: { number: "desc" },
  });
  let changedSections: string[] = [];
  if (lastSeenNumber !== null && lastSeenNumber < latest.number) {
    const [seen, now] = await Promise.all(
      [lastSeenNumber, latest.number].map((number) => tx.resultVersionSection.findMany({ where: { version: { number } }, select: { sectionId: true, title: true, markdown: true }, orderBy: { position: "asc" } })),
    );
    const before = new Map(seen!.map((section) => [section.sectionId, section]));
    changedSections = now!.filter((section) => before.get(section.sectionId)?.markdown !== section.markdown || before.get(section.sectionId)?.title !== section.title).map((section) => section.title);
  }
  return { latest: toVersionSummary(latest, true), lastSeenNumber, newVersions: newer.map((row) => toVersionSummary(row, true)), changedSections };
}

/** Remembers that this person has seen the document up to this version (never goes back). */
export async function recordResultVisit(actor: Actor, versionNumber: number): Promise<void> {
  const existing = await db().resultVisit.findUnique({ where: { userId: actor.id }, select: { lastSeenVersion: true } });
  if (existing && existing.lastSeenVersion >= versionNumber) return;
  await db().resultVisit.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, lastSeenVersion: versionNumber },
    update: { lastSeenVersion: versionNumber, seenAt: new Date() },
  });
}
