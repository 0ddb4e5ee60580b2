import assert from "node:assert/strict";
import { test } from "node:test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { excerptOfHtml } from "../services/activity/dto";
import { startTags, textOf, unsafeParts } from "./html-safety";
import { xssCorpus } from "./xss-corpus";
import { xssFields } from "./xss-fields";

const failuresOf = (check: (payload: string) => string[]) =>
  xssCorpus.flatMap(({ label, payload }) => {
    try {
      return check(payload).map((problem) => `${label}: ${problem}`);
    } catch (error) {
      return [`${label}: threw ${String(error)}`];
    }
  });

test("[xss] the corpus has at least 100 distinct, labelled payloads", () => {
  assert.ok(xssCorpus.length >= 100, `${xssCorpus.length} payloads`);
  assert.equal(new Set(xssCorpus.map((entry) => entry.label)).size, xssCorpus.length, "labels are unique");
  assert.equal(new Set(xssCorpus.map((entry) => entry.payload)).size, xssCorpus.length, "payloads are unique");
});

test("[xss] the checker itself flags what a browser would run", () => {
  const mustFlag = [
    "<script>x</script>",
    "<p><img src=x onerror=alert(1)></p>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A&#x61vascript:alert(1)">x</a>',
    '<a href=" java\tscript:alert(1)">x</a>',
    "<a href='JaVaScRiPt&colon;alert(1)'>x</a>",
    '<a href="\u0001javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    '<a href="data:text/html,x">x</a>',
    '<p style="position:fixed">x</p>',
    "<svg><a xlink:href=javascript:alert(1)>x</a></svg>",
    '<p/onclick="x">x</p>',
    '<p id="navigation">x</p>',
    '<p class="fixed inset-0">x</p>',
    '<input type="text" disabled>',
  ];
  for (const html of mustFlag) assert.notDeepEqual(unsafeParts(html), [], html);
  const mustPass = [
    '<p><a href="https://example.org/a?b=1&#x26;c=2">x</a> <a href="mailto:a@b.de">m</a> <a href="#user-content-fn-1">1</a></p>',
    '<p><a href="/arbeitsgruppen">r</a> <img src="https://example.org/a.png" alt="&#x3C;script>"></p>',
    "<p>&#x3C;script>alert(1)&#x3C;/script> javascript:alert(1)</p>",
    '<pre><code class="language-ts">x</code></pre>',
    '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled> a</li></ul>',
  ];
  for (const html of mustPass) assert.deepEqual(unsafeParts(html), [], html);
});

for (const field of xssFields) {
  if (field.kind === "html") {
    test(`[xss] ${field.field}: every payload renders to allow-listed HTML without handlers, styles or script URLs`, () => {
      assert.deepEqual(failuresOf((payload) => unsafeParts(field.toHtml(payload))), []);
    });
  } else {
    test(`[xss] ${field.field}: every payload reaches React as a string that stays text`, () => {
      const failures = failuresOf((payload) => {
        const text = field.toText(payload);
        assert.equal(typeof text, "string");
        // the same string as a text node and as an attribute value (aria-label, title)
        const html = renderToStaticMarkup(createElement("span", { title: text }, text));
        const tags = startTags(html);
        const problems: string[] = [];
        if (tags.length !== 1 || tags[0].name !== "span") problems.push(`elements ${tags.map((tag) => tag.name).join(",")}`);
        if (tags[0]?.attributes.length !== 1 || tags[0].attributes[0].value !== text) problems.push("the attribute value changed");
        if (textOf(html) !== text) problems.push("the text changed");
        return problems;
      });
      assert.deepEqual(failures, []);
    });
  }
}

test("[xss] excerptOfHtml never throws, even on raw payloads that did not come from the renderer", () => {
  assert.deepEqual(
    failuresOf((payload) => {
      assert.equal(typeof excerptOfHtml(payload), "string");
      return [];
    }),
    [],
  );
});
