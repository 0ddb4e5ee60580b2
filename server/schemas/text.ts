/**
 * What counts as text people typed. Client-safe: the forms use the same rules as the server.
 *
 * Invisible characters (zero-width space, word joiner, BOM, soft hyphen, bidi marks, Hangul fillers,
 * braille blank, variation selectors, every Unicode space) make nothing visible on their own: a title,
 * post, name or organisation made only of them is empty. Inside visible text they stay, because
 * emoji sequences and some scripts need joiners.
 */
const INVISIBLE =
  "\\s\\p{Cc}\\p{Cf}\\p{Z}\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u2800\\u3164\\uFE00-\\uFE0F\\uFFA0\\u{E0100}-\\u{E01EF}";

const invisibleRun = new RegExp(`[${INVISIBLE}]+`, "gu");
const edges = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, "gu");
/** C0/C1 controls other than tab and line feed: never meant, and PostgreSQL refuses NUL. */
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Half of a surrogate pair on its own cannot be stored as UTF-8. */
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface TextOptions {
  /** titles, names and organisations: line breaks and runs of space become one space */
  singleLine?: boolean;
}

/**
 * Normalises typed text: NFC, line ends as \n, no control characters, no invisible characters at
 * either end; text that has nothing visible becomes "".
 */
export function normaliseText(value: string, { singleLine = false }: TextOptions = {}): string {
  let text = value.replace(loneSurrogates, "\uFFFD").normalize("NFC").replace(/\r\n?/g, "\n").replace(controls, "");
  if (singleLine) text = text.replace(invisibleRun, (run) => (/[\s\p{Z}]/u.test(run) ? " " : run));
  text = text.replace(edges, "");
  return hasVisibleText(text) ? text : "";
}

function hasVisibleText(value: string): boolean {
  return value.replace(invisibleRun, "").length > 0;
}

/** How many visible characters (code points) the text has: what "too short to search" counts. */
export function visibleLength(value: string): number {
  return [...value.replace(invisibleRun, "")].length;
}
