import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultOzgTableParams, ozgTableHref, parseOzgTableParams } from "./ozg-params";

test("[ozg] table URL: a state survives the round trip through its address", () => {
  const state = parseOzgTableParams({
    q: "Führerschein",
    ressort: "mid,MI",
    prioritaet: ["1", "2"],
    phase: "pilotierung,umgesetzt",
    themenfeld: "Mobilität & Reisen",
    fokus: "1",
    verfuegbarkeit: "teilweise",
    sortierung: "phase",
    richtung: "auf",
    seite: "3",
  });
  assert.deepEqual(state, {
    query: "Führerschein",
    ressorts: ["MI", "MID"],
    priorities: [1, 2],
    phases: ["PILOT", "DONE"],
    themenfeld: "Mobilität & Reisen",
    focusOnly: true,
    availabilities: ["PARTIAL"],
    sort: "phase",
    direction: "asc",
    page: 3,
  });
  const href = ozgTableHref(state);
  assert.deepEqual(parseOzgTableParams(Object.fromEntries(new URL(href, "http://x").searchParams)), state);
});

test("[ozg] table URL: garbage gives the nearest valid state, never an error", () => {
  const garbage = parseOzgTableParams({
    ressort: "XX,<script>",
    prioritaet: "7,-1,1e9",
    phase: "\u200b\u200b",
    sortierung: "'; DROP TABLE",
    richtung: "seitwärts",
    seite: "999999999999999999",
    q: `${"a".repeat(20_000)}`,
    fokus: ["nein"],
  });
  assert.equal(garbage.sort, defaultOzgTableParams.sort);
  assert.equal(garbage.ressorts, undefined);
  assert.equal(garbage.priorities, undefined);
  assert.equal(garbage.phases, undefined);
  assert.equal(garbage.focusOnly, undefined);
  assert.equal(garbage.query?.length, 200);
  assert.ok(garbage.page >= 1 && garbage.page <= 100_000);
  assert.equal(ozgTableHref(defaultOzgTableParams), "/ozg/leistungen");
});
