import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { formatBerlinShortDate } from "../../../schemas/berlin-time";
import { env } from "../../../env";
import { plainText, rawHtmlToText } from "../../posts/mdast-text";
import { citedLinkOf } from "../citations";
import type { ResultSourceDto } from "../dto";

/** What every export format is written from: one published version as this viewer may read it. */
export interface ExportDocument {
  title: string;
  number: number;
  note: string;
  publishedAt: Date;
  sections: ExportSection[];
  /**
   * Where a link in the text leads in the file: absolute, or null where it stays plain text (a thread,
   * post or spotlight this viewer may not open, or a scheme that is no web address).
   */
  linkUrl(url: string): string | null;
}

export interface ExportSection {
  sectionId: string;
  title: string;
  markdown: string;
  sources: ResultSourceDto[];
}

export const EXPORT_AUTHOR = "Gemeinsam Digital für Sachsen-Anhalt";

const parser = unified().use(remarkParse).use(remarkGfm);

/** A section's Markdown as the app parses it (GFM); raw HTML stays the text that was typed. */
export function parseSection(markdown: string): Root {
  const tree = parser.parse(markdown);
  rawHtmlToText(tree);
  return tree;
}

/** A link as a reader outside the platform can open it: platform paths get the public address. */
export function absoluteUrl(url: string): string | null {
  if (url.startsWith("/") && !url.startsWith("//")) return `${env.publicUrl}${url}`;
  if (/^(https?:|mailto:)/i.test(url)) return url;
  return null;
}

/** Links for a viewer: into the platform's threads, posts and spotlights only where the viewer's sources open them. */
export function linkUrlFor(sources: ResultSourceDto[]): (url: string) => string | null {
  const openable = new Set(sources.filter((source) => source.href).map((source) => `${source.kind}:${source.sourceId}`));
  return (url) => {
    const cited = citedLinkOf(url);
    if (cited && !openable.has(`${cited.kind}:${cited.sourceId}`)) return null;
    return absoluteUrl(url);
  };
}

/** "Version 2 vom 26.11.2026" */
export const versionLine = (document: ExportDocument): string => `Version ${document.number} vom ${formatBerlinShortDate(document.publishedAt)}`;

export { plainText };

export const exportFileName = (number: number, extension: string): string => `GDST-Ergebnisdokument-v${number}.${extension}`;
