"use client";
import { useEffect, useState } from "react";

const ANNOUNCE_EVENT = "gdst:announce";

/** Tells screen-reader users about changes they did not cause, such as a new post by someone else. */
export function announce(message: string) {
  window.dispatchEvent(new CustomEvent(ANNOUNCE_EVENT, { detail: message }));
}

export function LiveAnnouncer() {
  const [message, setMessage] = useState("");
  useEffect(() => {
    const listener = (event: Event) => setMessage((event as CustomEvent<string>).detail);
    window.addEventListener(ANNOUNCE_EVENT, listener);
    return () => window.removeEventListener(ANNOUNCE_EVENT, listener);
  }, []);
  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="live-announcer">
      {message}
    </div>
  );
}
