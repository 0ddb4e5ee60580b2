"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { useDebounced } from "@/app/_lib/use-debounced";
import { ozgServiceHref } from "@/server/schemas/ozg-params";
import type { OzgLinks } from "@/server/services/ozg/link-service";
import { announce } from "../shell/live-announcer";
import { Button } from "../ui/button";
import { plainControlClass } from "../ui/field";
import { PhaseBadge } from "./phase-badge";

export type LinkTarget = { threadId: string } | { spotlightId: string };

/**
 * "Verknüpfte OZG-Leistungen" of a thread or spotlight: the linked services with their phase, and
 * for those who may, a search by name or OZG-ID to link another and a button to remove a link.
 */
export function LinkedServices({ target, initial }: { target: LinkTarget; initial: OzgLinks }) {
  const trpc = useTRPC();
  const headingId = useId();
  const [links, setLinks] = useState(initial);
  const [isPicking, setIsPicking] = useState(false);
  const onChanged = (next: OzgLinks, message: string) => {
    setLinks(next);
    announce(message);
  };
  const onLinked = { onSuccess: (next: OzgLinks) => onChanged(next, "Die Leistung wurde verknüpft.") };
  const onUnlinked = { onSuccess: (next: OzgLinks) => onChanged(next, "Die Verknüpfung wurde entfernt.") };
  const linkThread = useMutation(trpc.ozg.linkThread.mutationOptions(onLinked));
  const linkSpotlight = useMutation(trpc.ozg.linkSpotlight.mutationOptions(onLinked));
  const unlinkThread = useMutation(trpc.ozg.unlinkThread.mutationOptions(onUnlinked));
  const unlinkSpotlight = useMutation(trpc.ozg.unlinkSpotlight.mutationOptions(onUnlinked));
  const link = (ozgId: string) => ("threadId" in target ? linkThread.mutate({ ...target, ozgId }) : linkSpotlight.mutate({ ...target, ozgId }));
  const unlink = (ozgId: string) => ("threadId" in target ? unlinkThread.mutate({ ...target, ozgId }) : unlinkSpotlight.mutate({ ...target, ozgId }));
  const error = linkThread.error ?? linkSpotlight.error ?? unlinkThread.error ?? unlinkSpotlight.error;
  const isPending = linkThread.isPending || linkSpotlight.isPending || unlinkThread.isPending || unlinkSpotlight.isPending;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Verknüpfte OZG-Leistungen
      </h2>
      {links.services.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">Noch keine Leistung verknüpft.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {links.services.map((service) => (
            <li key={service.ozgId} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <Link href={ozgServiceHref(service.ozgId)} className="font-semibold break-words text-brand-700 underline">
                {service.name}
              </Link>
              <span className="text-slate-600">OZG-ID {service.ozgId}</span>
              <PhaseBadge phase={service.phase} short />
              {service.canRemove && (
                <button
                  type="button"
                  onClick={() => unlink(service.ozgId)}
                  disabled={isPending}
                  className="text-sm font-medium text-red-800 underline disabled:text-slate-400"
                  aria-label={`Verknüpfung mit ${service.name} entfernen`}
                >
                  Entfernen
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error.message}
        </p>
      )}
      {links.canLink &&
        (isPicking ? (
          <ServicePicker linked={new Set(links.services.map((s) => s.ozgId))} onPick={link} isPending={isPending} onClose={() => setIsPicking(false)} />
        ) : (
          <Button variant="secondary" className="mt-3" onClick={() => setIsPicking(true)}>
            Leistung verknüpfen
          </Button>
        ))}
    </section>
  );
}

function ServicePicker({ linked, onPick, isPending, onClose }: { linked: Set<string>; onPick: (ozgId: string) => void; isPending: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), 250);
  const search = useQuery(trpc.ozg.searchForLink.queryOptions({ query }, { enabled: query.length >= 2, staleTime: 60_000 }));
  const hits = query.length >= 2 ? (search.data ?? []) : [];
  useEffect(() => input.current?.focus(), []);

  return (
    <div className="mt-3 space-y-2" role="search" aria-label="OZG-Leistung suchen">
      <label htmlFor={inputId} className="block font-medium">
        Leistung suchen (Name oder OZG-ID)
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          ref={input}
          type="search"
          value={text}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") onClose();
          }}
          className={`${plainControlClass} max-w-sm flex-1`}
        />
        <Button variant="secondary" onClick={onClose}>
          Schließen
        </Button>
      </div>
      <p aria-live="polite" className="text-sm text-slate-600">
        {query.length < 2
          ? "Mindestens zwei Zeichen eingeben."
          : search.isFetching && !search.data
            ? "Suche …"
            : search.error
              ? search.error.message
              : hits.length === 0
                ? "Keine Leistung gefunden."
                : hits.length === 1
                  ? "1 Treffer"
                  : `${hits.length} Treffer`}
      </p>
      {hits.length > 0 && (
        <ul aria-label="Gefundene Leistungen" className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {hits.map((hit) => (
            <li key={hit.ozgId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <span className="min-w-0">
                <span className="font-medium break-words">{hit.name}</span> <span className="text-slate-600">({hit.ozgId})</span>
                <span className="block">
                  <PhaseBadge phase={hit.phase} short />
                </span>
              </span>
              {linked.has(hit.ozgId) ? (
                <span className="text-slate-600">verknüpft</span>
              ) : (
                <Button variant="secondary" disabled={isPending} onClick={() => onPick(hit.ozgId)} aria-label={`${hit.name} (${hit.ozgId}) verknüpfen`}>
                  Verknüpfen
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
