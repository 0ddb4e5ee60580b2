import type { ListItem, Nodes, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const parser = unified().use(remarkParse).use(remarkGfm);

/** The words of inline content: links and emphasis keep their text, images their alternative text. */
function inline(node: Nodes): string {
  if (node.type === "image") return node.alt ?? "";
  if (node.type === "break") return "\n";
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(inline).join("");
  return "";
}

function block(node: RootContent, depth = 0): string {
  switch (node.type) {
    case "heading":
    case "paragraph":
      return inline(node);
    case "list":
      return node.children
        .map((item: ListItem, index) => {
          const marker = node.ordered ? `${(node.start ?? 1) + index}.` : "•";
          const [first, ...rest] = item.children.map((child) => block(child, depth + 1));
          return [`${"  ".repeat(depth)}${marker} ${first ?? ""}`, ...rest].join("\n");
        })
        .join("\n");
    case "table":
      return node.children.map((row) => row.children.map(inline).join(" | ")).join("\n");
    case "blockquote":
      return node.children.map((child) => block(child, depth)).join("\n\n");
    case "code":
      return node.value;
    case "thematicBreak":
      return "—";
    case "definition":
    case "footnoteDefinition":
    case "html":
      return node.type === "html" ? node.value : "";
    default:
      return inline(node as Nodes);
  }
}

/**
 * A section's Markdown as a reader sees it, for comparing versions: headings, paragraphs, list items
 * (one per line, with bullet or number), table rows (cells with " | ") and quotes as plain text; no
 * Markdown marks and no link addresses, so the diff shows what changed in the words people read.
 */
export function readableText(markdown: string): string {
  const tree = parser.parse(markdown) as Root;
  return tree.children
    .map((node) => block(node))
    .filter((text) => text.trim() !== "")
    .join("\n\n");
}
