"use client";
import { diffWordsWithSpace } from "diff";
import { useMemo } from "react";

/**
 * A word-level diff of two Markdown texts, readable without colour: insertions underlined in <ins>,
 * deletions struck in <del>, each announced to screen readers as "eingefügt:" / "gelöscht:".
 */
export function EditorDiff({ from, to, label }: { from: string; to: string; label: string }) {
  const parts = useMemo(() => diffWordsWithSpace(from, to), [from, to]);
  const unchanged = parts.every((part) => !part.added && !part.removed);
  if (unchanged) return <p className="text-sm text-slate-700">Der Text ist unverändert; geändert hat sich nur der Bearbeitungsstand.</p>;
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="max-h-[28rem] overflow-auto rounded-md border border-slate-300 bg-white p-3 font-mono text-sm leading-relaxed break-words whitespace-pre-wrap"
    >
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index} className="bg-green-100 text-green-900 underline decoration-2">
            <span className="sr-only">eingefügt: </span>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index} className="bg-red-100 text-red-900 line-through decoration-2">
            <span className="sr-only">gelöscht: </span>
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </div>
  );
}
