"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";

const isTabVisible = () => typeof document === "undefined" || document.visibilityState === "visible";

/**
 * Marks the thread read up to the last post shown, once the tab is visible: on opening, and again
 * when live posts arrive while the reader is looking. The server keeps the highest mark, so
 * overlapping calls from several tabs are harmless.
 */
export function useMarkRead(threadId: string, lastShownNumber: number | undefined, initialReadUpTo: number | null) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.thread.markRead.mutationOptions());
  const markedUpTo = useRef(initialReadUpTo ?? 0);
  const [isVisible, setIsVisible] = useState(isTabVisible);

  useEffect(() => {
    const update = () => setIsVisible(isTabVisible());
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);

  useEffect(() => {
    if (!isVisible || lastShownNumber === undefined || lastShownNumber <= markedUpTo.current) return;
    markedUpTo.current = lastShownNumber;
    mutate({ threadId, readUpTo: lastShownNumber });
  }, [isVisible, lastShownNumber, threadId, mutate]);
}
