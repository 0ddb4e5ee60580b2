import { MARKDOWN_RENDERER_VERSION, renderMarkdown } from "../posts/markdown";

/** id scopes keep footnote ids of the three texts on one page apart */
const scope = (spotlightId: string, part: string) => `${part}${spotlightId.replace(/-/g, "").slice(0, 8)}`;

/**
 * The stored HTML of a spotlight's Markdown texts, rendered once when written, like posts; a renderer
 * version change re-renders them at start-up (rerenderStaleSpotlights).
 */
export function renderSpotlightTexts(spotlightId: string, texts: { problem: string; requestedAction: string; answer: string | null }) {
  return {
    problemHtml: renderMarkdown(texts.problem, scope(spotlightId, "p")),
    requestedActionHtml: renderMarkdown(texts.requestedAction, scope(spotlightId, "a")),
    answerHtml: texts.answer === null ? null : renderSpotlightAnswer(spotlightId, texts.answer),
    renderVersion: MARKDOWN_RENDERER_VERSION,
  };
}

/** The answer is written later than the other two, by moderation: rendered the same way. */
export const renderSpotlightAnswer = (spotlightId: string, answer: string) => renderMarkdown(answer, scope(spotlightId, "r"));

export const spotlightLink = (spotlightId: string) => `/spotlights/${spotlightId}`;

/** The first post of a spotlight's discussion thread: the proposal itself, linked to the spotlight. */
export function spotlightOpeningPost(spotlight: { id: string; title: string; problem: string; requestedAction: string }): string {
  return [
    `**Spotlight-Vorschlag:** [${spotlight.title.replace(/[[\]\\]/g, "\\$&")}](${spotlightLink(spotlight.id)})`,
    "",
    "### Problem",
    spotlight.problem,
    "",
    "### Anliegen",
    spotlight.requestedAction,
  ].join("\n");
}
