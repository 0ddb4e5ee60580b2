"use client";
import { useEffect, useRef, useState } from "react";
import { useTRPCClient } from "@/app/_lib/trpc";
import { spotlightReference, spotlightStatusLabels } from "@/server/schemas/spotlight-lifecycle";
import type { ListSpotlightsInput } from "@/server/schemas/spotlight";
import { matchesSpotlightFilter } from "@/server/schemas/spotlight-params";
import type { SpotlightDto } from "@/server/services/spotlights/dto";
import { compareSpotlights } from "@/server/schemas/spotlight-sort";
import { announce } from "../shell/live-announcer";
import { isNewerSpotlight, useSpotlightsLive } from "./use-spotlights-live";

/**
 * A filtered, sorted list of spotlights kept live: a spotlight that changes moves to where it now
 * belongs, one that no longer matches the filters leaves, a new one that matches comes in. `limit`
 * keeps the first few (the home page's recent changes). Screen readers hear of status changes.
 */
export function useLiveSpotlightList(initial: SpotlightDto[], filter: ListSpotlightsInput, organisation: string, limit?: number) {
  const [spotlights, setSpotlights] = useState(initial);
  const current = useRef(spotlights);
  useEffect(() => {
    current.current = spotlights;
  });
  const client = useTRPCClient();
  const compare = compareSpotlights(filter.sort ?? "changed", filter.direction ?? "desc");
  const arrange = (list: SpotlightDto[]) => {
    const sorted = [...list].sort(compare);
    return limit === undefined ? sorted : sorted.slice(0, limit);
  };

  // what events said while a reload was on its way: newer than the reload's answer may be
  const changedDuringReload = useRef<Map<string, SpotlightDto | null> | null>(null);

  useSpotlightsLive({
    onChanged(spotlight) {
      changedDuringReload.current?.set(spotlight.id, spotlight);
      const before = current.current.find((s) => s.id === spotlight.id);
      if (!isNewerSpotlight(spotlight, before)) return;
      const matches = matchesSpotlightFilter(spotlight, filter, organisation);
      if (matches && before?.status !== spotlight.status) {
        announce(`${spotlightReference(spotlight.number)} „${spotlight.title}“: ${spotlightStatusLabels[spotlight.status]}`);
      }
      setSpotlights((list) => arrange([...list.filter((s) => s.id !== spotlight.id), ...(matches ? [spotlight] : [])]));
    },
    onRemoved(spotlightId) {
      changedDuringReload.current?.set(spotlightId, null);
      setSpotlights((list) => list.filter((s) => s.id !== spotlightId));
    },
    onJoined() {
      const during = new Map<string, SpotlightDto | null>();
      changedDuringReload.current = during;
      client.spotlight.list
        .query(filter)
        .then((list) => {
          // the answer may have been read before a change whose event already arrived: the event wins
          const reloaded = list.filter((s) => !during.has(s.id) || (during.get(s.id) && !isNewerSpotlight(during.get(s.id)!, s)));
          const fromEvents = [...during.values()].filter(
            (s): s is SpotlightDto => !!s && !reloaded.some((r) => r.id === s.id) && matchesSpotlightFilter(s, filter, organisation),
          );
          setSpotlights(arrange([...reloaded, ...fromEvents]));
        })
        .finally(() => {
          if (changedDuringReload.current === during) changedDuringReload.current = null;
        })
        // still offline or signed out: the connection banner says so, and the next reconnect tries again
        .catch(() => {});
    },
  });
  return spotlights;
}
