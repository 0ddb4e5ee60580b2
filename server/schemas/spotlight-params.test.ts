import assert from "node:assert/strict";
import { test } from "node:test";
import { compareSpotlights } from "./spotlight-sort";
import {
  defaultSpotlightBoardParams,
  matchesSpotlightFilter,
  parseSpotlightParams,
  spotlightBoardHref,
  spotlightExportHref,
  spotlightListInput,
  spotlightParamsQuery,
} from "./spotlight-params";

const parseQuery = (query: string) => {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const existing = raw[key];
    raw[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return parseSpotlightParams(raw);
};

test("[spotlight-params] an empty URL is the default board, newest change first", () => {
  assert.deepEqual(parseSpotlightParams({}), defaultSpotlightBoardParams);
  assert.equal(spotlightBoardHref(defaultSpotlightBoardParams), "/spotlights");
  assert.equal(spotlightExportHref(defaultSpotlightBoardParams), "/api/spotlights/export");
});

test("[spotlight-params] a full URL is read as written and written back the same", () => {
  const query = "gruppe=technik&status=weitergeleitet%2Cbeantwortet&ressort=Ministerium+f%C3%BCr+Infrastruktur+und+Digitales&kommune=1&ansicht=liste&sortierung=frist&richtung=auf";
  const params = parseQuery(query);
  assert.deepEqual(params, {
    gruppe: "technik",
    status: ["FORWARDED", "ANSWERED"],
    ressort: "Ministerium für Infrastruktur und Digitales",
    kommune: true,
    ansicht: "liste",
    sortierung: "due",
    richtung: "asc",
  });
  assert.equal(spotlightParamsQuery(params), query);
  assert.deepEqual(parseQuery(spotlightParamsQuery(params)), params, "round trip");
  assert.equal(spotlightExportHref(params), `/api/spotlights/export?${query.replace("&ansicht=liste", "")}`, "the export has no view");
});

test("[spotlight-params] statuses come repeated or comma-separated, in any case and order, and end up in life-cycle order", () => {
  assert.deepEqual(parseQuery("status=abgelehnt&status=vorgeschlagen").status, ["PROPOSED", "DECLINED"]);
  assert.deepEqual(parseQuery("status=Beantwortet,%20IN-PRUEFUNG,,beantwortet").status, ["IN_REVIEW", "ANSWERED"]);
  assert.deepEqual(parseQuery("status=ANSWERED,PROPOSED,geloescht,%00,%E2%80%8B").status, [], "English names and garbage are no statuses");
  assert.equal(spotlightParamsQuery({ status: ["DECLINED", "PROPOSED"] }), "status=vorgeschlagen%2Cabgelehnt");
});

test("[spotlight-params] garbage in every parameter gives the nearest valid state and never throws", () => {
  const garbage = [
    "",
    "%00",
    "\u0000",
    "%E0%A4%A",
    "W".repeat(100_000),
    "<script>alert(1)</script>",
    "' OR 1=1--",
    "__proto__",
    "constructor",
    "1e400",
    "-1",
    "\u200B\u2060\uFEFF",
    "technik\n",
    "../../etc/passwd",
  ];
  for (const value of garbage) {
    for (const key of ["gruppe", "status", "ressort", "kommune", "ansicht", "sortierung", "richtung", "unbekannt"]) {
      const params = parseSpotlightParams({ [key]: value });
      assert.ok(params.ansicht === "board" || params.ansicht === "liste");
      assert.ok(params.gruppe === undefined || /^[a-z0-9-]{1,100}$/.test(params.gruppe), `${key}=${JSON.stringify(value).slice(0, 40)}`);
      assert.ok((params.ressort?.length ?? 0) <= 300);
      assert.ok(!params.ressort?.includes("\u0000"));
      // whatever came in writes back as a URL that reads as the same state
      assert.deepEqual(parseQuery(spotlightParamsQuery(params)), params, `${key}=${JSON.stringify(value).slice(0, 40)}`);
    }
  }
  assert.deepEqual(parseSpotlightParams({ status: Array.from({ length: 10_000 }, () => "x") }).status, []);
  assert.deepEqual(parseSpotlightParams({ gruppe: ["strategie", "technik"], ansicht: ["liste", "board"] }), {
    ...defaultSpotlightBoardParams,
    gruppe: "strategie",
    ansicht: "liste",
  });
  assert.equal(parseSpotlightParams({ gruppe: "Technik " }).gruppe, "technik", "case and spaces around a slug do not matter");
  assert.equal(parseSpotlightParams({ gruppe: "tech nik" }).gruppe, undefined);
  assert.equal(parseSpotlightParams({ ressort: "  \u200B " }).ressort, undefined, "invisible text is no Ressort");
  assert.equal(parseSpotlightParams({ ressort: `MI\n${"x".repeat(400)}` }).ressort?.length, 300);
});

test("[spotlight-params] kommune is on only when asked for; the sort direction defaults per column", () => {
  for (const on of ["1", "ja", "true", "on"]) assert.equal(parseSpotlightParams({ kommune: on }).kommune, true, on);
  for (const off of ["0", "nein", "", "2", "yes please"]) assert.equal(parseSpotlightParams({ kommune: off }).kommune, false, off);
  assert.equal(parseSpotlightParams({ sortierung: "titel" }).richtung, "asc", "titles from A");
  assert.equal(parseSpotlightParams({ sortierung: "mitzeichnungen" }).richtung, "desc", "most co-signed first");
  assert.equal(parseSpotlightParams({ sortierung: "frist", richtung: "ab" }).richtung, "desc");
  assert.equal(parseSpotlightParams({ sortierung: "unsinn", richtung: "auf" }).sortierung, "changed");
  assert.equal(parseSpotlightParams({ sortierung: "unsinn", richtung: "quer" }).richtung, "desc");
  assert.equal(spotlightParamsQuery({ sortierung: "changed", richtung: "asc" }), "sortierung=geaendert&richtung=auf");
});

test("[spotlight-params] the list input carries the filters; empty ones are left out", () => {
  assert.deepEqual(spotlightListInput(defaultSpotlightBoardParams, undefined), {
    groupId: undefined,
    statuses: undefined,
    forwardedTo: undefined,
    cosignedByMyMunicipality: undefined,
    sort: "changed",
    direction: "desc",
  });
  const params = parseQuery("status=weitergeleitet&kommune=1&sortierung=titel");
  assert.deepEqual(spotlightListInput(params, "g-1"), {
    groupId: "g-1",
    statuses: ["FORWARDED"],
    forwardedTo: undefined,
    cosignedByMyMunicipality: true,
    sort: "title",
    direction: "asc",
  });
});

test("[spotlight-params] a live spotlight matches the board's filters as the list service would", () => {
  const spotlight = { status: "FORWARDED" as const, groups: [{ id: "g-1" }, { id: "g-2" }], forwardedTo: "MID", cosigningMunicipalities: ["Stadt Wernigerode"] };
  const me = "Stadt Wernigerode";
  assert.equal(matchesSpotlightFilter(spotlight, {}, me), true);
  assert.equal(matchesSpotlightFilter(spotlight, { groupId: "g-2", statuses: ["FORWARDED", "ANSWERED"], forwardedTo: "MID", cosignedByMyMunicipality: true }, me), true);
  assert.equal(matchesSpotlightFilter(spotlight, { groupId: "g-3" }, me), false);
  assert.equal(matchesSpotlightFilter(spotlight, { statuses: ["ANSWERED"] }, me), false);
  assert.equal(matchesSpotlightFilter(spotlight, { forwardedTo: "MI" }, me), false);
  assert.equal(matchesSpotlightFilter(spotlight, { cosignedByMyMunicipality: true }, "Gemeinde Hohe Börde"), false);
});

test("[spotlight-params] sorting: deadlines soonest first with the undated last in both directions; ties by latest change", () => {
  const make = (title: string, dueOn: string | null, changed: string) => ({
    title,
    dueOn,
    statusChangedAt: changed,
    createdAt: changed,
    cosigningMunicipalities: [],
    status: "FORWARDED" as const,
  });
  const list = [make("b", null, "2026-01-02"), make("a", "2026-05-01", "2026-01-01"), make("c", "2026-03-01", "2026-01-03"), make("d", null, "2026-01-04")];
  assert.deepEqual([...list].sort(compareSpotlights("due", "asc")).map((s) => s.title), ["c", "a", "d", "b"]);
  assert.deepEqual([...list].sort(compareSpotlights("due", "desc")).map((s) => s.title), ["a", "c", "d", "b"]);
  assert.deepEqual([...list].sort(compareSpotlights("title", "asc")).map((s) => s.title), ["a", "b", "c", "d"]);
  assert.deepEqual([...list].sort(compareSpotlights("changed", "desc")).map((s) => s.title), ["d", "c", "b", "a"]);
});
