"use client";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useOnConnect, useSocket } from "@/app/_lib/socket";
import { useTRPC, useTRPCClient } from "@/app/_lib/trpc";
import type { NotificationDto } from "@/server/services/notifications/dto";

const markRead = (list: NotificationDto[], ids: string[] | null, readAt: string) =>
  list.map((n) => (!n.readAt && (ids === null || ids.includes(n.id)) ? { ...n, readAt } : n));

/**
 * The signed-in user's unread count and newest notifications, kept live: new ones arrive on the
 * user's socket room, reads from other tabs too, and every (re)connection catches up on what was
 * missed. `onNew` hears of each new one (the bell tells screen readers).
 */
export function useNotifications({ initialUnreadCount, onNew }: { initialUnreadCount: number; onNew?: (notification: NotificationDto) => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { socket } = useSocket();
  const [unreadCount, setUnreadCount] = useState(initialUnreadCount);
  const [notifications, setNotifications] = useState<NotificationDto[]>([]);
  const [isLoaded, setIsLoaded] = useState(false);
  const onNewRef = useRef(onNew);
  useEffect(() => {
    onNewRef.current = onNew;
  });

  // bumped by every live event: a catch-up answer computed before that event must not undo it
  const liveVersion = useRef(0);
  const refresh = useCallback(async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const version = liveVersion.current;
      const page = await client.notification.list.query({ page: 1 }).catch(() => null);
      if (!page) return;
      if (version !== liveVersion.current) continue;
      setUnreadCount(page.unreadCount);
      setNotifications(page.notifications);
      setIsLoaded(true);
      return;
    }
  }, [client]);

  useOnConnect(
    useCallback(() => {
      void refresh();
    }, [refresh]),
  );

  useEffect(() => {
    if (!socket) return;
    const onCreated = ({ notification, unreadCount }: { notification: NotificationDto; unreadCount: number }) => {
      liveVersion.current++;
      setUnreadCount(unreadCount);
      setNotifications((list) => (list.some((n) => n.id === notification.id) ? list : [notification, ...list]));
      onNewRef.current?.(notification);
    };
    const onRead = ({ ids, readAt, unreadCount }: { ids: string[] | null; readAt: string; unreadCount: number }) => {
      liveVersion.current++;
      setUnreadCount(unreadCount);
      setNotifications((list) => markRead(list, ids, readAt));
    };
    socket.on("notification.created", onCreated);
    socket.on("notification.read", onRead);
    return () => {
      socket.off("notification.created", onCreated);
      socket.off("notification.read", onRead);
    };
  }, [socket]);

  const markOne = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: (result) => setUnreadCount(result.unreadCount) }));
  const markAll = useMutation(trpc.notification.markAllRead.mutationOptions({ onSuccess: (result) => setUnreadCount(result.unreadCount) }));

  const open = useCallback(
    (notification: NotificationDto) => {
      if (notification.readAt) return;
      const readAt = new Date().toISOString();
      setNotifications((list) => markRead(list, [notification.id], readAt));
      setUnreadCount((count) => Math.max(0, count - 1));
      markOne.mutate({ notificationId: notification.id });
    },
    [markOne],
  );
  const readAll = useCallback(() => {
    setNotifications((list) => markRead(list, null, new Date().toISOString()));
    setUnreadCount(0);
    markAll.mutate();
  }, [markAll]);

  return { unreadCount, notifications, isLoaded, open, readAll, error: markOne.error ?? markAll.error };
}
