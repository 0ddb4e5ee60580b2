"use client";
import Link from "next/link";
import { notificationKindTitlePrepositions, notificationKindVerbs } from "@/server/services/notifications/kinds";
import type { NotificationDto } from "@/server/services/notifications/dto";
import { RelativeTime } from "../ui/relative-time";

/** Who did what, where and when; a link to the post that marks the notification read. */
export function NotificationItem({ notification, onOpen }: { notification: NotificationDto; onOpen: (notification: NotificationDto) => void }) {
  const isUnread = !notification.readAt;
  return (
    <Link
      href={notification.link}
      onClick={() => onOpen(notification)}
      className={`block min-w-0 rounded-md border-l-4 px-3 py-2 text-sm break-words hover:bg-brand-50 focus-visible:bg-brand-50 ${
        isUnread ? "border-brand-600 bg-brand-50/60" : "border-transparent"
      }`}
    >
      <span className="block text-slate-900">
        {isUnread && <span className="sr-only">Ungelesen: </span>}
        <span className="font-semibold">{notification.actor?.name ?? "Jemand"}</span> {notificationKindVerbs[notification.kind]}
        {notification.title && (
          <>
            {" "}
            {notificationKindTitlePrepositions[notification.kind]} <span className="font-semibold">„{notification.title}“</span>
          </>
        )}
      </span>
      {notification.excerpt && <span className="mt-0.5 line-clamp-2 text-slate-700">{notification.excerpt}</span>}
      <span className="mt-0.5 block text-xs text-slate-600">
        <RelativeTime iso={notification.createdAt} />
      </span>
    </Link>
  );
}
