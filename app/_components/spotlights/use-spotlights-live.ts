"use client";
import { useCallback, useEffect, useRef } from "react";
import { useOnConnect, type ClientSocket } from "@/app/_lib/socket";
import type { SpotlightDto } from "@/server/services/spotlights/dto";

interface SpotlightsLive {
  /** a spotlight was proposed or changed: the whole spotlight as it is now, in this user's view */
  onChanged(spotlight: SpotlightDto): void;
  /** the spotlight left this user's view */
  onRemoved?(spotlightId: string): void;
  /**
   * The page joined the spotlight room, first or again after a break: changes between the page's
   * render (or the break) and the join were missed, so the page reloads what it shows (spotlights
   * carry their state, so the current state is the whole catch-up).
   */
  onJoined(): void;
}

/**
 * Keeps a spotlight board or page live: joins the spotlight room of the user's audience on every
 * connection. Events and reloads may arrive in any order (an HTTP answer, an event through another
 * process): compare `updatedAt` and keep the newer state (`isNewerSpotlight`).
 */
export function useSpotlightsLive(handlers: SpotlightsLive) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  const watch = useCallback((socket: ClientSocket) => {
    const onChanged = ({ spotlight }: { spotlight: SpotlightDto }) => latest.current.onChanged(spotlight);
    const onRemoved = ({ spotlightId }: { spotlightId: string }) => latest.current.onRemoved?.(spotlightId);
    socket.on("spotlight.changed", onChanged);
    socket.on("spotlight.removed", onRemoved);
    socket.emit("spotlights.watch", {}, (response) => {
      if (response.ok) latest.current.onJoined();
    });
    return () => {
      socket.off("spotlight.changed", onChanged);
      socket.off("spotlight.removed", onRemoved);
      socket.emit("spotlights.unwatch", {});
    };
  }, []);
  useOnConnect(watch);
}

/** Whether `next` is at least as new as `shown` (equal: the same change, or two in one millisecond). */
export const isNewerSpotlight = (next: SpotlightDto, shown: SpotlightDto | undefined) => !shown || next.updatedAt >= shown.updatedAt;
