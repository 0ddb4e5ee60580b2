"use client";
import { useEffect, useMemo, useRef } from "react";
import type { ResultCommentDto, ResultSectionDto } from "@/server/services/results/dto";

// literal class names: Tailwind only generates classes it finds in the source
const markedBlockClasses = ["border-l-4", "border-amber-400", "pl-2"];

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()} …` : text);

/** "Absatz 3: „Die Arbeitsgruppe …“": how a comment names the paragraph it is about (blocks count from 0). */
export const blockLabel = (index: number, text?: string | null) => (text ? `Absatz ${index + 1}: „${clip(text, 60)}“` : `Absatz ${index + 1}`);

/** how many characters of the stored quote must still begin the paragraph */
const ANCHOR_COMPARE_CHARS = 40;

/**
 * Whether a comment's paragraph is still the one it was written about: the paragraph now at its
 * number begins like the quote stored with the comment (an edit may have moved or rewritten it).
 */
export function anchorStillMatches(section: ResultSectionDto, comment: ResultCommentDto): boolean {
  if (comment.anchorBlock === null) return false;
  const text = section.blocks[comment.anchorBlock]?.text;
  if (text === undefined) return false;
  if (comment.anchorText === null) return true;
  const start = [...comment.anchorText.replace(/\s*…$/, "")].slice(0, ANCHOR_COMPARE_CHARS).join("");
  return text.startsWith(start);
}

/**
 * The section's stored HTML. Next to every block with open comments a small link to them: the HTML
 * is rendered once on the server, so the links are placed after it is shown and again when it changes.
 */
export function DraftSectionBody({ section, comments }: { section: ResultSectionDto; comments: ResultCommentDto[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const openByBlock = useMemo(() => {
    const byBlock = new Map<number, ResultCommentDto[]>();
    for (const comment of comments) {
      if (comment.resolvedAt || comment.anchorBlock === null || !anchorStillMatches(section, comment)) continue;
      byBlock.set(comment.anchorBlock, [...(byBlock.get(comment.anchorBlock) ?? []), comment]);
    }
    return byBlock;
  }, [comments, section]);
  const markerKey = [...openByBlock].map(([block, list]) => `${block}:${list.map((c) => c.id).join(",")}`).join(";");

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    root.querySelectorAll("[data-comment-marker]").forEach((marker) => marker.remove());
    root.querySelectorAll("[data-has-comments]").forEach((block) => {
      block.removeAttribute("data-has-comments");
      block.classList.remove(...markedBlockClasses);
    });
    for (const [block, list] of openByBlock) {
      const element = root.querySelector(`:scope > [data-block="${block}"]`);
      if (!element) continue;
      element.setAttribute("data-has-comments", "");
      element.classList.add(...markedBlockClasses);
      const marker = document.createElement("p");
      marker.setAttribute("data-comment-marker", String(block));
      marker.className = "mt-1 text-sm";
      const link = document.createElement("a");
      link.className = "font-semibold text-amber-900 underline";
      link.href = `#kommentar-${list[0].id}`;
      link.textContent = list.length === 1 ? `1 offener Kommentar zu Absatz ${block + 1}` : `${list.length} offene Kommentare zu Absatz ${block + 1}`;
      marker.append(link);
      element.after(marker);
    }
    // markerKey stands for openByBlock's content; html: React replaced the markup, markers included
  }, [markerKey, section.html]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div
      ref={ref}
      className="prose-post mt-3 min-w-0 break-words"
      data-testid="draft-section-body"
      dangerouslySetInnerHTML={{ __html: section.html }}
    />
  );
}
