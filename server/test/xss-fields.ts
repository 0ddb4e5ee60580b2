import { excerptOfHtml } from "../services/activity/dto";
import { normaliseText } from "../schemas/text";
import { attachmentFileName } from "../services/attachments/file-name";
import { renderDocumentMarkdown, renderMarkdown } from "../services/posts/markdown";
import { headlineSegments } from "../services/search/snippet";

/**
 * Every field whose content people type and other people see. xss.test.ts runs the whole corpus
 * (xss-corpus.ts) through each entry: a feature that shows a new kind of people's text adds it here.
 *
 * - `html`: the server turns the text into HTML that the page injects (dangerouslySetInnerHTML);
 *   `toHtml` is that exact conversion, and its output must pass the allow-list checks.
 * - `text`: React renders the string as a text node or attribute value and escapes it; `toText` is
 *   the string the component receives. Keep a field here only while no component injects it as HTML.
 */
export type XssField =
  | { field: string; kind: "html"; toHtml: (value: string) => string; shownIn: readonly string[] }
  | { field: string; kind: "text"; toText: (value: string) => string; shownIn: readonly string[] };

const asTyped = (value: string) => value;

export const xssFields: readonly XssField[] = [
  {
    field: "post body",
    kind: "html",
    toHtml: renderMarkdown,
    shownIn: ["thread page .prose-post (app/_components/threads/post-item.tsx)"],
  },
  {
    field: "activity excerpt",
    kind: "text",
    toText: (body) => excerptOfHtml(renderMarkdown(body)),
    shownIn: ["home page activity feed (app/_components/groups/activity-feed.tsx)"],
  },
  {
    field: "notification excerpt",
    kind: "text",
    toText: (body) => excerptOfHtml(renderMarkdown(body)),
    shownIn: ["bell panel and /benachrichtigungen (app/_components/notifications/notification-item.tsx)", "digest e-mail (escaped by renderDigest, digest.test.ts)"],
  },
  {
    field: "post body in the edit form",
    kind: "text",
    toText: asTyped,
    shownIn: ["textarea value (app/_components/threads/post-item.tsx EditForm)"],
  },
  {
    field: "thread title",
    kind: "text",
    toText: asTyped,
    shownIn: ["thread page h1, breadcrumb and <title>", "group thread list", "activity feed", "admin audit log label", "notification title (bell, /benachrichtigungen, digest e-mail)"],
  },
  {
    field: "person name",
    kind: "text",
    toText: asTyped,
    shownIn: ["post header", "thread list", "activity feed", "group members", "app header", "home greeting", "admin user table (also aria-label)", "audit log", "live announcer", "notifications (actor, bell live region)", "reaction names (tooltip and aria-label)", "reply header", "mention autocomplete"],
  },
  {
    field: "person organisation",
    kind: "text",
    toText: asTyped,
    shownIn: ["post header", "thread list", "activity feed", "group members", "app header", "admin user table", "audit log"],
  },
  {
    field: "reason for hiding a post",
    kind: "text",
    toText: asTyped,
    shownIn: ["moderation view of a hidden post (app/_components/posts/post-state.tsx)", "audit log details"],
  },
  {
    // ts_headline drops the tags of the rendered post and keeps its entities; search.test.ts runs the
    // corpus through the database as well
    field: "search snippet",
    kind: "text",
    toText: (body) =>
      headlineSegments(renderMarkdown(body).replace(/<[^>]*>/g, " "))
        .map((segment) => segment.text)
        .join(""),
    shownIn: ["search results (app/_components/search/highlighted-text.tsx)"],
  },
  {
    field: "report note",
    kind: "text",
    toText: asTyped,
    shownIn: ["moderation queue card (app/_components/moderation/report-queue.tsx)"],
  },
  {
    field: "report outcome note",
    kind: "text",
    toText: asTyped,
    shownIn: ["moderation queue card, done tab", "audit log (report.close)", "reporter's notification excerpt"],
  },
  {
    field: "report post excerpt",
    kind: "text",
    toText: (body) => excerptOfHtml(renderMarkdown(body)),
    shownIn: ["moderation queue card blockquote (app/_components/moderation/report-queue.tsx)"],
  },
  {
    field: "invitation organisation",
    kind: "text",
    toText: asTyped,
    shownIn: ["admin invitation panel", "public invitation page (app/(public)/einladung/[token]/page.tsx)"],
  },
  {
    field: "attachment file name",
    kind: "text",
    toText: (name) => attachmentFileName(name, "application/pdf"),
    shownIn: ["post attachment list and composer file list (app/_components/attachments/*)", "Content-Disposition (server/http/attachments.ts)"],
  },
  {
    field: "image alternative text",
    kind: "text",
    // what altTextSchema stores (longer ones are refused, not shortened)
    toText: (alt) => normaliseText(alt, { singleLine: true }),
    shownIn: ["img alt in posts (app/_components/attachments/post-attachments.tsx)", "composer alt-text field value"],
  },
  {
    field: "spotlight title (proposal form suggestions, search)",
    kind: "text",
    toText: (title) => normaliseText(title, { singleLine: true }),
    shownIn: ["similar suggestions below the title field (app/_components/spotlights/similar-suggestions.tsx)", "search result title (escaped in SQL, then text)"],
  },
  {
    field: "post body quoted into a spotlight proposal",
    kind: "html",
    toHtml: renderMarkdown,
    shownIn: ["source thread's posts in the proposal form .prose-post (app/_components/spotlights/propose-form.tsx); the quote itself is textarea text"],
  },
  {
    field: "spotlight answer",
    kind: "html",
    toHtml: renderMarkdown,
    shownIn: ["spotlight detail page .prose-post (app/_components/spotlights/spotlight-detail.tsx)"],
  },
  {
    field: "spotlight decline reason and transition comment",
    kind: "text",
    toText: (value) => normaliseText(value),
    shownIn: ["spotlight detail page timeline and decline box (app/_components/spotlights/*)", "notification excerpt (SPOTLIGHT_STATUS)", "audit log details"],
  },
  {
    field: "spotlight forwarding: Ressort and contact",
    kind: "text",
    toText: (value) => normaliseText(value, { singleLine: true }),
    shownIn: ["spotlight detail page forwarding box (app/_components/spotlights/spotlight-detail.tsx)", "moderation panel datalist"],
  },
  {
    field: "impulse talk cancellation reason",
    kind: "text",
    toText: (value) => normaliseText(value),
    shownIn: ["talk page cancellation box (app/_components/impulse/talk-detail.tsx)", "notification excerpt (IMPULSE_TALK_CHANGED)", "audit log details"],
  },
  {
    field: "impulse talk sources in the edit form (title, speakers, organisation, place, abstract, link labels)",
    kind: "text",
    toText: asTyped,
    shownIn: ["input and textarea values (app/_components/impulse/talk-form.tsx)", "edit page breadcrumb"],
  },
  {
    field: "impulse question body",
    kind: "text",
    toText: (value) => normaliseText(value),
    shownIn: ["talk page question list (app/_components/impulse/talk-questions.tsx)", "notification excerpt (IMPULSE_QUESTION_ANSWERED)", "audit log details"],
  },
  {
    field: "impulse question answer",
    kind: "text",
    toText: (value) => normaliseText(value),
    shownIn: ["talk page question list (app/_components/impulse/talk-questions.tsx)", "notification excerpt (IMPULSE_QUESTION_ANSWERED)", "audit log details"],
  },
  {
    field: "reason for hiding an impulse question",
    kind: "text",
    toText: (value) => normaliseText(value),
    shownIn: ["moderation view of a hidden question (app/_components/impulse/talk-questions.tsx)", "audit log details"],
  },
  {
    field: "results document section",
    kind: "html",
    toHtml: (markdown) => renderDocumentMarkdown(markdown, "abschnitt").html,
    shownIn: ["published versions, draft and print view (app/_components/results)", "editor preview"],
  },
  {
    field: "results document comment",
    kind: "html",
    toHtml: renderMarkdown,
    shownIn: ["draft page comments (app/_components/results)"],
  },
  {
    field: "results document section title, version note and the paragraph a comment quotes",
    kind: "text",
    toText: asTyped,
    shownIn: ["draft and version pages (h2, table of contents)", "version list and change note", "comment quote", "PDF, DOCX and Markdown exports (escaped by their libraries)"],
  },
];
