import { MARKDOWN_RENDERER_VERSION, renderMarkdown } from "../posts/markdown";

/** The stored HTML of a talk's abstract, rendered once when written, like posts. */
export function renderTalkAbstract(talkId: string, abstract: string) {
  return {
    abstractHtml: renderMarkdown(abstract, `i${talkId.replace(/-/g, "").slice(0, 8)}`),
    renderVersion: MARKDOWN_RENDERER_VERSION,
  };
}

export const talkLink = (talkId: string) => `/impulse/${talkId}`;
