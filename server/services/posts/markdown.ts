import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
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

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(rawHtmlAsText)
  .use(remarkRehype)
  // defence in depth: GitHub's allow-list drops event handlers and javascript:/data: URLs
  .use(rehypeSanitize)
  .use(rehypeStringify);

/**
 * Bump on every change to the pipeline above or to the versions of its packages (a sanitiser fix
 * must reach old posts too): stored HTML of another version is rendered again at start-up.
 * markdown.test.ts pins the package versions, so an upgrade without a bump fails the suite.
 */
export const MARKDOWN_RENDERER_VERSION = 1;

/** Markdown → sanitised HTML, rendered on the server so the browser needs no Markdown library. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** The stored form of a Markdown field: rendered HTML and the renderer version that made it. */
export function renderForStorage(markdown: string): { html: string; renderVersion: number } {
  return { html: renderMarkdown(markdown), renderVersion: MARKDOWN_RENDERER_VERSION };
}
