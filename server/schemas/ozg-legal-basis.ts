/**
 * The catalogue's legal basis writes each source's address in brackets after the law:
 * "§ 4 Fahrerlaubnis-Verordnung (FeV) [http://www.gesetze-im-internet.de/fev_2010/__4.html]".
 * Split into text and links for the detail page. Only http(s) addresses (and "www." without a
 * scheme) become links; anything else in brackets stays text. Client-safe.
 */
export type LegalBasisPart = { kind: "text"; text: string } | { kind: "link"; href: string; label: string };

const bracketed = /\[([^\]\s]{1,2000})\]/g;

export function legalBasisParts(text: string): LegalBasisPart[] {
  const parts: LegalBasisPart[] = [];
  let last = 0;
  for (const match of text.matchAll(bracketed)) {
    const href = safeHref(match[1]!);
    if (!href) continue;
    if (match.index > last) parts.push({ kind: "text", text: text.slice(last, match.index) });
    parts.push({ kind: "link", href, label: linkLabel(href) });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

function safeHref(raw: string): string | null {
  const candidate = /^www\./i.test(raw) ? `https://${raw}` : raw;
  if (!/^https?:\/\//i.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** The address without scheme and "www.", as people read it. */
const linkLabel = (href: string) => href.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/$/, "");
