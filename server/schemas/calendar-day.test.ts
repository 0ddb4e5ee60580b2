import assert from "node:assert/strict";
import { test } from "node:test";
import { berlinDay, daySchema, formatGermanDay, isCalendarDay, parseDayRange } from "./calendar-day";

test("[calendar-day] only real days in the accepted years are days", () => {
  for (const day of ["2026-02-28", "2028-02-29", "2000-01-01"]) assert.equal(isCalendarDay(day), true, day);
  for (const day of ["2026-02-29", "2026-13-01", "2026-1-1", "1999-12-31", "2100-01-01", "", "2026-02-28x", "heute"]) assert.equal(isCalendarDay(day), false, day);
  assert.equal(daySchema.safeParse("2026-04-31").error?.issues[0]?.message, "Dieses Datum gibt es nicht.");
  assert.equal(daySchema.safeParse("1999-12-31").error?.issues[0]?.message, "Dieses Datum liegt außerhalb des möglichen Zeitraums.");
  assert.equal(daySchema.safeParse("31.12.2026").error?.issues[0]?.message, "Bitte geben Sie ein Datum im Format JJJJ-MM-TT an.");
});

test("[calendar-day] a URL period drops what is no day and turns a backwards period round", () => {
  assert.deepEqual(parseDayRange("2026-03-10", "2026-03-01"), { von: "2026-03-01", bis: "2026-03-10" });
  assert.deepEqual(parseDayRange("999999999999", " 2026-03-01 "), { von: undefined, bis: "2026-03-01" });
  assert.deepEqual(parseDayRange(undefined, undefined), { von: undefined, bis: undefined });
});

test("[calendar-day] today is Germany's day, also around midnight and across the clock change", () => {
  // 23:30 UTC is already the next day in Berlin, in winter (UTC+1) and in summer (UTC+2)
  assert.equal(berlinDay(new Date("2026-01-15T23:30:00Z")), "2026-01-16");
  assert.equal(berlinDay(new Date("2026-07-15T22:30:00Z")), "2026-07-16");
  assert.equal(berlinDay(new Date("2026-07-15T21:30:00Z")), "2026-07-15");
  // the night of the change to summer time
  assert.equal(berlinDay(new Date("2026-03-29T00:30:00Z")), "2026-03-29");
  assert.equal(formatGermanDay("2026-10-01"), "01.10.2026");
});
