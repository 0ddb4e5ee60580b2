"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import type { NotificationDto } from "@/server/services/notifications/dto";
import { Button } from "../ui/button";
import { NotificationItem } from "./notification-item";

/** One page of the full list on /benachrichtigungen; opening an entry marks it read. */
export function NotificationList({ initial, unreadCount }: { initial: NotificationDto[]; unreadCount: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [notifications, setNotifications] = useState(initial);
  const markOne = useMutation(trpc.notification.markRead.mutationOptions());
  const markAll = useMutation(trpc.notification.markAllRead.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = markOne.error ?? markAll.error;
  const hasUnread = unreadCount > 0 && notifications.some((n) => !n.readAt);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <p className="text-slate-700">{unreadCount === 0 ? "Alles gelesen." : unreadCount === 1 ? "1 ungelesene Benachrichtigung." : `${unreadCount} ungelesene Benachrichtigungen.`}</p>
        <Button
          variant="secondary"
          disabled={!hasUnread || markAll.isPending}
          onClick={() => {
            const readAt = new Date().toISOString();
            setNotifications((list) => list.map((n) => (n.readAt ? n : { ...n, readAt })));
            markAll.mutate();
          }}
        >
          Alle als gelesen markieren
        </Button>
      </div>
      {error && (
        <p role="alert" className="mb-3 text-sm text-red-700">
          {error.message}
        </p>
      )}
      {notifications.length === 0 ? (
        <p className="text-slate-700">Noch keine Benachrichtigungen. Sie erscheinen hier, wenn jemand in Themen schreibt, denen Sie folgen, Sie erwähnt oder Ihnen antwortet.</p>
      ) : (
        <ul className="space-y-2 rounded-lg border border-slate-200 bg-white p-2" aria-label="Benachrichtigungen">
          {notifications.map((notification) => (
            <li key={notification.id}>
              <NotificationItem
                notification={notification}
                onOpen={(n) => {
                  if (n.readAt) return;
                  setNotifications((list) => list.map((item) => (item.id === n.id ? { ...item, readAt: new Date().toISOString() } : item)));
                  markOne.mutate({ notificationId: n.id });
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
