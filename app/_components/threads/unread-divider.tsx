"use client";
import { useEffect, useRef } from "react";

/** "Neu" above the first post the reader has not seen; the page opens scrolled to it when asked to. */
export function UnreadDivider({ scrollIntoView }: { scrollIntoView: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // a link to a particular post (#beitrag-N) wins over the unread position
    if (scrollIntoView && !window.location.hash) ref.current?.scrollIntoView({ block: "start" });
  }, [scrollIntoView]);
  return (
    <h2 ref={ref} id="ungelesen" className="mb-3 flex scroll-mt-4 items-center gap-3 text-sm font-bold tracking-wide text-brand-700 uppercase">
      <span aria-hidden="true" className="h-0.5 flex-1 bg-brand-600" />
      Neu
      <span aria-hidden="true" className="h-0.5 flex-1 bg-brand-600" />
    </h2>
  );
}
