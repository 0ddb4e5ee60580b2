import type { Heading, Link, Root } from "mdast";
import { visit } from "unist-util-visit";
import { absoluteUrl, parseSection, versionLine, type ExportDocument } from "./model";

/**
 * The version as one Markdown file: `# Title`, the version's metadata, each section as `## Title`
 * with its own text (its headings one level deeper, so they stay under the section; relative links
 * made absolute) and its sources as a list.
 */
export function renderMarkdown(document: ExportDocument): string {
  const parts = [`# ${escapeLine(document.title)}`, [`${versionLine(document)}  `, `Herausgegeben von Gemeinsam Digital für Sachsen-Anhalt`].join("\n")];
  if (document.note) parts.push(`Änderungsnotiz: ${document.note}`);
  for (const section of document.sections) {
    parts.push(`## ${escapeLine(section.title)}`);
    const body = shiftSection(section.markdown, document.linkUrl).trim();
    if (body) parts.push(body);
    if (section.sources.length) {
      parts.push("### Quellen");
      parts.push(
        section.sources
          .map((source) => {
            const href = source.href ? absoluteUrl(source.href) : null;
            return href ? `- [${escapeLinkText(source.label)}](<${href}>)` : `- ${escapeLine(source.label)}`;
          })
          .join("\n"),
      );
    }
  }
  return `${parts.join("\n\n")}\n`;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Rewrites the section's source text in place: headings one level down, relative link targets absolute. */
function shiftSection(markdown: string, linkUrl: (url: string) => string | null): string {
  const tree: Root = parseSection(markdown);
  const edits: Edit[] = [];
  visit(tree, (node) => {
    if (node.type === "heading") {
      const heading = node as Heading;
      const start = heading.position?.start.offset;
      const end = heading.position?.end.offset;
      const first = heading.children[0]?.position?.start.offset;
      const last = heading.children.at(-1)?.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const content = first !== undefined && last !== undefined ? markdown.slice(first, last) : "";
      edits.push({ start, end, text: `${"#".repeat(Math.min(Math.max(heading.depth + 1, 3), 6))} ${content}`.trimEnd() });
      return "skip";
    }
    if (node.type === "link" || node.type === "definition") {
      const { url } = node as Link;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const target = linkUrl(url);
      if (target === null && node.type === "link") {
        // a link this reader may not open stays its text
        const link = node as Link;
        const first = link.children[0]?.position?.start.offset;
        const last = link.children.at(-1)?.position?.end.offset;
        edits.push({ start, end, text: first !== undefined && last !== undefined ? markdown.slice(first, last) : "" });
        return "skip";
      }
      if (!url.startsWith("/") || url.startsWith("//")) return;
      const source = markdown.slice(start, end);
      const at = source.lastIndexOf(url);
      if (at >= 0) edits.push({ start: start + at, end: start + at + url.length, text: target ?? absoluteUrl(url)! });
    }
    return undefined;
  });
  // the heading edit covers any link inside it: drop edits nested in an earlier one
  edits.sort((a, b) => a.start - b.start);
  let text = "";
  let cursor = 0;
  for (const edit of edits) {
    if (edit.start < cursor) continue;
    text += markdown.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return text + markdown.slice(cursor);
}

const escapeLine = (text: string): string => text.replace(/\s+/g, " ").replace(/([\\`*_[\]<>#])/g, "\\$1");
const escapeLinkText = (text: string): string => text.replace(/\s+/g, " ").replace(/([\\[\]])/g, "\\$1");
