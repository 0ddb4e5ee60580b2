"use client";
import Link from "next/link";
import { useCallback, useState } from "react";
import { useOnConnect, type ClientSocket } from "@/app/_lib/socket";
import { THREADS_PER_PAGE } from "@/server/schemas/thread";
import type { ThreadReadDto } from "@/server/services/reads/dto";
import type { ThreadListItem } from "@/server/services/threads/dto";
import type { ThreadPage } from "@/server/services/threads/list-threads";
import { MarkGroupReadButton } from "./mark-group-read-button";
import { mergeReads, UnreadBadge } from "./unread-badge";
import { Pagination } from "../ui/pagination";
import { RelativeTime } from "../ui/relative-time";

const byPinnedThenActivity = (a: ThreadListItem, b: ThreadListItem) =>
  Number(b.isPinned) - Number(a.isPinned) || b.lastActivityAt.localeCompare(a.lastActivityAt);

/**
 * One page of the group's threads, kept current through the group's room: on the first page a
 * thread with new activity moves to the top; on later pages threads are updated where they stand.
 */
export function ThreadList({
  groupId,
  groupSlug,
  initialPage,
  viewerId,
}: {
  groupId: string;
  groupSlug: string;
  initialPage: ThreadPage;
  viewerId: string;
}) {
  const [threads, setThreads] = useState(initialPage.threads);
  const [readUpTo, setReadUpTo] = useState(initialPage.readUpTo);
  const onReads = useCallback((reads: ThreadReadDto[]) => setReadUpTo((current) => mergeReads(current, reads)), []);
  const { page, pageCount } = initialPage;
  const isFirstPage = page === 1;

  const watch = useCallback(
    (socket: ClientSocket) => {
      const onThread = (payload: { groupId: string; thread: ThreadListItem }) => {
        if (payload.groupId !== groupId) return;
        // one's own post is never new: the server marked it read in the same statement
        if (payload.thread.lastPostAuthor?.id === viewerId) onReads([{ threadId: payload.thread.id, lastReadNumber: payload.thread.postCount }]);
        setThreads((current) =>
          isFirstPage
            ? [payload.thread, ...current.filter((t) => t.id !== payload.thread.id)].sort(byPinnedThenActivity).slice(0, THREADS_PER_PAGE)
            : current.map((t) => (t.id === payload.thread.id ? payload.thread : t)),
        );
      };
      const onRemoved = (payload: { groupId: string; threadId: string }) => {
        if (payload.groupId === groupId) setThreads((current) => current.filter((t) => t.id !== payload.threadId));
      };
      const onReadsUpdated = (payload: { reads: ThreadReadDto[] }) => onReads(payload.reads);
      socket.on("group.thread", onThread);
      socket.on("group.threadRemoved", onRemoved);
      socket.on("reads.updated", onReadsUpdated);
      socket.emit("group.watch", { groupId }, (response) => {
        if (!response.ok) return;
        setReadUpTo((current) => mergeReads(current, response.data.readUpTo));
        if (isFirstPage) setThreads(response.data.threads);
      });
      return () => {
        socket.off("group.thread", onThread);
        socket.off("group.threadRemoved", onRemoved);
        socket.off("reads.updated", onReadsUpdated);
        socket.emit("group.unwatch", { groupId });
      };
    },
    [groupId, isFirstPage, viewerId, onReads],
  );
  useOnConnect(watch);
  const baseUrl = `/arbeitsgruppen/${groupSlug}`;

  if (!threads.length) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
        In dieser Arbeitsgruppe gibt es noch keine Themen. Eröffnen Sie das erste!
      </p>
    );
  }
  return (
    <>
      <MarkGroupReadButton groupId={groupId} onMarked={onReads} />
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="thread-list">
        {threads.map((thread) => (
          <li key={thread.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 p-4">
            <div className="min-w-0">
              <p className="font-semibold">
                {thread.isPinned && <><span className="mr-2 rounded bg-accent-400/30 px-1.5 py-0.5 text-xs font-semibold text-slate-900">Angeheftet</span> </>}
                {thread.isLocked && <><span className="mr-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold text-slate-800">Gesperrt</span> </>}
                <Link href={`${baseUrl}/themen/${thread.id}`} className="text-brand-700 hover:underline">
                  {thread.title}
                </Link>
                <UnreadBadge postCount={thread.postCount} lastReadNumber={readUpTo[thread.id]} />
              </p>
              <p className="text-sm text-slate-600">
                Eröffnet von {thread.author.name} ({thread.author.organisation})
              </p>
            </div>
            <p className="text-sm text-slate-600">
              {thread.postCount === 1 ? "1 Beitrag" : `${thread.postCount} Beiträge`} · zuletzt{" "}
              {thread.lastPostAuthor ? `von ${thread.lastPostAuthor.name} ` : ""}
              <RelativeTime iso={thread.lastActivityAt} />
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} baseUrl={baseUrl} label="Seiten der Themenliste" />
    </>
  );
}
