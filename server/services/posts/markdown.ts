import rehypeSanitize, { defaultSchema, type Options as Schema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Root as HastRoot } from "hast";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { plainText, rawHtmlToText } from "./mdast-text";
import type { VFile } from "vfile";

/** Raw HTML in a post is shown as the text that was typed, never interpreted. */
const rawHtmlAsText = () => rawHtmlToText;

const mentionUrl = /^user:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A mention is stored as `@[Name](user:<id>)` (see mentionMarkdown): the link becomes a styled
 * `<span class="mention">@Name</span>`. Only its plain text is kept, so no link or markup of the
 * author's survives inside; the sanitiser allows exactly this class on spans.
 */
function mentions() {
  return (tree: Root) => {
    visit(tree, "link", (node, index, parent) => {
      if (!parent || index === undefined || !mentionUrl.test(node.url)) return;
      const before = parent.children[index - 1];
      if (!before || before.type !== "text" || !before.value.endsWith("@")) return;
      before.value = before.value.slice(0, -1);
      const name = plainText(node);
      parent.children[index] = { type: "text", value: `@${name}`, data: { hName: "span", hProperties: { className: ["mention"] } } };
    });
  };
}

/**
 * Footnote ids are "user-content-fn-1" in every post, and one page shows fifty posts: a footnote
 * link would jump to another post's footnote. Each post's ids get its own scope (from `file.data`),
 * keeping the "user-content-" prefix that guards page globals; the footnotes' heading, which
 * remark-rehype leaves unprefixed, gets both.
 */
function scopeFootnoteIds() {
  return (tree: HastRoot, file: VFile) => {
    const { idScope } = file.data as { idScope?: string };
    const scope = idScope ? `${idScope}-` : "";
    const scoped = (id: unknown) => {
      if (id === "footnote-label") return `user-content-${scope}footnote-label`;
      return typeof id === "string" && id.startsWith("user-content-") ? `user-content-${scope}${id.slice("user-content-".length)}` : id;
    };
    visit(tree, "element", (node) => {
      node.properties.id = scoped(node.properties.id) as string | undefined;
      const { href, ariaDescribedBy } = node.properties;
      if (typeof href === "string" && href.startsWith("#")) node.properties.href = `#${scoped(href.slice(1)) as string}`;
      if (Array.isArray(ariaDescribedBy)) node.properties.ariaDescribedBy = ariaDescribedBy.map(scoped) as string[];
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

/** The sanitiser's allow-list: GitHub's, plus the mention class, plus the block numbers of documents. */
const sanitizeSchema = (numberedBlocks: boolean): Schema => ({
  ...defaultSchema,
  clobberPrefix: "",
  attributes: {
    ...defaultSchema.attributes,
    span: [...(defaultSchema.attributes?.span ?? []), ["className", "mention"]],
    ...(numberedBlocks ? { "*": [...(defaultSchema.attributes?.["*"] ?? []), "dataBlock"] } : {}),
  },
});

/**
 * A document's section sits under the page's h1 (document) and h2 (section title): its own headings
 * start at h3, and each top-level block carries its number (`data-block`), so a comment can be
 * anchored to a paragraph. Definitions make no block and get no number.
 */
function documentBlocks() {
  return (tree: Root, file: VFile) => {
    const blocks: DocumentBlock[] = [];
    for (const node of tree.children) {
      if (node.type === "definition" || node.type === "footnoteDefinition") continue;
      const index = blocks.length;
      blocks.push({ index, text: blockText(node).replace(/\s+/g, " ").trim() });
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), dataBlock: index } };
    }
    visit(tree, "heading", (node) => {
      node.depth = Math.min(6, node.depth + 2) as typeof node.depth;
    });
    (file.data as { blocks?: DocumentBlock[] }).blocks = blocks;
  };
}

const inlineParents = new Set(["paragraph", "heading", "tableCell", "link", "linkReference", "emphasis", "strong", "delete"]);
/** The plain text of a block, its paragraphs, items and cells separated by a space. */
const blockText = (node: object): string =>
  "value" in node && typeof node.value === "string"
    ? node.value
    : "children" in node && Array.isArray(node.children)
      ? node.children.map(blockText).join("type" in node && inlineParents.has(node.type as string) ? "" : " ")
      : "";

/** A top-level block of a document section: its number and its plain text. */
export interface DocumentBlock {
  index: number;
  text: string;
}

const createProcessor = (document: boolean) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(rawHtmlAsText)
    .use(mentions)
    .use(document ? documentBlocks : () => undefined)
    .use(remarkRehype, {
      footnoteLabel: "Fußnoten",
      footnoteBackLabel: (referenceIndex: number) => `Zurück zum Verweis ${referenceIndex + 1}`,
    })
    .use(scopeFootnoteIds)
    // defence in depth: GitHub's allow-list drops event handlers and javascript:/data: URLs.
    // remark-rehype already prefixes the only ids Markdown makes (footnotes); prefixing them twice
    // would break the footnote links. Raw HTML never reaches this point, so no id is the author's.
    .use(rehypeSanitize, sanitizeSchema(document))
    .use(focusableScrollRegions)
    .use(rehypeStringify);

const processor = createProcessor(false);
const documentProcessor = createProcessor(true);

/**
 * Bump on every change to the pipeline above or to the versions of its packages (a sanitiser fix
 * must reach old posts too): stored HTML of another version is rendered again at start-up.
 * markdown.test.ts pins the package versions, so an upgrade without a bump fails the suite.
 */
export const MARKDOWN_RENDERER_VERSION = 3;

/**
 * Markdown → sanitised HTML, rendered on the server so the browser needs no Markdown library.
 * `idScope` (letters and digits, e.g. from the post's id) keeps footnote ids unique on a page.
 */
export function renderMarkdown(markdown: string, idScope?: string): string {
  return String(processor.processSync({ value: markdown, data: { idScope: idScope?.replace(/[^a-z0-9]/gi, "").slice(0, 12) } }));
}

/**
 * A section of a document (the results document): headings from h3, top-level blocks numbered;
 * also returns the blocks' plain text, which comments quote when they are anchored to one.
 */
export function renderDocumentMarkdown(markdown: string, idScope?: string): { html: string; blocks: DocumentBlock[] } {
  const file = documentProcessor.processSync({ value: markdown, data: { idScope: idScope?.replace(/[^a-z0-9]/gi, "").slice(0, 12) } });
  return { html: String(file), blocks: (file.data as { blocks?: DocumentBlock[] }).blocks ?? [] };
}

/** The stored form of a Markdown field: rendered HTML and the renderer version that made it. */
export function renderForStorage(markdown: string, postId: string): { html: string; renderVersion: number } {
  return { html: renderMarkdown(markdown, postId.slice(0, 8)), renderVersion: MARKDOWN_RENDERER_VERSION };
}
