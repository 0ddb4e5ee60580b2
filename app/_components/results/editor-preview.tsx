"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { useDebounced } from "@/app/_lib/use-debounced";
import { SECTION_MARKDOWN_MAX } from "@/server/schemas/results";
import type { ResultSectionPreviewDto } from "@/server/services/results/preview-section";

const kindLabels = { THREAD: "Thema", POST: "Beitrag", SPOTLIGHT: "Spotlight" } as const;

/** The section as it will look once saved, rendered by the server ~400 ms after the last keystroke. */
export function EditorPreview({ markdown, initial }: { markdown: string; initial: ResultSectionPreviewDto }) {
  const trpc = useTRPC();
  const headingId = useId();
  const debounced = useDebounced(markdown, 400);
  const [preview, setPreview] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const render = useMutation(trpc.results.preview.mutationOptions());
  const { mutate } = render;
  const tooLong = debounced.length > SECTION_MARKDOWN_MAX;

  useEffect(() => {
    if (tooLong) return;
    // answers can overtake each other: only the newest request's answer is shown
    const request = ++latest.current;
    mutate(
      { markdown: debounced },
      {
        onSuccess: (next) => {
          if (request !== latest.current) return;
          setPreview(next);
          setError(null);
        },
        onError: (failure) => {
          if (request === latest.current) setError(failure.message);
        },
      },
    );
  }, [debounced, tooLong, mutate]);

  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Vorschau
      </h2>
      {tooLong ? (
        <p className="mt-2 text-sm text-slate-700">Für einen Text dieser Länge wird keine Vorschau erstellt.</p>
      ) : error ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {preview.missing > 0 && (
        <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {preview.missing === 1
            ? "1 Verweis führt zu keinem Thema, Beitrag oder Spotlight."
            : `${preview.missing} Verweise führen zu keinem Thema, Beitrag oder Spotlight.`}
        </p>
      )}
      {preview.html ? (
        <div data-testid="editor-preview" className="prose-post mt-3 [&_h3]:text-lg [&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-semibold" dangerouslySetInnerHTML={{ __html: preview.html }} />
      ) : (
        <p className="mt-3 text-sm text-slate-600">Noch kein Text.</p>
      )}
      <h3 className="mt-5 font-semibold">Quellen</h3>
      {preview.sources.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">Der Text verweist noch auf kein Thema, keinen Beitrag und kein Spotlight.</p>
      ) : (
        <ul aria-label="Quellen" className="mt-1 space-y-1 text-sm">
          {preview.sources.map((source) => (
            <li key={`${source.kind}-${source.sourceId}`} className="break-words">
              <span className="text-slate-600">{kindLabels[source.kind]}: </span>
              {source.href ? (
                <a href={source.href} className="text-brand-700 underline">
                  {source.label}
                </a>
              ) : (
                source.label
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
