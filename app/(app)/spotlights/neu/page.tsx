import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ProposeForm, type SourceThread } from "@/app/_components/spotlights/propose-form";
import { Alert } from "@/app/_components/ui/alert";
import { PageHeader } from "@/app/_components/ui/page-header";
import { firstParam } from "@/app/_lib/search-params";
import { getActor } from "@/server/auth/get-actor";
import { can, type Actor } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { idSchema } from "@/server/schemas/common";
import { listGroups } from "@/server/services/groups/list-groups";
import { listPosts } from "@/server/services/posts/list-posts";
import { getThread } from "@/server/services/threads/get-thread";
import { spotlightReference } from "@/server/schemas/spotlight-lifecycle";
import { spotlightOfThread } from "@/server/services/spotlights/spotlight-of-thread";

export async function generateMetadata(): Promise<Metadata> {
  return { title: can(await getActor(), "spotlight.propose") ? "Spotlight vorschlagen" : "Kein Zugriff" };
}

type Props = { searchParams: Promise<{ thema?: string | string[] }> };

/**
 * The thread a proposal comes from (`?thema=<id>`) with its first page of posts to quote. Anything
 * that names no thread the actor reads gives the form without a source, never an error page.
 */
async function sourceThread(actor: Actor, param: string | undefined): Promise<SourceThread | { spotlight: { id: string; number: number } } | null> {
  const threadId = idSchema.safeParse(param);
  if (!threadId.success) return null;
  // a spotlight's own discussion is no source for another one: it leads back to its spotlight
  const spotlight = await spotlightOfThread(actor, threadId.data);
  if (spotlight) return { spotlight };
  try {
    const [thread, { posts }] = await Promise.all([getThread(actor, threadId.data), listPosts(actor, { threadId: threadId.data, page: 1 })]);
    return {
      id: thread.id,
      title: thread.title,
      href: `/arbeitsgruppen/${thread.group.slug}/themen/${thread.id}`,
      groupId: thread.group.id,
      posts: posts
        // deleted and hidden posts have no text to quote
        .filter((post) => !post.deletedAt && !post.hiddenAt && post.html)
        .map((post) => ({ id: post.id, number: post.number, html: post.html, createdAt: post.createdAt, author: { name: post.author.name, organisation: post.author.organisation } })),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export default async function ProposeSpotlightPage({ searchParams }: Props) {
  const actor = await getActor();
  if (!actor || !can(actor, "spotlight.propose")) forbidden();
  const [groups, found] = await Promise.all([listGroups(actor), sourceThread(actor, firstParam((await searchParams).thema))]);
  const source = found && "spotlight" in found ? null : found;
  const ownSpotlight = found && "spotlight" in found ? found.spotlight : null;
  return (
    <>
      <nav aria-label="Brotkrumen" className="mb-3 text-sm">
        <Link href="/spotlights" className="text-brand-700 underline">
          Spotlights
        </Link>{" "}
        › Vorschlagen
      </nav>
      <PageHeader
        title="Spotlight vorschlagen"
        lead="Ein Spotlight trägt ein Ergebnis oder einen Bedarf der Arbeitsgruppen an die zuständige Stelle des Landes. Die Moderation prüft den Vorschlag; andere Kommunen können ihn mitzeichnen."
      />
      {ownSpotlight && (
        <div className="mb-4 max-w-3xl">
          <Alert tone="info">
            Dieses Thema ist die Diskussion zu{" "}
            <Link href={`/spotlights/${ownSpotlight.id}`} className="font-semibold underline">
              Spotlight {spotlightReference(ownSpotlight.number)}
            </Link>
            . Ein neuer Vorschlag wird daher ohne Bezug zu diesem Thema angelegt.
          </Alert>
        </div>
      )}
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <ProposeForm groups={groups.map((group) => ({ id: group.id, name: group.name }))} source={source} />
      </div>
    </>
  );
}
