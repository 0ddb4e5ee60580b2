"use client";
import Link from "next/link";
import { useCallback, useState } from "react";
import { useOnConnect, type ClientSocket } from "@/app/_lib/socket";
import type { ActivityItem } from "@/server/services/activity/dto";
import { RelativeTime } from "../ui/relative-time";

const LIMIT = 15;

/** The newest posts across all groups; new ones slide in live. */
export function ActivityFeed({ initialItems }: { initialItems: ActivityItem[] }) {
  const [items, setItems] = useState(initialItems);

  const watch = useCallback((socket: ClientSocket) => {
    const onCreated = ({ item }: { item: ActivityItem }) =>
      setItems((current) => [item, ...current.filter((existing) => existing.postId !== item.postId)].slice(0, LIMIT));
    const onThread = ({ thread, group }: { thread: ActivityItem["thread"]; group: ActivityItem["group"] }) =>
      setItems((current) => current.map((item) => (item.thread.id === thread.id ? { ...item, thread, group } : item)));
    socket.on("activity.created", onCreated);
    socket.on("activity.thread", onThread);
    socket.emit("activity.watch", {}, (response) => {
      if (response.ok) setItems(response.data.items);
    });
    return () => {
      socket.off("activity.created", onCreated);
      socket.off("activity.thread", onThread);
    };
  }, []);
  useOnConnect(watch);

  if (!items.length) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">Noch keine Beiträge.</p>;
  }
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="activity-feed">
      {items.map((item) => (
        <li key={item.postId} className="p-4">
          <p className="text-sm text-slate-600">
            <span className="font-semibold text-slate-800">{item.author.name}</span> ({item.author.organisation}) in{" "}
            <Link href={`/arbeitsgruppen/${item.group.slug}`} className="underline">
              {item.group.name}
            </Link>{" "}
            · <RelativeTime iso={item.createdAt} />
          </p>
          <p className="mt-1 font-semibold break-words">
            <Link href={`/arbeitsgruppen/${item.group.slug}/themen/${item.thread.id}?beitrag=${item.number}#beitrag-${item.number}`} className="text-brand-700 hover:underline">
              {item.thread.title}
            </Link>
          </p>
          <p className="mt-1 break-words text-slate-700">{item.excerpt}</p>
        </li>
      ))}
    </ol>
  );
}
