import { decodeNamedCharacterReference } from "decode-named-character-reference";

/**
 * A start tag as a browser's HTML tokenizer sees it. No HTML parser is installed (parse5 and
 * hast-util-from-html are not in the dependency tree), so this follows the WHATWG tokenizer's
 * tag, attribute, comment and raw-text states closely enough for checking sanitised output;
 * tree building is not needed for the checks below.
 */
export interface StartTag {
  name: string;
  attributes: { name: string; value: string }[];
}

const WHITESPACE = /[\t\n\f\r ]/;
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);

/** Decodes character references the way a browser does in attribute values, erring towards decoding. */
export function decodeCharacterReferences(text: string): string {
  return text.replace(/&(?:#[xX]([0-9a-fA-F]+);?|#(\d+);?|([a-zA-Z][a-zA-Z0-9]*);?)/g, (entity, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return decodeNamedCharacterReference(name) || entity;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "\uFFFD";
  });
}

export function startTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  let i = 0;
  const skipPast = (end: string) => {
    const at = html.indexOf(end, i);
    i = at === -1 ? html.length : at + end.length;
  };

  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) break;
    i = lt + 1;
    const next = html[i] ?? "";
    if (html.startsWith("!--", i)) {
      i += 3;
      if (html[i] === ">") i += 1;
      else if (html.startsWith("->", i)) i += 2;
      else {
        const ends = [html.indexOf("-->", i), html.indexOf("--!>", i)].filter((at) => at !== -1);
        i = ends.length ? Math.min(...ends) + (html[Math.min(...ends) + 2] === "!" ? 4 : 3) : html.length;
      }
      continue;
    }
    if (next === "!" || next === "?") {
      skipPast(">"); // bogus comment (doctype, CDATA outside foreign content, processing instruction)
      continue;
    }
    const isEndTag = next === "/";
    if (isEndTag) {
      if (html[i + 1] === ">") {
        i += 2;
        continue;
      }
      if (!/[a-zA-Z]/.test(html[i + 1] ?? "")) {
        skipPast(">");
        continue;
      }
      i += 1;
    } else if (!/[a-zA-Z]/.test(next)) {
      continue; // a lone "<" is text
    }

    const tag = readTag();
    if (!tag) break; // end of input inside a tag: the tokenizer emits nothing
    if (isEndTag) continue;
    tags.push(tag);
    if (RAW_TEXT.has(tag.name)) {
      const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
      i = close === -1 ? html.length : close;
    }
  }
  return tags;

  function readTag(): StartTag | null {
    let name = "";
    while (i < html.length && !WHITESPACE.test(html[i]) && html[i] !== "/" && html[i] !== ">") name += html[i++];
    const tag: StartTag = { name: name.toLowerCase().replace(/\0/g, "\uFFFD"), attributes: [] };
    for (;;) {
      while (i < html.length && (WHITESPACE.test(html[i]) || html[i] === "/")) i++;
      if (i >= html.length) return null;
      if (html[i] === ">") {
        i++;
        return tag;
      }
      let attrName = html[i++]; // a leading "=" belongs to the name
      while (i < html.length && !WHITESPACE.test(html[i]) && !"/>=".includes(html[i])) attrName += html[i++];
      while (i < html.length && WHITESPACE.test(html[i])) i++;
      let value = "";
      if (html[i] === "=") {
        i++;
        while (i < html.length && WHITESPACE.test(html[i])) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, i + 1);
          if (end === -1) return null;
          value = html.slice(i + 1, end);
          i = end + 1;
        } else {
          while (i < html.length && !WHITESPACE.test(html[i]) && html[i] !== ">") value += html[i++];
        }
      }
      tag.attributes.push({ name: attrName.toLowerCase().replace(/\0/g, "\uFFFD"), value: decodeCharacterReferences(value) });
    }
  }
}

/** What rendered Markdown may contain: GitHub's sanitiser output for CommonMark + GFM. */
export const ALLOWED_ELEMENTS = new Set([
  "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "input",
  "li", "ol", "p", "pre", "section", "strong", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "background", "poster", "cite", "longdesc", "data"]);
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);
/** Class names the pipeline itself sets; people's text may only add `language-…` on code. */
const PIPELINE_CLASSES = new Set(["contains-task-list", "task-list-item", "footnotes", "sr-only", "data-footnote-backref"]);

/**
 * The scheme a browser takes from an attribute value (character references already decoded by
 * startTags), after whitespace, control and invisible characters are gone. Percent-encoding is
 * left alone: a browser never decodes it into a scheme, so "%6Aavascript:" is a relative path.
 */
export function urlScheme(value: string): string | null {
  const stripped = value.replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028\u2029\ufeff\ufffd]/g, "");
  return /^([a-z][a-z0-9+.-]*):/i.exec(stripped)?.[1].toLowerCase() ?? null;
}

/** Every way `html` could run script or restyle the page; an empty list means it is safe to inject. */
export function unsafeParts(html: string, allowedElements: ReadonlySet<string> = ALLOWED_ELEMENTS): string[] {
  const problems: string[] = [];
  for (const { name, attributes } of startTags(html)) {
    if (!allowedElements.has(name)) problems.push(`element <${name}>`);
    if (name === "input" && !(attributes.some((a) => a.name === "type" && a.value === "checkbox") && attributes.some((a) => a.name === "disabled"))) {
      problems.push("input other than a disabled checkbox");
    }
    for (const { name: attribute, value } of attributes) {
      const where = `<${name} ${attribute}="${value.slice(0, 60)}">`;
      if (attribute.startsWith("on")) problems.push(`event handler ${where}`);
      if (attribute === "style") problems.push(`style attribute ${where}`);
      if (attribute === "srcdoc" || attribute === "srcset") problems.push(`${attribute} attribute ${where}`);
      if (URL_ATTRIBUTES.has(attribute)) {
        const scheme = urlScheme(value);
        if (scheme && !SAFE_SCHEMES.has(scheme)) problems.push(`${scheme}: URL ${where}`);
      }
      if ((attribute === "id" || attribute === "name") && !value.startsWith("user-content-")) problems.push(`unprefixed ${attribute} (DOM clobbering) ${where}`);
      if (attribute === "class") {
        for (const token of value.split(/\s+/).filter(Boolean)) {
          const isOwn = PIPELINE_CLASSES.has(token) || (name === "code" && /^language-/.test(token));
          if (!isOwn) problems.push(`class "${token}" ${where}`);
        }
      }
    }
  }
  return problems;
}

/** The text a browser shows for HTML that holds only text (tags dropped, references decoded). */
export const textOf = (html: string) => decodeCharacterReferences(html.replace(/<[^>]*>/g, ""));
