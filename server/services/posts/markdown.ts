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

/** Markdown → sanitised HTML, rendered on the server so the browser needs no Markdown library. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
