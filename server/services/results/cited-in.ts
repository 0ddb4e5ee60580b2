import { can, type Actor } from "../../auth/policy";
import { db } from "../../db";

export interface CitationPlaceDto {
  sectionTitle: string;
  /** null: the current draft; else the published version */
  versionNumber: number | null;
  href: string;
}

/**
 * Where the results document cites a thread (or one of its posts) or a spotlight: in the draft
 * (for participants and moderation) and in every published version, each place once.
 */
export async function citedIn(actor: Actor | null, source: { threadId?: string; spotlightId?: string }): Promise<CitationPlaceDto[]> {
  if (!can(actor, "results.read")) return [];
  const where = source.threadId ? { threadId: source.threadId } : { kind: "SPOTLIGHT" as const, sourceId: source.spotlightId };
  const citations = await db().resultCitation.findMany({ where, select: { sectionId: true, versionId: true, version: { select: { number: true } } } });
  const draftIds = citations.filter((citation) => !citation.versionId).map((citation) => citation.sectionId);
  const versionIds = citations.filter((citation) => citation.versionId).map((citation) => citation.versionId!);
  const [draftSections, versionSections] = await Promise.all([
    can(actor, "results.readDraft") && draftIds.length ? db().resultSection.findMany({ where: { id: { in: draftIds } }, select: { id: true, title: true } }) : [],
    versionIds.length ? db().resultVersionSection.findMany({ where: { versionId: { in: versionIds } }, select: { sectionId: true, title: true, version: { select: { number: true, id: true } } } }) : [],
  ]);
  const places = new Map<string, CitationPlaceDto>();
  for (const section of draftSections) places.set(`draft:${section.id}`, { sectionTitle: section.title, versionNumber: null, href: `/ergebnisse/entwurf#abschnitt-${section.id}` });
  const cited = new Set(citations.filter((citation) => citation.versionId).map((citation) => `${citation.versionId}:${citation.sectionId}`));
  for (const section of versionSections) {
    if (!cited.has(`${section.version.id}:${section.sectionId}`)) continue;
    places.set(`${section.version.number}:${section.sectionId}`, {
      sectionTitle: section.title,
      versionNumber: section.version.number,
      href: `/ergebnisse/versionen/${section.version.number}#abschnitt-${section.sectionId}`,
    });
  }
  return [...places.values()].sort((a, b) => (b.versionNumber ?? Infinity) - (a.versionNumber ?? Infinity));
}
