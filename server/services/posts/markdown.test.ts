import assert from "node:assert/strict";
import { test } from "node:test";
import { MARKDOWN_RENDERER_VERSION, renderMarkdown } from "./markdown";

/** What a browser shows of the HTML: tags dropped, entities decoded. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

test("[markdown] a script tag is shown as text, never as an element", () => {
  const html = renderMarkdown("<script>alert(1)</script>");
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /&#x3C;script|&lt;script/, "the opening bracket is escaped");
  assert.equal(visibleText(html).trim(), "<script>alert(1)</script>");
});

test("[markdown] an img with onerror is shown as text without an event handler attribute", () => {
  const html = renderMarkdown("Bild: <img src=x onerror=alert(1)>");
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /<[^>]*\sonerror=/i);
  assert.equal(visibleText(html), "Bild: <img src=x onerror=alert(1)>");
});

test("[markdown] raw HTML inside a paragraph stays visible text", () => {
  const html = renderMarkdown("Vorher <b onclick=\"x()\">fett?</b> nachher");
  assert.doesNotMatch(html, /<b[\s>]/);
  assert.doesNotMatch(html, /<[^>]*\sonclick=/);
  assert.equal(visibleText(html), 'Vorher <b onclick="x()">fett?</b> nachher');
});

test("[markdown] a javascript: link gets no javascript: href", () => {
  const html = renderMarkdown("[x](javascript:alert(1))");
  assert.doesNotMatch(html, /href="javascript:/i);
  assert.doesNotMatch(html, /javascript:/i);
  assert.match(html, />x</);
});

test("[markdown] ordinary links keep their href", () => {
  assert.equal(renderMarkdown("[GDST](https://example.org/gdst)"), '<p><a href="https://example.org/gdst">GDST</a></p>');
});

test("[markdown] **bold** becomes strong, lists and GFM tables render", () => {
  assert.equal(renderMarkdown("**fett**"), "<p><strong>fett</strong></p>");
  assert.match(renderMarkdown("- eins\n- zwei"), /<ul>\s*<li>eins<\/li>\s*<li>zwei<\/li>\s*<\/ul>/);
  assert.match(renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |"), /<table tabindex="0">[\s\S]*<td>1<\/td>[\s\S]*<\/table>/);
});

/**
 * The packages that decide what HTML a post becomes. Stored HTML is only re-rendered when
 * MARKDOWN_RENDERER_VERSION changes, so upgrading any of them without a bump would leave old posts
 * rendered by the old sanitiser: this test makes the upgrade and the bump one change.
 */
const rendererPackages = {
  unified: "11.0.5",
  "remark-parse": "11.0.0",
  "remark-gfm": "4.0.1",
  "remark-rehype": "11.1.2",
  "rehype-sanitize": "6.0.0",
  "hast-util-sanitize": "5.0.2",
  "rehype-stringify": "10.0.1",
  "mdast-util-to-hast": "13.2.2",
  micromark: "4.0.3",
};
const PINNED_FOR_VERSION = 3;

test("[markdown] the renderer version is bumped whenever a rendering package changes", async () => {
  const { readFile } = await import("node:fs/promises");
  const installed = Object.fromEntries(
    await Promise.all(
      Object.keys(rendererPackages).map(async (name) => {
        const manifest = JSON.parse(await readFile(`node_modules/${name}/package.json`, "utf8")) as { version: string };
        return [name, manifest.version] as const;
      }),
    ),
  );
  assert.deepEqual(
    { version: MARKDOWN_RENDERER_VERSION, packages: installed },
    { version: PINNED_FOR_VERSION, packages: rendererPackages },
    "a Markdown package changed: bump MARKDOWN_RENDERER_VERSION in markdown.ts, then update this table and PINNED_FOR_VERSION",
  );
});

test("[markdown] footnotes link to each other within their post, are labelled in German and keep every id prefixed", () => {
  const html = renderMarkdown("Siehe Beschluss[^1].\n\n[^1]: Sitzung vom 12. März", "a1b2c3d4");
  assert.match(html, /<a href="#user-content-a1b2c3d4-fn-1" id="user-content-a1b2c3d4-fnref-1"/);
  assert.match(html, /<li id="user-content-a1b2c3d4-fn-1">/);
  assert.match(html, /<a href="#user-content-a1b2c3d4-fnref-1" data-footnote-backref/);
  assert.match(html, /<h2 class="sr-only" id="user-content-a1b2c3d4-footnote-label">Fußnoten<\/h2>/);
  assert.match(html, /aria-describedby="user-content-a1b2c3d4-footnote-label"/);
  assert.match(html, /aria-label="Zurück zum Verweis 1"/);
  for (const [, id] of html.matchAll(/ id="([^"]+)"/g)) assert.ok(id.startsWith("user-content-a1b2c3d4-"), id);
  // two posts on one page: no shared ids
  const other = renderMarkdown("Noch eine[^1].\n\n[^1]: Fußnote", "ffff0000");
  const ids = (h: string) => [...h.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids(html).filter((id) => ids(other).includes(id)), []);
  // ordinary links and anchors the author wrote are left alone
  assert.match(renderMarkdown("[oben](#oben) und [Portal](https://www.sachsen-anhalt.de)", "a1b2c3d4"), /href="#oben"[\s\S]*href="https:\/\/www.sachsen-anhalt.de"/);
});

test("[markdown] code blocks and tables, which scroll inside the post, can be reached by keyboard", () => {
  assert.match(renderMarkdown("```\nnpm start\n```"), /^<pre tabindex="0"><code>npm start\n<\/code><\/pre>$/);
  assert.doesNotMatch(renderMarkdown("Nur `inline`"), /tabindex/);
});

test("[markdown] a stored mention becomes a styled span with its plain text only; other user: links and typed spans stay harmless", () => {
  const id = "0b4f3c1e-1111-4222-8333-444455556666";
  assert.equal(renderMarkdown(`Hallo @[Anna Schmidt](user:${id})!`), `<p>Hallo <span class="mention">@Anna Schmidt</span>!</p>`);
  const hostile = renderMarkdown(`@[**fett** <img src=x onerror=alert(1)>](user:${id}) [x](user:kaputt) <span class="mention" onclick="x">y</span>`);
  assert.doesNotMatch(hostile, /<img|<strong|href="user:/);
  assert.equal(hostile.match(/<span/g)?.length, 1);
  assert.equal(hostile.match(/<span class="mention">/g)?.length, 1);
  // without the @ it is no mention: the link loses its user: target like any unsafe link
  assert.equal(renderMarkdown(`[Anna](user:${id})`), "<p><a>Anna</a></p>");
});
