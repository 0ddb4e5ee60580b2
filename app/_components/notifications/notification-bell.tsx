"use client";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { notificationKindVerbs } from "@/server/services/notifications/kinds";
import { NotificationItem } from "./notification-item";
import { useNotifications } from "./use-notifications";

/** How many the panel shows; the page has them all. */
const PANEL_ITEMS = 8;
/** sm:w-[24rem] */
const PANEL_WIDTH_PX = 384;

const countLabel = (count: number) => (count === 0 ? "keine ungelesen" : `${count} ungelesen`);

/** The bell in the header: the live unread count, and a panel with the newest notifications. */
export function NotificationBell({ initialUnreadCount }: { initialUnreadCount: number }) {
  // its own live region: the page's announcer speaks for the page (new posts), this one for the bell
  const [liveMessage, setLiveMessage] = useState("");
  const { unreadCount, notifications, isLoaded, open, readAll, error } = useNotifications({
    initialUnreadCount,
    onNew: (n) => setLiveMessage(`Neue Benachrichtigung: ${n.actor?.name ?? "Jemand"} ${notificationKindVerbs[n.kind]}`),
  });
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const headingId = useId();

  const close = (returnFocus: boolean) => {
    setIsOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  // narrow screens: the bell may sit anywhere in the wrapped header, so the panel spans the screen below it.
  // Wider ones: the panel hangs from the bell towards the side with room (the header wraps, so the bell
  // is at the right edge on some widths and at the left on others)
  const [narrowTop, setNarrowTop] = useState<number | null>(null);
  const [opensRightwards, setOpensRightwards] = useState(false);
  const openPanel = () => {
    const rect = buttonRef.current?.getBoundingClientRect();
    setNarrowTop(rect && window.innerWidth < 640 ? rect.bottom + 8 : null);
    setOpensRightwards(!!rect && rect.right < PANEL_WIDTH_PX + 16);
    setIsOpen(true);
  };

  useEffect(() => {
    if (!isOpen) return;
    panelRef.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [isOpen]);

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && isOpen) {
          event.stopPropagation();
          close(true);
        }
      }}
      onBlur={(event) => {
        // keyboard users leaving the panel with Tab close it, as a click elsewhere does
        if (isOpen && event.relatedTarget && !rootRef.current?.contains(event.relatedTarget as Node)) setIsOpen(false);
      }}
    >
      <span aria-live="polite" aria-atomic="true" className="sr-only" data-testid="notification-announcer">
        {liveMessage}
      </span>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={`Benachrichtigungen, ${countLabel(unreadCount)}`}
        onClick={() => (isOpen ? close(false) : openPanel())}
        className="relative inline-flex min-h-10 min-w-10 items-center justify-center rounded-md text-white hover:bg-white/10"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {unreadCount > 0 && (
          <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-accent-400 px-1 text-center text-xs leading-5 font-bold text-slate-900">
            {unreadCount > 99 ? "99+" : unreadCount}
          </span>
        )}
      </button>
      {isOpen && (
        <div
          ref={panelRef}
          id={panelId}
          role="region"
          aria-labelledby={headingId}
          tabIndex={-1}
          style={narrowTop === null ? undefined : { top: narrowTop }}
          data-opens={opensRightwards ? "rechts" : "links"}
          className={`fixed inset-x-4 z-20 rounded-lg sm:absolute sm:inset-x-auto ${opensRightwards ? "sm:left-0" : "sm:right-0"} sm:mt-2 sm:w-[24rem] border border-slate-200 bg-white p-2 text-slate-900 shadow-lg focus:outline-none`}
        >
          <div className="flex flex-wrap items-center justify-between gap-2 px-2 py-1">
            <h2 id={headingId} className="text-base font-bold">
              Benachrichtigungen
            </h2>
            <button
              type="button"
              onClick={readAll}
              disabled={unreadCount === 0}
              className="rounded px-2 py-1 text-sm font-semibold text-brand-700 underline hover:bg-brand-50 disabled:text-slate-500 disabled:no-underline"
            >
              Alle als gelesen markieren
            </button>
          </div>
          {error && (
            <p role="alert" className="px-2 text-sm text-red-700">
              {error.message}
            </p>
          )}
          {!isLoaded ? (
            <p className="px-2 py-3 text-sm text-slate-700">Wird geladen …</p>
          ) : notifications.length === 0 ? (
            <p className="px-2 py-3 text-sm text-slate-700">Noch keine Benachrichtigungen.</p>
          ) : (
            <ul className="max-h-[60vh] space-y-1 overflow-y-auto">
              {notifications.slice(0, PANEL_ITEMS).map((notification) => (
                <li key={notification.id}>
                  <NotificationItem
                    notification={notification}
                    onOpen={(n) => {
                      open(n);
                      setIsOpen(false);
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
          <p className="mt-1 flex flex-wrap justify-between gap-2 border-t border-slate-200 px-2 pt-2 text-sm">
            <Link href="/benachrichtigungen" onClick={() => setIsOpen(false)} className="font-semibold text-brand-700 underline">
              Alle Benachrichtigungen
            </Link>
            <Link href="/einstellungen/benachrichtigungen" onClick={() => setIsOpen(false)} className="text-brand-700 underline">
              Einstellungen
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
