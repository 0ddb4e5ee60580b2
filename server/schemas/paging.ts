import { z } from "zod";

/** Far beyond any real thread or list; larger requests are treated as "the last page". */
export const PAGE_MAX = 100_000;

export const pageSchema = z.number().int().min(1).max(PAGE_MAX).default(1);

/**
 * A page number from a URL (`?seite=`): garbage gives page 1, a number past PAGE_MAX gives PAGE_MAX
 * (which the service turns into the last page). Never throws: a URL must not produce an error page.
 */
export function parsePageParam(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\s*\d+\s*$/.test(value)) return 1;
  const digits = value.trim().replace(/^0+/, "");
  if (!digits) return 1;
  return digits.length > String(PAGE_MAX).length ? PAGE_MAX : Math.min(Number(digits), PAGE_MAX);
}

export type PageLink = { kind: "page"; number: number } | { kind: "gap"; key: string };

/**
 * The page links worth showing: first, last and the neighbours of the current page, with gaps
 * between. A thread of 10,000 posts gets about nine links, not two hundred.
 */
export function pageWindow(page: number, pageCount: number, neighbours = 2): PageLink[] {
  const wanted = new Set([1, pageCount]);
  for (let n = page - neighbours; n <= page + neighbours; n++) if (n >= 1 && n <= pageCount) wanted.add(n);
  const numbers = [...wanted].sort((a, b) => a - b);
  const links: PageLink[] = [];
  for (const [index, number] of numbers.entries()) {
    const previous = numbers[index - 1];
    // a gap of one page is shown as that page: "…" would hide no more than the number itself
    if (previous !== undefined && number - previous === 2) links.push({ kind: "page", number: previous + 1 });
    else if (previous !== undefined && number - previous > 2) links.push({ kind: "gap", key: `nach-${previous}` });
    links.push({ kind: "page", number });
  }
  return links;
}
