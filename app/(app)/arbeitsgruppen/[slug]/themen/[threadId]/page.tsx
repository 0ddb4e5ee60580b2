import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { ThreadSubscription } from "@/app/_components/notifications/thread-subscription";
import { ThreadView } from "@/app/_components/threads/thread-view";
import { buttonClass } from "@/app/_components/ui/button";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { parsePageParam } from "@/server/schemas/paging";
import { POSTS_PER_PAGE } from "@/server/schemas/post";
import { getThreadSubscription } from "@/server/services/notifications/thread-subscription";
import { listGroups } from "@/server/services/groups/list-groups";
import { listPosts } from "@/server/services/posts/list-posts";
import { lastReadNumber } from "@/server/services/reads/read-state";
import { getThread } from "@/server/services/threads/get-thread";
import { spotlightReference } from "@/server/schemas/spotlight-lifecycle";
import { spotlightOfThread } from "@/server/services/spotlights/spotlight-of-thread";
import { LinkedServices } from "@/app/_components/ozg/linked-services";
import { ozgServicesOfThread } from "@/server/services/ozg/link-service";
import { CitedIn } from "@/app/_components/results/cited-in";

type Props = {
  params: Promise<{ slug: string; threadId: string }>;
  searchParams: Promise<{ seite?: string | string[]; beitrag?: string | string[] }>;
};

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

async function loadThread(threadId: string) {
  const actor = await getActor();
  if (!actor || !can(actor, "internal.read")) return { actor: null, thread: null };
  if (!isUuid(threadId)) notFound();
  const thread = await getThread(actor, threadId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return { actor, thread };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { thread } = await loadThread((await params).threadId);
  // forbidden() here would title the page as Next's not-found: only the page refuses
  return { title: thread ? `${thread.title} – ${thread.group.name}` : "Kein Zugriff" };
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const { slug, threadId } = await params;
  const { actor, thread } = await loadThread(threadId);
  if (!actor || !thread) forbidden();
  if (thread.group.slug !== slug) redirect(`/arbeitsgruppen/${thread.group.slug}/themen/${thread.id}`);

  const query = await searchParams;
  const readUpTo = await lastReadNumber(actor, thread.id);
  // without an explicit page the thread opens where the reader left off: the first unread post
  const opensAtUnread = !query.beitrag && !query.seite && readUpTo !== null;
  // ?beitrag=N opens the page holding post N; out-of-range numbers end on the nearest page
  const page = query.beitrag
    ? Math.ceil(parsePageParam(query.beitrag) / POSTS_PER_PAGE)
    : opensAtUnread
      ? Math.ceil(Math.min(readUpTo + 1, thread.postCount) / POSTS_PER_PAGE)
      : parsePageParam(query.seite);
  const canModerate = can(actor, "thread.moderate");
  const [postPage, subscription, groups, spotlight, ozgLinks] = await Promise.all([
    listPosts(actor, { threadId, page }),
    can(actor, "thread.subscribe") ? getThreadSubscription(actor, { threadId }) : null,
    canModerate ? listGroups(actor) : [],
    spotlightOfThread(actor, threadId),
    ozgServicesOfThread(actor, threadId),
  ]);

  return (
    <>
      {/* keyed by page: following a page link must start from that page's posts, not keep the last */}
      <ThreadView
        key={postPage.page}
        initialThread={thread}
        initialPage={postPage}
        viewer={{ id: actor.id, canPost: can(actor, "post.create"), canModerate, canReport: can(actor, "post.report") }}
        subscription={subscription && <ThreadSubscription threadId={thread.id} initialLevel={subscription.level} />}
        groups={groups.map((group) => ({ id: group.id, name: group.name }))}
        unread={{ readUpTo, scrollTo: opensAtUnread }}
        related={
          <>
            <LinkedServices target={{ threadId: thread.id }} initial={ozgLinks} />
            <CitedIn actor={actor} source={{ threadId: thread.id }} />
          </>
        }
        actions={
          // a spotlight's own discussion leads back to it; any other thread can become one
          spotlight ? (
            <Link href={`/spotlights/${spotlight.id}`} className={buttonClass("secondary")}>
              Zum Spotlight {spotlightReference(spotlight.number)}
            </Link>
          ) : (
            can(actor, "spotlight.propose") && (
              <Link href={`/spotlights/neu?thema=${thread.id}`} className={buttonClass("secondary")}>
                Als Spotlight vorschlagen
              </Link>
            )
          )
        }
      />
    </>
  );
}
