"use client";
import { useCallback, useState } from "react";
import { useOnConnect, type ClientSocket } from "@/app/_lib/socket";

/**
 * "3 Personen lesen gerade": distinct people with the thread open, on every server process.
 * Not a live region: comings and goings would interrupt reading.
 */
export function PresenceBar({ threadId }: { threadId: string }) {
  const [readerCount, setReaderCount] = useState<number | null>(null);
  const listen = useCallback(
    (socket: ClientSocket) => {
      const onPresence = (payload: { threadId: string; readerCount: number }) => {
        if (payload.threadId === threadId) setReaderCount(payload.readerCount);
      };
      socket.on("thread.presence", onPresence);
      return () => {
        socket.off("thread.presence", onPresence);
      };
    },
    [threadId],
  );
  useOnConnect(listen);
  if (readerCount === null) return null;
  return (
    <p className="flex items-center gap-2 text-sm text-slate-600" data-testid="presence">
      <span aria-hidden="true" className="inline-block size-2 shrink-0 rounded-full bg-green-600" />
      {readerCount <= 1 ? "Nur Sie lesen gerade" : `${readerCount} Personen lesen gerade`}
    </p>
  );
}
