"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useOnConnect, useSocket, type ClientSocket } from "@/app/_lib/socket";
import type { PostDto } from "@/server/services/posts/dto";

/** Writers repeat their notice about every 3 s; one that stays silent this long has stopped. */
const TYPING_EXPIRES_MS = 7_000;
/** The composer tells others at most this often while someone keeps typing. */
const TYPING_THROTTLE_MS = 3_000;

export function typingText(names: string[]): string {
  if (names.length === 0) return "";
  if (names.length === 1) return `${names[0]} schreibt …`;
  return `${names.slice(0, -1).join(", ")} und ${names.at(-1)} schreiben …`;
}

/**
 * "Anna Schmidt schreibt …" below the posts. The live region's text only changes when someone starts
 * or stops, so screen readers hear the start once, not every repeat.
 */
export function TypingIndicator({ threadId, viewerId }: { threadId: string; viewerId: string }) {
  const [writers, setWriters] = useState<Map<string, string>>(new Map());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const remove = useCallback((userId: string) => {
    clearTimeout(timers.current.get(userId));
    timers.current.delete(userId);
    setWriters((current) => {
      if (!current.has(userId)) return current;
      const next = new Map(current);
      next.delete(userId);
      return next;
    });
  }, []);

  const listen = useCallback(
    (socket: ClientSocket) => {
      const onTyping = (payload: { threadId: string; user: { id: string; name: string }; stopped: boolean }) => {
        if (payload.threadId !== threadId || payload.user.id === viewerId) return;
        if (payload.stopped) return remove(payload.user.id);
        clearTimeout(timers.current.get(payload.user.id));
        timers.current.set(
          payload.user.id,
          setTimeout(() => remove(payload.user.id), TYPING_EXPIRES_MS),
        );
        setWriters((current) => (current.get(payload.user.id) === payload.user.name ? current : new Map(current).set(payload.user.id, payload.user.name)));
      };
      // the post arrived: its author is done writing
      const onPost = (payload: { post: PostDto }) => {
        if (payload.post.threadId === threadId) remove(payload.post.author.id);
      };
      socket.on("thread.typing", onTyping);
      socket.on("post.created", onPost);
      return () => {
        socket.off("thread.typing", onTyping);
        socket.off("post.created", onPost);
      };
    },
    [threadId, viewerId, remove],
  );
  useOnConnect(listen);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return (
    <p aria-live="polite" className="mt-3 min-h-6 text-sm text-slate-600 italic" data-testid="typing">
      {typingText([...writers.values()])}
    </p>
  );
}

/**
 * What the composer calls on every change: `true` while there is text (sent at most every 3 s),
 * `false` once it is emptied or sent (sent once).
 */
export function useTypingNotifier(threadId: string): (isTyping: boolean) => void {
  const { socket } = useSocket();
  const lastSent = useRef(0);
  useEffect(() => {
    // leaving the thread ends the notice on the server; a new page starts fresh
    lastSent.current = 0;
  }, [threadId]);
  return useCallback(
    (isTyping: boolean) => {
      if (!socket?.connected) return;
      const now = Date.now();
      if (isTyping) {
        if (now - lastSent.current < TYPING_THROTTLE_MS) return;
        lastSent.current = now;
        socket.emit("thread.typing", { threadId }, () => undefined);
      } else if (lastSent.current) {
        lastSent.current = 0;
        socket.emit("thread.typing", { threadId, stopped: true }, () => undefined);
      }
    },
    [socket, threadId],
  );
}
