import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { previewResultSectionSchema } from "../../schemas/results";
import { renderDocumentMarkdown } from "../posts/markdown";
import { citedLinks, resolveSources } from "./citations";
import type { ResultSourceDto } from "./dto";

export interface ResultSectionPreviewDto {
  html: string;
  sources: ResultSourceDto[];
  /** links into the platform that lead nowhere (a deleted post, a mistyped address): not sources */
  missing: number;
}

/** The editor's live preview: the HTML as it will be stored, and the sources the text cites. */
export async function previewResultSection(actor: Actor | null, rawInput: unknown): Promise<ResultSectionPreviewDto> {
  assertCan(actor, "results.edit");
  const { markdown } = previewResultSectionSchema.parse(rawInput);
  const { sources, missing } = await resolveSources(db(), citedLinks(markdown));
  return {
    html: renderDocumentMarkdown(markdown, "vorschau").html,
    sources: sources.map((source) => ({ kind: source.kind, sourceId: source.sourceId, label: source.label, href: source.href })),
    missing: missing.length,
  };
}
