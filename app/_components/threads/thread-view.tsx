"use client";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useOnConnect, useSocket, type ClientSocket } from "@/app/_lib/socket";
import { ThreadCursor } from "@/app/_lib/thread-cursor";
import { useTRPCClient } from "@/app/_lib/trpc";
import { POSTS_PER_PAGE } from "@/server/schemas/post";
import type { PostDto } from "@/server/services/posts/dto";
import type { CatchUp, PostPage } from "@/server/services/posts/list-posts";
import type { ThreadDetail } from "@/server/services/threads/dto";
import { announce } from "../shell/live-announcer";
import { Alert } from "../ui/alert";
import { Pagination } from "../ui/pagination";
import { PostHighlight } from "../posts/post-highlight";
import { quoteMarkdown } from "../posts/quote";
import { Composer, type QuoteRequest } from "./composer";
import { ModerationControls, type GroupChoice } from "./moderation-controls";
import { PostItem } from "./post-item";
import { PresenceBar } from "./presence-bar";
import { TypingIndicator, useTypingNotifier } from "./typing-indicator";
import { UnreadDivider } from "./unread-divider";
import { useMarkRead } from "./use-mark-read";

export interface Viewer {
  id: string;
  canPost: boolean;
  canModerate: boolean;
  /** may report other people's posts to moderation */
  canReport: boolean;
}

/** Keeps the newer version of each post: events and catch-up may deliver the same change twice. */
function mergePosts(current: Map<string, PostDto>, incoming: PostDto[]): Map<string, PostDto> {
  const next = new Map(current);
  for (const post of incoming) {
    const known = next.get(post.id);
    if (!known || known.changeSeq < post.changeSeq) next.set(post.id, post);
  }
  return next;
}

/** How long a missing change may take to arrive live before the thread view fetches it. */
const GAP_WAIT_MS = 2_000;

/** Where the reader left off: `readUpTo` null when they never opened the thread; `scrollTo` when the page was chosen for them. */
export interface UnreadPosition {
  readUpTo: number | null;
  scrollTo: boolean;
}

export function ThreadView({
  initialThread,
  initialPage,
  viewer,
  subscription,
  groups = [],
  unread,
  actions,
  related,
}: {
  initialThread: ThreadDetail;
  initialPage: PostPage;
  viewer: Viewer;
  /** following or muting the thread (notifications) */
  subscription?: ReactNode;
  /** the groups moderation may move the thread to */
  groups?: GroupChoice[];
  unread: UnreadPosition;
  /** links in the header that lead from the thread elsewhere ("Als Spotlight vorschlagen") */
  actions?: ReactNode;
  /** what the thread is linked to, below the header's actions (the OZG services) */
  related?: ReactNode;
}) {
  const [thread, setThread] = useState(initialThread);
  const { state: connection } = useSocket();
  const [posts, setPosts] = useState(() => mergePosts(new Map(), initialPage.posts));
  const [needsReload, setNeedsReload] = useState(false);
  const cursor = useRef<ThreadCursor | null>(null);
  cursor.current ??= new ThreadCursor(initialPage.seq);
  const trpcClient = useTRPCClient();
  const { page } = initialPage;
  const firstNumber = (page - 1) * POSTS_PER_PAGE + 1;
  const pageCount = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE));
  const isLastPage = page >= pageCount;
  const postsRef = useRef(posts);

  const receive = useCallback(
    (incoming: PostDto[]) => {
      const fresh = incoming.filter((post) => !postsRef.current.has(post.id) && post.author.id !== viewer.id);
      if (fresh.length === 1) announce(`Neuer Beitrag von ${fresh[0].author.name}`);
      else if (fresh.length > 1) announce(`${fresh.length} neue Beiträge`);
      postsRef.current = mergePosts(postsRef.current, incoming);
      setPosts(postsRef.current);
    },
    [viewer.id],
  );

  const watch = useCallback(
    (socket: ClientSocket) => {
      const threadId = initialThread.id;
      const seen = cursor.current!;
      const caughtUp = (answer: CatchUp) => {
        setThread(answer.thread);
        seen.caughtUpTo(Math.max(answer.seq, ...answer.posts.map((post) => post.changeSeq)));
        receive(answer.posts);
        if (answer.isTruncated) setNeedsReload(true);
      };
      // a change missing between live ones (overtaken, or never published by a process that went
      // away): fetched when it has not arrived shortly after
      let gapCheck: ReturnType<typeof setTimeout> | undefined;
      const liveChange = (seq: number) => {
        seen.live(seq);
        if (!seen.hasGap || gapCheck) return;
        gapCheck = setTimeout(() => {
          gapCheck = undefined;
          if (!seen.hasGap || !socket.connected) return;
          trpcClient.post.since.query({ threadId, afterSeq: seen.afterSeq }).then(caughtUp, () => undefined);
        }, GAP_WAIT_MS);
      };
      const onCreated = (payload: { post: PostDto; seq: number; postCount: number }) => {
        if (payload.post.threadId !== threadId) return;
        setThread((current) => ({ ...current, postCount: Math.max(current.postCount, payload.postCount) }));
        receive([payload.post]);
        liveChange(payload.seq);
      };
      const onUpdated = (payload: { post: PostDto; seq: number }) => {
        if (payload.post.threadId !== threadId) return;
        receive([payload.post]);
        liveChange(payload.seq);
      };
      const onThread = (payload: { thread: ThreadDetail; seq: number }) => {
        if (payload.thread.id !== threadId) return;
        setThread(payload.thread);
        liveChange(payload.seq);
      };
      socket.on("post.created", onCreated);
      socket.on("post.updated", onUpdated);
      socket.on("thread.updated", onThread);
      // on every (re)connection: join the room and fetch whatever happened since the last seen seq
      seen.connected();
      socket.emit("thread.watch", { threadId, afterSeq: seen.afterSeq }, (response) => {
        if (response.ok) caughtUp(response.data);
      });
      return () => {
        clearTimeout(gapCheck);
        socket.off("post.created", onCreated);
        socket.off("post.updated", onUpdated);
        socket.off("thread.updated", onThread);
        socket.emit("thread.unwatch", { threadId });
      };
    },
    [initialThread.id, receive, trpcClient],
  );
  useOnConnect(watch);

  const visible = useMemo(
    () =>
      [...posts.values()]
        .filter((post) => post.number >= firstNumber && (isLastPage || post.number < firstNumber + POSTS_PER_PAGE))
        .sort((a, b) => a.number - b.number),
    [posts, firstNumber, isLastPage],
  );
  const threadUrl = `/arbeitsgruppen/${thread.group.slug}/themen/${thread.id}`;

  // renamed or moved while open (here or by someone else): the address, tab title and breadcrumb follow
  const shown = useRef({ title: initialThread.title, groupId: initialThread.group.id });
  useEffect(() => {
    if (shown.current.groupId !== thread.group.id) {
      window.history.replaceState(window.history.state, "", `${threadUrl}${window.location.search}${window.location.hash}`);
      announce(`Das Thema wurde in die ${thread.group.name} verschoben.`);
    } else if (shown.current.title !== thread.title) {
      announce(`Das Thema heißt jetzt „${thread.title}“.`);
    }
    shown.current = { title: thread.title, groupId: thread.group.id };
    document.title = `${thread.title} – ${thread.group.name}`;
  }, [thread.title, thread.group.id, thread.group.name, threadUrl]);

  // its seq counts when its live event arrives (or the next catch-up brings it)
  const onOwnPost = useCallback((post: PostDto) => receive([post]), [receive]);
  const [quote, setQuote] = useState<QuoteRequest | null>(null);
  const onQuote = useCallback(
    (post: PostDto) =>
      setQuote((current) => ({
        markdown: quoteMarkdown(post),
        post: { id: post.id, number: post.number, authorName: post.author.name },
        key: (current?.key ?? 0) + 1,
      })),
    [],
  );
  useMarkRead(thread.id, visible.at(-1)?.number, unread.readUpTo);
  const onTyping = useTypingNotifier(thread.id);
  // fixed for this page view: the divider stays where the reader left off while posts are marked read
  const [firstUnread] = useState(() => (unread.readUpTo && unread.readUpTo < initialThread.postCount ? unread.readUpTo + 1 : null));

  return (
    <>
      <nav aria-label="Brotkrumen" className="mb-3 text-sm">
        <Link href="/arbeitsgruppen" className="text-brand-700 underline">
          Arbeitsgruppen
        </Link>{" "}
        ›{" "}
        <Link href={`/arbeitsgruppen/${thread.group.slug}`} className="text-brand-700 underline">
          {thread.group.name}
        </Link>{" "}
        › <span className="break-words">{thread.title}</span>
      </nav>
      <article aria-labelledby="thema-titel">
        <header className="mb-6">
          <h1 id="thema-titel" className="text-2xl font-bold break-words sm:text-3xl">
            {thread.title}
          </h1>
          <p className="mt-2 flex flex-wrap gap-2 text-sm text-slate-600">
            <span>{thread.postCount === 1 ? "1 Beitrag" : `${thread.postCount} Beiträge`}</span>
            {thread.isPinned && <span className="rounded bg-accent-400/30 px-1.5 font-semibold text-slate-900">Angeheftet</span>}
            {thread.isLocked && <span className="rounded bg-slate-200 px-1.5 font-semibold text-slate-800">Gesperrt</span>}
          </p>
          <PresenceBar threadId={thread.id} />
          {subscription}
          {actions && <div className="mt-3 flex flex-wrap gap-2">{actions}</div>}
          {related && <div className="mt-4">{related}</div>}
          {viewer.canModerate && <ModerationControls thread={thread} groups={groups} onChange={setThread} />}
        </header>

        {needsReload && (
          <Alert tone="warning">
            Während der Unterbrechung ist sehr viel passiert.{" "}
            <a href={threadUrl} className="font-semibold underline">
              Seite neu laden
            </a>
          </Alert>
        )}

        <Pagination page={page} pageCount={pageCount} baseUrl={threadUrl} label="Seiten des Themas" explicitFirstPage />

        <PostHighlight />
        <ol className="space-y-4" aria-label="Beiträge">
          {visible.map((post) => (
            <li key={post.id}>
              {post.number === firstUnread && <UnreadDivider scrollIntoView={unread.scrollTo} />}
              <PostItem post={post} viewer={viewer} isThreadLocked={thread.isLocked} onEdited={onOwnPost} onQuote={onQuote} />
            </li>
          ))}
        </ol>

        <Pagination page={page} pageCount={pageCount} baseUrl={threadUrl} label="Seiten des Themas" explicitFirstPage />

        {!isLastPage && (
          <p className="mt-4">
            <Link href={`${threadUrl}?seite=${pageCount}`} className="font-semibold text-brand-700 underline">
              Zu den neuesten Beiträgen (Seite {pageCount})
            </Link>
          </p>
        )}

        {isLastPage && <TypingIndicator threadId={thread.id} viewerId={viewer.id} />}

        <section aria-labelledby="antworten" className="mt-8">
          <h2 id="antworten" className="mb-3 text-xl font-semibold">
            Antworten
          </h2>
          {connection === "ended" ? (
            <Alert tone="warning">Ihre Sitzung ist beendet. Bitte melden Sie sich erneut an, um zu antworten.</Alert>
          ) : !viewer.canPost ? (
            <p className="text-slate-700">Mit Ihrer Rolle können Sie hier lesen, aber nicht schreiben.</p>
          ) : thread.isLocked && !viewer.canModerate ? (
            <Alert>Dieses Thema ist gesperrt: neue Beiträge sind nicht möglich.</Alert>
          ) : (
            <>
              {thread.isLocked && (
                <div className="mb-3">
                  <Alert>Dieses Thema ist gesperrt. Als Moderation können Sie trotzdem antworten, etwa um die Sperre zu erklären.</Alert>
                </div>
              )}
              <Composer threadId={thread.id} onPosted={onOwnPost} quote={quote} onTyping={onTyping} />
            </>
          )}
        </section>
      </article>
    </>
  );
}
