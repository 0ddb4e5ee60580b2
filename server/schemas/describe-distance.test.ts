import assert from "node:assert/strict";
import { test } from "node:test";
import { berlinLocalToDate, describeDistance } from "./berlin-time";

const at = (local: string) => berlinLocalToDate(local)!;
const hourLater = (start: Date) => new Date(start.getTime() + 3_600_000);

test("[talk-countdown] the distance to a start in words, by Berlin calendar days", () => {
  const now = at("2026-10-24T22:30");
  const cases: [string, string][] = [
    ["2026-10-24T22:50", "in 20 Minuten"],
    ["2026-10-24T23:45", "heute"],
    ["2026-10-25T00:05", "morgen"],
    ["2026-10-26T09:00", "übermorgen"],
    ["2026-10-29T10:00", "in 5 Tagen"],
    ["2026-12-24T10:00", "in 61 Tagen"],
  ];
  for (const [local, words] of cases) assert.equal(describeDistance(at(local), hourLater(at(local)), now), words, local);
  assert.equal(describeDistance(at("2026-10-24T22:00"), at("2026-10-24T23:00"), now), "läuft gerade");
  assert.equal(describeDistance(at("2026-10-24T20:00"), at("2026-10-24T21:00"), now), "vorbei");
});
