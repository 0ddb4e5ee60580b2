import assert from "node:assert/strict";
import { test } from "node:test";
import { PAGE_MAX, pageWindow, parsePageParam } from "./paging";

test("[paging] page parameters from URLs never throw: garbage is page 1, huge is the last page", () => {
  const cases: [string | string[] | undefined, number][] = [
    [undefined, 1],
    ["", 1],
    ["3", 3],
    [" 7 ", 7],
    ["007", 7],
    ["0", 1],
    ["000", 1],
    ["-4", 1],
    ["2.5", 1],
    ["1e5", 1],
    ["Infinity", 1],
    ["NaN", 1],
    ["abc", 1],
    ["%00", 1],
    ["\u200B3", 1],
    ["٣", 1],
    ["123456789012", PAGE_MAX],
    ["9".repeat(400), PAGE_MAX],
    [String(PAGE_MAX + 1), PAGE_MAX],
    [["4", "9"], 4],
    [[], 1],
  ];
  for (const [raw, expected] of cases) assert.equal(parsePageParam(raw), expected, JSON.stringify(raw));
});

const render = (page: number, count: number) =>
  pageWindow(page, count)
    .map((link) => (link.kind === "gap" ? "…" : String(link.number)))
    .join(" ");

test("[paging] the page links stay few: first, last and the neighbours of the current page", () => {
  assert.equal(render(1, 1), "1");
  assert.equal(render(1, 5), "1 2 3 4 5");
  assert.equal(render(1, 200), "1 2 3 … 200");
  assert.equal(render(100, 200), "1 … 98 99 100 101 102 … 200");
  assert.equal(render(200, 200), "1 … 198 199 200");
  assert.equal(render(5, 9), "1 2 3 4 5 6 7 8 9", "a gap of one page shows the page");
  assert.equal(render(6, 12), "1 … 4 5 6 7 8 … 12");
  assert.ok(pageWindow(5000, 10_000).length <= 9);
});
