import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { can, type Actor } from "../../auth/policy";
import type { Tx } from "../../db";
import { env } from "../../env";
import { isPublicSpotlightStatus, spotlightReference } from "../../schemas/spotlight-lifecycle";
import type { ResultSourceDto, ResultSourceKind } from "./dto";

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const sourcePaths: { kind: ResultSourceKind; pattern: RegExp }[] = [
  { kind: "THREAD", pattern: new RegExp(`^/arbeitsgruppen/[^/]+/themen/(${uuid})/?$`, "i") },
  { kind: "POST", pattern: new RegExp(`^/beitraege/(${uuid})/?$`, "i") },
  { kind: "SPOTLIGHT", pattern: new RegExp(`^/spotlights/(${uuid})/?$`, "i") },
];

export interface CitedLink {
  kind: ResultSourceKind;
  sourceId: string;
}

/** The path of a link into the platform: relative, or absolute on the platform's own address. */
function platformPath(url: string): string | null {
  if (url.startsWith("/") && !url.startsWith("//")) return url.split(/[?#]/)[0]!;
  try {
    const parsed = new URL(url);
    return parsed.origin === new URL(env.publicUrl).origin ? parsed.pathname : null;
  } catch {
    return null;
  }
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** The thread, post or spotlight a link's target points to, if it is one. */
export function citedLinkOf(url: string): CitedLink | null {
  const path = platformPath(url);
  if (!path) return null;
  for (const { kind, pattern } of sourcePaths) {
    const match = pattern.exec(path);
    if (match) return { kind, sourceId: match[1]!.toLowerCase() };
  }
  return null;
}

/** The threads, posts and spotlights a section's Markdown links to, each once, in order of appearance. */
export function citedLinks(markdown: string): CitedLink[] {
  const found = new Map<string, CitedLink>();
  visit(parser.parse(markdown), (node) => {
    if (node.type !== "link" && node.type !== "definition") return;
    const link = citedLinkOf((node as { url: string }).url);
    if (link && !found.has(`${link.kind}:${link.sourceId}`)) found.set(`${link.kind}:${link.sourceId}`, link);
  });
  return [...found.values()];
}

/** A cited source as stored: its title now and where it lives. */
export interface ResolvedSource extends CitedLink {
  threadId: string | null;
  label: string;
  href: string;
}

/**
 * Looks the cited sources up: threads, posts (not deleted or hidden) and spotlights that exist.
 * Links to anything else are not sources (`missing`), which the editor's preview points out.
 */
export async function resolveSources(tx: Tx, links: CitedLink[]): Promise<{ sources: ResolvedSource[]; missing: CitedLink[] }> {
  const ids = (kind: ResultSourceKind) => links.filter((link) => link.kind === kind).map((link) => link.sourceId);
  const [threads, posts, spotlights] = await Promise.all([
    tx.thread.findMany({ where: { id: { in: ids("THREAD") } }, select: { id: true, title: true, group: { select: { name: true, slug: true } } } }),
    tx.post.findMany({
      where: { id: { in: ids("POST") }, deletedAt: null, hiddenAt: null },
      select: { id: true, number: true, thread: { select: { id: true, title: true } } },
    }),
    tx.spotlight.findMany({ where: { id: { in: ids("SPOTLIGHT") } }, select: { id: true, number: true, title: true } }),
  ]);
  const sources: ResolvedSource[] = [];
  const missing: CitedLink[] = [];
  for (const link of links) {
    if (link.kind === "THREAD") {
      const thread = threads.find((row) => row.id === link.sourceId);
      if (thread) sources.push({ ...link, threadId: thread.id, label: `${thread.title} (${thread.group.name})`, href: `/arbeitsgruppen/${thread.group.slug}/themen/${thread.id}` });
      else missing.push(link);
    } else if (link.kind === "POST") {
      const post = posts.find((row) => row.id === link.sourceId);
      if (post) sources.push({ ...link, threadId: post.thread.id, label: `Beitrag ${post.number} in „${post.thread.title}“`, href: `/beitraege/${post.id}` });
      else missing.push(link);
    } else {
      const spotlight = spotlights.find((row) => row.id === link.sourceId);
      if (spotlight) sources.push({ ...link, threadId: null, label: `${spotlightReference(spotlight.number)}: ${spotlight.title}`, href: `/spotlights/${spotlight.id}` });
      else missing.push(link);
    }
  }
  return { sources, missing };
}

/** Replaces the draft section's citations with what its text links to now. */
export async function storeDraftCitations(tx: Tx, sectionId: string, markdown: string): Promise<void> {
  const { sources } = await resolveSources(tx, citedLinks(markdown));
  await tx.resultCitation.deleteMany({ where: { sectionId, versionId: null } });
  if (sources.length === 0) return;
  await tx.resultCitation.createMany({
    data: sources.map((source, position) => ({ sectionId, versionId: null, kind: source.kind, sourceId: source.sourceId, threadId: source.threadId, label: source.label, href: source.href, position })),
  });
}

interface StoredCitation {
  sectionId: string;
  kind: ResultSourceKind;
  sourceId: string;
  label: string;
  href: string;
}

/**
 * The sources as this viewer sees them: threads and posts are internal, so readers and visitors get
 * their titles without a link; readers open spotlights from the promotion on.
 */
export async function sourcesForViewer(tx: Tx, viewer: Actor | null | "internal", citations: StoredCitation[]): Promise<Map<string, ResultSourceDto[]>> {
  const internal = viewer === "internal" || can(viewer, "internal.read");
  const actor = viewer === "internal" ? null : viewer;
  const spotlightIds = citations.filter((citation) => citation.kind === "SPOTLIGHT").map((citation) => citation.sourceId);
  const readableSpotlights =
    !internal && actor && spotlightIds.length
      ? new Set(
          (await tx.spotlight.findMany({ where: { id: { in: spotlightIds } }, select: { id: true, status: true } }))
            .filter((spotlight) => isPublicSpotlightStatus(spotlight.status))
            .map((spotlight) => spotlight.id),
        )
      : new Set<string>();
  const bySection = new Map<string, ResultSourceDto[]>();
  for (const citation of citations) {
    const openable = internal || (citation.kind === "SPOTLIGHT" && readableSpotlights.has(citation.sourceId));
    const list = bySection.get(citation.sectionId) ?? [];
    list.push({ kind: citation.kind, sourceId: citation.sourceId, label: citation.label, href: openable ? citation.href : null });
    bySection.set(citation.sectionId, list);
  }
  return bySection;
}

export const citationSelect = { sectionId: true, kind: true, sourceId: true, label: true, href: true } as const;

const anchor = /<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g;

/**
 * A section's stored HTML for a viewer: a link to a thread, post or spotlight the viewer may not open
 * (its source has no href for them) becomes its plain text, as in the exports. The HTML is the
 * sanitiser's output, so every link has this one shape and links never nest.
 */
export function htmlForViewer(html: string, sources: ResultSourceDto[]): string {
  const openable = new Set(sources.filter((source) => source.href).map((source) => `${source.kind}:${source.sourceId}`));
  return html.replace(anchor, (whole, href: string, text: string) => {
    const cited = citedLinkOf(href.replace(/&#x26;|&amp;/g, "&"));
    return cited && !openable.has(`${cited.kind}:${cited.sourceId}`) ? `<span class="internal-link">${text}</span>` : whole;
  });
}
