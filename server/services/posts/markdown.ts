import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Root as HastRoot } from "hast";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";

/** Raw HTML in a post is shown as the text that was typed, never interpreted. */
function rawHtmlAsText() {
  return (tree: Root) => {
    visit(tree, "html", (node, index, parent) => {
      if (!parent || index === undefined) return;
      const text = { type: "text", value: node.value } as const;
      // an HTML block stands where a paragraph would: keep it one, so it is laid out like text
      parent.children[index] = parent.type === "root" || parent.type === "blockquote" ? { type: "paragraph", children: [text] } : text;
    });
  };
}

/**
 * remark-rehype prefixes footnote ids with "user-content-" but not the id of the footnotes' heading
 * (nor the references pointing at it): prefix those too, so no id can clobber a page global.
 */
function prefixFootnoteLabel() {
  const prefixed = (id: unknown) => (id === "footnote-label" ? "user-content-footnote-label" : id);
  return (tree: HastRoot) => {
    visit(tree, "element", (node) => {
      node.properties.id = prefixed(node.properties.id) as string | undefined;
      const describedBy = node.properties.ariaDescribedBy;
      if (Array.isArray(describedBy)) node.properties.ariaDescribedBy = describedBy.map(prefixed) as string[];
    });
  };
}

/**
 * Code blocks and tables scroll sideways inside the post rather than widening the page; a region
 * that scrolls must be reachable by keyboard (WCAG 2.1.1), so it takes focus. Runs after the
 * sanitiser: the attribute is ours, never the author's.
 */
function focusableScrollRegions() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node) => {
      if (node.tagName === "pre" || node.tagName === "table") node.properties.tabIndex = 0;
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(rawHtmlAsText)
  .use(remarkRehype, {
    footnoteLabel: "Fußnoten",
    footnoteBackLabel: (referenceIndex: number) => `Zurück zum Verweis ${referenceIndex + 1}`,
  })
  .use(prefixFootnoteLabel)
  // defence in depth: GitHub's allow-list drops event handlers and javascript:/data: URLs.
  // remark-rehype already prefixes the only ids Markdown makes (footnotes); prefixing them twice
  // would break the footnote links. Raw HTML never reaches this point, so no id is the author's.
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: "" })
  .use(focusableScrollRegions)
  .use(rehypeStringify);

/**
 * Bump on every change to the pipeline above or to the versions of its packages (a sanitiser fix
 * must reach old posts too): stored HTML of another version is rendered again at start-up.
 * markdown.test.ts pins the package versions, so an upgrade without a bump fails the suite.
 */
export const MARKDOWN_RENDERER_VERSION = 2;

/** Markdown → sanitised HTML, rendered on the server so the browser needs no Markdown library. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** The stored form of a Markdown field: rendered HTML and the renderer version that made it. */
export function renderForStorage(markdown: string): { html: string; renderVersion: number } {
  return { html: renderMarkdown(markdown), renderVersion: MARKDOWN_RENDERER_VERSION };
}
