"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { useDebounced } from "@/app/_lib/use-debounced";
import { Button } from "../ui/button";
import { plainControlClass } from "../ui/field";

/** The kinds of search hits a section can cite (citations.ts understands their addresses). */
const citable = { thread: "Thema", post: "Beitrag", spotlight: "Spotlight" } as const;
type CitableKind = keyof typeof citable;

export interface PickedSource {
  title: string;
  href: string;
}

/**
 * "Quelle einfügen": searches threads, posts and spotlights with the platform search and hands the
 * chosen one back. Keyboard: arrow keys move between the input and the hits, Escape closes.
 */
export function EditorSourcePicker({ onPick, onClose }: { onPick: (source: PickedSource) => void; onClose: () => void }) {
  const trpc = useTRPC();
  const inputId = useId();
  const statusId = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), 250);
  const search = useQuery(trpc.search.find.queryOptions({ query }, { enabled: query.length >= 2, staleTime: 30_000 }));
  const hits = query.length >= 2 ? (search.data?.hits ?? []).filter((hit): hit is typeof hit & { kind: CitableKind } => hit.kind in citable) : [];
  useEffect(() => input.current?.focus(), []);

  const buttons = () => Array.from(list.current?.querySelectorAll<HTMLButtonElement>("button") ?? []);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const all = buttons();
    if (!all.length) return;
    event.preventDefault();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "ArrowDown") all[Math.min(index + 1, all.length - 1)]?.focus();
    else if (index <= 0) input.current?.focus();
    else all[index - 1]?.focus();
  };

  return (
    <div role="search" aria-label="Quelle suchen" className="space-y-2 rounded-md border border-slate-300 bg-slate-50 p-3" onKeyDown={onKeyDown}>
      <label htmlFor={inputId} className="block font-medium">
        Thema, Beitrag oder Spotlight suchen
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          ref={input}
          type="search"
          value={text}
          maxLength={200}
          autoComplete="off"
          aria-describedby={statusId}
          onChange={(event) => setText(event.target.value)}
          className={`${plainControlClass} max-w-md min-w-0 flex-1`}
        />
        <Button variant="secondary" onClick={onClose}>
          Schließen
        </Button>
      </div>
      <p id={statusId} aria-live="polite" className="text-sm text-slate-600">
        {query.length < 2
          ? "Mindestens zwei Zeichen eingeben; mit den Pfeiltasten zu den Treffern."
          : search.error
            ? search.error.message
            : search.isFetching && !search.data
              ? "Suche …"
              : hits.length === 0
                ? "Kein Thema, Beitrag oder Spotlight gefunden."
                : hits.length === 1
                  ? "1 Treffer"
                  : `${hits.length} Treffer`}
      </p>
      {hits.length > 0 && (
        <ul ref={list} aria-label="Gefundene Quellen" className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {hits.map((hit) => {
            const title = hit.title.map((segment) => segment.text).join("");
            return (
              <li key={`${hit.kind}-${hit.id}`}>
                <button
                  type="button"
                  onClick={() => onPick({ title, href: hit.href })}
                  aria-label={`${citable[hit.kind]} „${title}“ einfügen`}
                  className="block w-full px-3 py-2 text-left text-sm hover:bg-brand-50 focus-visible:bg-brand-50"
                >
                  <span className="text-slate-600">{citable[hit.kind]}</span>
                  {hit.group && <span className="text-slate-600"> · {hit.group.name}</span>}
                  <span className="block font-medium break-words text-brand-800">{title}</span>
                  {hit.kind === "post" && hit.author && <span className="block text-slate-600">von {hit.author.name}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
