import { db, type Prisma } from "../../db";
import { renderTalkAbstract } from "../impulse-talks/render-talk";
import { renderCommentForStorage, renderSectionForStorage } from "../results/render-section";
import { renderSpotlightTexts } from "../spotlights/render-spotlight";
import { MARKDOWN_RENDERER_VERSION, renderForStorage } from "./markdown";

const BATCH_SIZE = 200;

const stale = { renderVersion: { not: MARKDOWN_RENDERER_VERSION } };

interface Renderer<Row> {
  label: string;
  findStale(take: number): Promise<Row[]>;
  rerender(row: Row): Prisma.PrismaPromise<unknown>;
}

const renderer = <Row>(definition: Renderer<Row>) => definition;

/**
 * Everything that stores Markdown rendered to HTML: how to find the rows rendered by another renderer
 * version (oldest id first, a batch at a time) and how to render one again. The update repeats the
 * version condition, so a row edited meanwhile (already current) is left alone.
 */
const renderers = {
  posts: renderer({
    label: "Beiträge",
    findStale: (take: number) => db().post.findMany({ where: stale, select: { id: true, body: true }, orderBy: { id: "asc" }, take }),
    rerender: (post: { id: string; body: string }) => db().post.updateMany({ where: { id: post.id, ...stale }, data: renderForStorage(post.body, post.id) }),
  }),
  spotlights: renderer({
    label: "Spotlights",
    findStale: (take: number) =>
      db().spotlight.findMany({ where: stale, select: { id: true, problem: true, requestedAction: true, answer: true }, orderBy: { id: "asc" }, take }),
    rerender: (spotlight: { id: string; problem: string; requestedAction: string; answer: string | null }) =>
      db().spotlight.updateMany({ where: { id: spotlight.id, ...stale }, data: renderSpotlightTexts(spotlight.id, spotlight) }),
  }),
  impulseTalks: renderer({
    label: "Impulsvorträge",
    findStale: (take: number) => db().impulseTalk.findMany({ where: stale, select: { id: true, abstract: true }, orderBy: { id: "asc" }, take }),
    rerender: (talk: { id: string; abstract: string }) =>
      db().impulseTalk.updateMany({ where: { id: talk.id, ...stale }, data: renderTalkAbstract(talk.id, talk.abstract) }),
  }),
  resultSections: renderer({
    label: "Abschnitte des Ergebnisdokuments (Entwurf)",
    findStale: (take: number) => db().resultSection.findMany({ where: stale, select: { id: true, markdown: true }, orderBy: { id: "asc" }, take }),
    rerender: (section: { id: string; markdown: string }) =>
      db().resultSection.updateMany({ where: { id: section.id, ...stale }, data: renderSectionForStorage(section.id, section.markdown) }),
  }),
  // the text of a published version never changes; its HTML follows a sanitiser fix like everything else
  resultVersionSections: renderer({
    label: "Abschnitte veröffentlichter Versionen",
    findStale: (take: number) => db().resultVersionSection.findMany({ where: stale, select: { id: true, sectionId: true, markdown: true }, orderBy: { id: "asc" }, take }),
    rerender: (section: { id: string; sectionId: string; markdown: string }) =>
      db().resultVersionSection.updateMany({ where: { id: section.id, ...stale }, data: renderSectionForStorage(section.sectionId, section.markdown) }),
  }),
  resultComments: renderer({
    label: "Kommentare zum Ergebnisdokument",
    findStale: (take: number) => db().resultComment.findMany({ where: stale, select: { id: true, body: true }, orderBy: { id: "asc" }, take }),
    rerender: (comment: { id: string; body: string }) =>
      db().resultComment.updateMany({ where: { id: comment.id, ...stale }, data: renderCommentForStorage(comment.id, comment.body) }),
  }),
};

export type RenderedKind = keyof typeof renderers;
export const renderedKinds = Object.keys(renderers) as RenderedKind[];
export const renderedKindLabels = Object.fromEntries(renderedKinds.map((kind) => [kind, renderers[kind].label])) as Record<RenderedKind, string>;

/**
 * Renders every row of one kind whose stored HTML came from another renderer version, in batches so a
 * large database never holds more than one batch in memory. Returns how many were rendered.
 */
export async function rerenderStale(kind: RenderedKind, batchSize = BATCH_SIZE): Promise<number> {
  const renderer = renderers[kind] as unknown as Renderer<unknown>;
  let rendered = 0;
  for (;;) {
    const rows = await renderer.findStale(batchSize);
    if (!rows.length) return rendered;
    await db().$transaction(rows.map((row) => renderer.rerender(row)));
    rendered += rows.length;
  }
}

/** Every kind in turn (posts first: they are read most); how many of each were rendered. */
export async function rerenderAllStale(batchSize = BATCH_SIZE): Promise<Record<RenderedKind, number>> {
  const counts = {} as Record<RenderedKind, number>;
  for (const kind of renderedKinds) counts[kind] = await rerenderStale(kind, batchSize);
  return counts;
}
