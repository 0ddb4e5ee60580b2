import { decodeEntities } from "../activity/dto";

/** A piece of plain text; `isHit` pieces are what the search matched (shown in <mark>). */
export interface TextSegment {
  text: string;
  isHit: boolean;
}

/**
 * ts_headline marks hits with these; control characters never occur in stored text (text.ts drops
 * them), so a post cannot forge a hit marker.
 */
export const HIT_START = "\u0001";
export const HIT_END = "\u0002";

/**
 * Turns ts_headline output over HTML (tags already dropped by the parser, entities still encoded)
 * into plain-text segments. The browser gets text only, so React escapes it: a post's
 * `<script>` stays the text "<script>".
 */
export function headlineSegments(headline: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let isHit = false;
  for (const part of headline.split(/([\u0001\u0002])/)) {
    if (part === HIT_START) isHit = true;
    else if (part === HIT_END) isHit = false;
    else {
      const text = decodeEntities(part).replace(/\s+/g, " ");
      if (!text) continue;
      const last = segments.at(-1);
      if (last && last.isHit === isHit) last.text += text;
      else segments.push({ text, isHit });
    }
  }
  if (segments[0]) segments[0].text = segments[0].text.trimStart();
  const last = segments.at(-1);
  if (last) last.text = last.text.trimEnd();
  return segments.filter((segment) => segment.text);
}
