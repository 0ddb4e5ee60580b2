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
   * The connection came back after a break: events in between were missed, so the page reloads what
   * it shows (spotlights carry their state, so the current state is the whole catch-up).
   */
  onReconnected(): void;
}

/** Keeps a spotlight board or page live: joins the spotlight room of the user's audience on every connection. */
export function useSpotlightsLive(handlers: SpotlightsLive) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const connections = useRef(0);

  const watch = useCallback((socket: ClientSocket) => {
    const onChanged = ({ spotlight }: { spotlight: SpotlightDto }) => latest.current.onChanged(spotlight);
    const onRemoved = ({ spotlightId }: { spotlightId: string }) => latest.current.onRemoved?.(spotlightId);
    socket.on("spotlight.changed", onChanged);
    socket.on("spotlight.removed", onRemoved);
    const isReconnect = connections.current++ > 0;
    socket.emit("spotlights.watch", {}, (response) => {
      if (response.ok && isReconnect) latest.current.onReconnected();
    });
    return () => {
      socket.off("spotlight.changed", onChanged);
      socket.off("spotlight.removed", onRemoved);
      socket.emit("spotlights.unwatch", {});
    };
  }, []);
  useOnConnect(watch);
}
