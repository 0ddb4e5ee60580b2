import { diffWordsWithSpace } from "diff";
import type { Actor } from "../../auth/policy";
import { db } from "../../db";
import { compareResultVersionsSchema } from "../../schemas/results";
import { toVersionSummary, type ResultVersionSummaryDto } from "./dto";
import { assertCanReadResults } from "./read-access";
import { readableText } from "./readable-text";
import { readVersion } from "./versions";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export interface SectionComparison {
  sectionId: string;
  status: "added" | "removed" | "changed" | "unchanged";
  titleFrom: string | null;
  titleTo: string | null;
  /** the text word by word; empty for unchanged sections */
  parts: DiffPart[];
}

export interface ResultComparisonDto {
  from: ResultVersionSummaryDto;
  to: ResultVersionSummaryDto;
  sections: SectionComparison[];
  changedCount: number;
}

/** Word-level differences between the texts (jsdiff, whitespace kept so the text reads as written). */
export function diffText(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({ kind: part.added ? "added" : part.removed ? "removed" : "same", text: part.value }));
}

/**
 * Two published versions side by side, section by section in the newer one's order (sections only in
 * the older one last): added, removed, changed (title or text) or unchanged.
 */
export async function compareResultVersions(actor: Actor | null, rawInput: unknown): Promise<ResultComparisonDto> {
  await assertCanReadResults(actor);
  const input = compareResultVersionsSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    // compared as read: no Markdown marks, no link addresses (internal ones would show readers ids)
    const [from, to] = (await Promise.all([readVersion(tx, input.from), readVersion(tx, input.to)])).map((version) => ({
      ...version,
      sections: version.sections.map((section) => ({ ...section, markdown: readableText(section.markdown) })),
    }));
    const before = new Map(from.sections.map((section) => [section.sectionId, section]));
    const sections: SectionComparison[] = to.sections.map((section) => {
      const old = before.get(section.sectionId);
      if (!old) return { sectionId: section.sectionId, status: "added", titleFrom: null, titleTo: section.title, parts: diffText("", section.markdown) };
      const same = old.title === section.title && old.markdown === section.markdown;
      return { sectionId: section.sectionId, status: same ? "unchanged" : "changed", titleFrom: old.title, titleTo: section.title, parts: same ? [] : diffText(old.markdown, section.markdown) };
    });
    const after = new Set(to.sections.map((section) => section.sectionId));
    for (const old of from.sections) {
      if (!after.has(old.sectionId)) sections.push({ sectionId: old.sectionId, status: "removed", titleFrom: old.title, titleTo: null, parts: diffText(old.markdown, "") });
    }
    return {
      from: toVersionSummary(from, !!actor),
      to: toVersionSummary(to, !!actor),
      sections,
      changedCount: sections.filter((section) => section.status !== "unchanged").length,
    };
  });
}
