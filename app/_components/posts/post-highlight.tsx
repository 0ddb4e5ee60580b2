"use client";
import { useEffect } from "react";

/**
 * A permalink lands on `#beitrag-N`: that post is scrolled to, focused (so keyboard and screen
 * reader users start there) and highlighted, also when the posts arrived after the first paint.
 */
export function PostHighlight() {
  useEffect(() => {
    let highlighted: HTMLElement | null = null;
    const apply = () => {
      const match = /^#beitrag-(\d+)$/.exec(window.location.hash);
      const target = match ? document.getElementById(`beitrag-${match[1]}`) : null;
      highlighted?.removeAttribute("data-highlighted");
      highlighted = target;
      if (!target) return;
      target.setAttribute("data-highlighted", "true");
      target.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    };
    apply();
    window.addEventListener("hashchange", apply);
    return () => window.removeEventListener("hashchange", apply);
  }, []);
  return null;
}
