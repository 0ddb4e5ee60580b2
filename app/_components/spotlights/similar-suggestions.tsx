"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { useDebounced } from "@/app/_lib/use-debounced";
import { SIMILAR_MIN_LENGTH } from "@/server/schemas/spotlight";
import { visibleLength } from "@/server/schemas/text";
import type { SimilarResult } from "@/server/services/spotlights/similar-spotlights";
import { announce } from "../shell/live-announcer";

/** Wait for a pause in typing before asking: one query per pause, not per key. */
const DEBOUNCE_MS = 350;

/** Suggestions open beside the form: the proposal being written stays as it is. */
const NewTab = () => <span className="sr-only"> (öffnet in einem neuen Tab)</span>;

const plural = (count: number, one: string, many: string) => (count === 1 ? `1 ${one}` : `${count} ${many}`);

function summary({ spotlights, threads }: SimilarResult): string {
  if (!spotlights.length && !threads.length) return "";
  const parts = [
    spotlights.length ? plural(spotlights.length, "ähnliches Spotlight", "ähnliche Spotlights") : "",
    threads.length ? plural(threads.length, "ähnliches Thema", "ähnliche Themen") : "",
  ].filter(Boolean);
  return `${parts.join(" und ")} gefunden.`;
}

/**
 * Existing spotlights and threads like the title being typed, below the title field. Screen readers
 * hear how many were found (politely, once per change), not the whole list.
 */
export function SimilarSuggestions({ title, excludeThreadId }: { title: string; excludeThreadId: string | null }) {
  const trpc = useTRPC();
  const query = useDebounced(title, DEBOUNCE_MS);
  const isLongEnough = visibleLength(query.trim()) >= SIMILAR_MIN_LENGTH;
  const similar = useQuery({
    ...trpc.spotlight.similar.queryOptions({ title: query, excludeThreadId }),
    enabled: isLongEnough,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const result: SimilarResult = isLongEnough && similar.data ? similar.data : { spotlights: [], threads: [] };
  const text = summary(result);

  const announced = useRef("");
  useEffect(() => {
    if (text === announced.current) return;
    announced.current = text;
    if (text) announce(text);
  }, [text]);

  if (!text) return null;
  return (
    <section aria-labelledby="aehnliche-titel" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm sm:p-4" data-testid="similar-suggestions">
      <h2 id="aehnliche-titel" className="font-semibold text-slate-900">
        Gibt es das schon?
      </h2>
      <p className="mt-1 text-slate-800">
        {text} Vielleicht können Sie dort mitzeichnen oder mitdiskutieren, statt ein neues Spotlight vorzuschlagen. Die Links öffnen sich in
        einem neuen Tab, Ihr Entwurf bleibt erhalten.
      </p>
      {result.spotlights.length > 0 && (
        <>
          <h3 className="mt-3 font-semibold text-slate-900">Spotlights</h3>
          <ul className="mt-1 space-y-1.5" aria-label="Ähnliche Spotlights">
            {result.spotlights.map((spotlight) => (
              <li key={spotlight.id} className="break-words">
                <Link href={spotlight.href} target="_blank" className="font-medium text-brand-700 underline">
                  {spotlight.reference}: {spotlight.title}
                  <NewTab />
                </Link>{" "}
                <span className="ml-1 inline-block rounded bg-white px-1.5 text-xs font-semibold whitespace-nowrap text-slate-800 ring-1 ring-slate-300">
                  {spotlight.statusLabel}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.threads.length > 0 && (
        <>
          <h3 className="mt-3 font-semibold text-slate-900">Themen in den Arbeitsgruppen</h3>
          <ul className="mt-1 space-y-1.5" aria-label="Ähnliche Themen">
            {result.threads.map((thread) => (
              <li key={thread.id} className="break-words">
                <Link href={thread.href} target="_blank" className="font-medium text-brand-700 underline">
                  {thread.title}
                  <NewTab />
                </Link>{" "}
                <span className="text-slate-700">
                  ({thread.group.name}, {plural(thread.postCount, "Beitrag", "Beiträge")})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
