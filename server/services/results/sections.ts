import type { Prisma, Tx } from "../../db";
import { event, rooms, type RealtimeEvent } from "../../realtime/events";
import { citationSelect, sourcesForViewer } from "./citations";
import { sectionSelect, type ResultSectionDto, type SectionRow } from "./dto";
import { sectionBlocks } from "./render-section";

/** Draft sections with their sources (internal view: the draft is for participants and moderation). */
export async function toSectionDtos(tx: Tx, rows: SectionRow[]): Promise<ResultSectionDto[]> {
  const citations = await tx.resultCitation.findMany({
    where: { sectionId: { in: rows.map((row) => row.id) }, versionId: null },
    select: citationSelect,
    orderBy: { position: "asc" },
  });
  const sources = await sourcesForViewer(tx, "internal", citations);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    position: row.position,
    groupId: row.groupId,
    groupName: row.group?.name ?? null,
    html: row.html,
    blocks: sectionBlocks(row.markdown),
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    sources: sources.get(row.id) ?? [],
  }));
}

/** The draft's order: by position, and by creation where positions are equal. */
export const sectionOrder = [{ position: "asc" }, { createdAt: "asc" }] satisfies Prisma.ResultSectionOrderByWithRelationInput[];

export const listSectionRows = (tx: Tx) => tx.resultSection.findMany({ select: sectionSelect, orderBy: sectionOrder });

/** Every section in order, and the event that tells the draft's open pages. */
export async function allSectionsChange(tx: Tx): Promise<{ sections: ResultSectionDto[]; events: RealtimeEvent[] }> {
  const sections = await toSectionDtos(tx, await listSectionRows(tx));
  return { sections, events: [event(rooms.results, "results.sections", { sections })] };
}

/** One section as it is now, and its event. */
export async function sectionChange(tx: Tx, sectionId: string): Promise<{ section: ResultSectionDto; events: RealtimeEvent[] }> {
  const row = await tx.resultSection.findUniqueOrThrow({ where: { id: sectionId }, select: sectionSelect });
  const [section] = await toSectionDtos(tx, [row]);
  return { section: section!, events: [event(rooms.results, "results.section", { section: section! })] };
}
