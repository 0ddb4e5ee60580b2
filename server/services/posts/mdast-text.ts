import type { Root } from "mdast";
import { visit } from "unist-util-visit";

/** Raw HTML in Markdown becomes the text that was typed, never interpreted (posts, sections, exports). */
export function rawHtmlToText(tree: Root): void {
  visit(tree, "html", (node, index, parent) => {
    if (!parent || index === undefined) return;
    const text = { type: "text", value: node.value } as const;
    // an HTML block stands where a paragraph would: keep it one, so it is laid out like text
    parent.children[index] = parent.type === "root" || parent.type === "blockquote" ? { type: "paragraph", children: [text] } : text;
  });
}

/** The plain text of a Markdown node and its children. */
export const plainText = (node: object): string =>
  "value" in node && typeof node.value === "string" ? node.value : "children" in node && Array.isArray(node.children) ? node.children.map(plainText).join("") : "";
