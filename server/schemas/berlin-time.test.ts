import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { berlinDateTimeSchema, berlinLocalToDate, describeStart, formatBerlinRange, toBerlinLocal } from "./berlin-time";

describe("[berlin-time] wall-clock time in Europe/Berlin across the daylight saving change", () => {
  test("[berlin-time] the same wall-clock hour is a different UTC hour in winter and in summer", () => {
    // Saturday before and Monday after the change on Sunday 28 March 2027
    assert.equal(berlinLocalToDate("2027-03-27T10:00")?.toISOString(), "2027-03-27T09:00:00.000Z");
    assert.equal(berlinLocalToDate("2027-03-29T10:00")?.toISOString(), "2027-03-29T08:00:00.000Z");
    assert.equal(berlinLocalToDate("2026-10-24T10:00")?.toISOString(), "2026-10-24T08:00:00.000Z");
    assert.equal(berlinLocalToDate("2026-10-26T10:00")?.toISOString(), "2026-10-26T09:00:00.000Z");
  });

  test("[berlin-time] the hour the clock skips does not exist; the repeated hour means summer time", () => {
    assert.equal(berlinLocalToDate("2027-03-28T02:30"), null);
    assert.equal(berlinLocalToDate("2027-03-28T03:00")?.toISOString(), "2027-03-28T01:00:00.000Z");
    assert.equal(berlinLocalToDate("2026-10-25T02:30")?.toISOString(), "2026-10-25T00:30:00.000Z");
  });

  test("[berlin-time] an instant reads back as the wall-clock time it was entered as", () => {
    for (const local of ["2027-03-27T10:00", "2027-03-29T10:00", "2026-10-25T01:59", "2026-12-31T23:30", "2027-01-01T00:00"]) {
      assert.equal(toBerlinLocal(berlinLocalToDate(local)!), local);
    }
  });

  test("[berlin-time] the form field refuses what is not a time, with German messages", () => {
    const schema = berlinDateTimeSchema("den Beginn");
    const message = (value: unknown) => {
      const result = schema.safeParse(value);
      return result.success ? "ok" : result.error.issues[0]!.message;
    };
    assert.equal(message("2027-03-29T10:00"), "ok");
    assert.match(message(""), /Bitte geben Sie den Beginn an/);
    assert.match(message("morgen"), /als Datum und Uhrzeit/);
    assert.match(message("2027-02-30T10:00"), /gibt es nicht/);
    assert.match(message("2127-01-01T10:00"), /außerhalb/);
    assert.match(message("2027-01-01T24:00"), /gibt es nicht/);
    assert.match(message("2027-03-28T02:30"), /Sommerzeit/);
    assert.match(message(12), /Bitte geben Sie den Beginn an/);
    // what a router already parsed passes a service's second parse unchanged
    const parsed = schema.parse("2027-03-29T10:00");
    assert.equal(schema.parse(parsed).toISOString(), parsed.toISOString());
  });
});

describe("[berlin-time] saying when a talk starts", () => {
  const at = (local: string) => berlinLocalToDate(local)!;
  const hourLater = (date: Date) => new Date(date.getTime() + 3_600_000);

  test("[berlin-time] today, tomorrow, the day after, this week, later, running, over", () => {
    const now = at("2026-11-26T09:00");
    const cases: [string, string][] = [
      ["2026-11-26T09:30", "in 30 Minuten (09:30 Uhr)"],
      ["2026-11-26T14:00", "heute, 14:00 Uhr"],
      ["2026-11-27T10:00", "morgen, 10:00 Uhr"],
      ["2026-11-28T09:30", "übermorgen, 09:30 Uhr"],
      ["2026-12-01T10:00", "am Dienstag, 10:00 Uhr"],
      ["2026-12-10T10:00", "am Donnerstag, 10. Dezember, 10:00 Uhr (in 14 Tagen)"],
    ];
    for (const [start, said] of cases) assert.equal(describeStart(at(start), hourLater(at(start)), now), said, start);
    assert.equal(describeStart(at("2026-11-26T08:30"), at("2026-11-26T10:00"), now), "läuft gerade");
    assert.equal(describeStart(at("2026-11-26T07:00"), at("2026-11-26T08:00"), now), "vorbei");
  });

  test("[berlin-time] 'morgen' is the next Berlin day, also late in the evening in UTC terms", () => {
    // 23:30 in Berlin is already the next day in UTC, and 00:30 the next day in Berlin
    assert.equal(describeStart(at("2026-11-27T00:30"), at("2026-11-27T01:30"), at("2026-11-26T23:30")), "in 60 Minuten (00:30 Uhr)");
    assert.equal(describeStart(at("2026-11-27T10:00"), at("2026-11-27T11:00"), at("2026-11-26T23:30")), "morgen, 10:00 Uhr");
  });

  test("[berlin-time] a range on one day names the day once", () => {
    assert.equal(formatBerlinRange(at("2027-03-29T10:00"), at("2027-03-29T11:30")), "Montag, 29. März 2027, 10:00–11:30 Uhr");
  });
});
