import { Fragment } from "react";
import type { TextSegment } from "@/server/services/search/snippet";

/** Search snippets and titles: plain text with the hits in <mark>; never HTML, so posts' markup stays text. */
export function HighlightedText({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.isHit ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 font-semibold text-slate-900">
            {segment.text}
          </mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
