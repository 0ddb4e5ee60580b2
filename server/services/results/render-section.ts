import { MARKDOWN_RENDERER_VERSION, renderDocumentMarkdown, renderForStorage, type DocumentBlock } from "../posts/markdown";

/** A section's stored HTML: headings from h3, blocks numbered for comments (rendered once, like posts). */
export function renderSectionForStorage(sectionId: string, markdown: string): { html: string; renderVersion: number } {
  return { html: renderDocumentMarkdown(markdown, sectionId.slice(0, 8)).html, renderVersion: MARKDOWN_RENDERER_VERSION };
}

/** The numbered blocks of a section's text, as its HTML numbers them. */
export function sectionBlocks(markdown: string): DocumentBlock[] {
  return renderDocumentMarkdown(markdown).blocks;
}

/** A comment is Markdown like a post. */
export function renderCommentForStorage(commentId: string, body: string): { bodyHtml: string; renderVersion: number } {
  const { html, renderVersion } = renderForStorage(body, commentId);
  return { bodyHtml: html, renderVersion };
}
