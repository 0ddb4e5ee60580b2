import assert from "node:assert/strict";
import { test } from "node:test";
import ICAL from "ical.js";
import { db } from "../../db";
import { env } from "../../env";
import { talkCalendarResponse, talksFeedResponse } from "../../http/impulse-calendar";
import { makeImpulseTalk } from "../../test/factories";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { htmlToText, talkCalendar, talksFeed, talkUid } from "./calendar";
import { actorFromCalendarToken, getCalendarFeedAddress, renewCalendarFeedAddress } from "./calendar-token";
import type { ImpulseTalkDto } from "./dto";
import { updateImpulseTalk } from "./update-talk";
import { talkEditInput } from "../../test/talk-edit-input";

const { actors } = await openTestDatabase();
const { participant, moderator, reader } = actors;

/** Parsed with ical.js, an independent parser; the file's own VTIMEZONE is the only zone it knows. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vtimezones = calendar.getAllSubcomponents("vtimezone");
  for (const vtimezone of vtimezones) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
  return { calendar, vtimezones, events };
}

const eventFor = (ics: string, talkId: string) => {
  const event = parse(ics).events.find((candidate) => candidate.uid === talkUid(talkId));
  assert.ok(event, `the feed has ${talkId}`);
  return event;
};

/** Moves a talk through the service, with every field as it is. */
async function moveTalk(talk: ImpulseTalkDto, startsAt: string, endsAt: string): Promise<ImpulseTalkDto> {
  const { result } = await updateImpulseTalk(moderator, talkEditInput(talk, { startsAt, endsAt, abstract: "Worum es **wirklich** geht & warum", attachments: [] }));

  return result;
}

const dstCases = [
  // the clock goes forward on Sunday 2027-03-28: 10:00 is 09:00Z before, 08:00Z after
  { label: "Saturday before the March change", local: "2027-03-27T10:00", utc: "2027-03-27T09:00:00.000Z" },
  { label: "Monday after the March change", local: "2027-03-29T10:00", utc: "2027-03-29T08:00:00.000Z" },
  // and back on Sunday 2027-10-31
  { label: "Saturday before the October change", local: "2027-10-30T10:00", utc: "2027-10-30T08:00:00.000Z" },
  { label: "Monday after the October change", local: "2027-11-01T10:00", utc: "2027-11-01T09:00:00.000Z" },
];

for (const { label, local, utc } of dstCases) {
  test(`[impulse/calendar] ${label}: 10:00 Europe/Berlin, ${utc.slice(11, 16)}Z`, async () => {
    const talk = await moveTalk(await makeImpulseTalk(moderator), local, local.replace("T10:", "T11:"));
    assert.equal(talk.startsAt, utc);
    const { ics, fileName } = await talkCalendar(participant, talk.id);
    assert.equal(fileName, `impulsvortrag-${local.slice(0, 10)}.ics`);
    assert.match(ics, new RegExp(`DTSTART;TZID=Europe/Berlin:${local.replace(/[-:]/g, "")}00`));
    const { vtimezones, events } = parse(ics);
    assert.equal(vtimezones.length, 1);
    assert.equal(vtimezones[0]!.getFirstPropertyValue("tzid"), "Europe/Berlin");
    const [event] = events;
    assert.equal(event!.startDate.zone?.tzid, "Europe/Berlin");
    assert.equal(event!.startDate.toString(), `${local}:00`);
    assert.equal(event!.startDate.toJSDate().toISOString(), utc);
    assert.equal(event!.endDate.toJSDate().toISOString(), new Date(Date.parse(utc) + 3_600_000).toISOString());
    // the feed says the same
    const feedEvent = eventFor(await talksFeed(reader), talk.id);
    assert.equal(feedEvent.startDate.toJSDate().toISOString(), utc);
  });
}

test("[impulse/calendar] one talk: UID, SEQUENCE, status, texts, link and calendar name", async () => {
  const talk = await makeImpulseTalk(moderator, { title: "Once-Only in Hamburg: Erfahrungen" });
  const { ics } = await talkCalendar(reader, talk.id);
  const { calendar, events } = parse(ics);
  assert.equal(calendar.getFirstPropertyValue("x-wr-calname"), "GDST Impulsvorträge");
  assert.equal(calendar.getFirstPropertyValue("method"), "PUBLISH");
  assert.match(ics, /X-PUBLISHED-TTL:PT4H/);
  const [event] = events;
  assert.equal(event!.uid, `${talk.id}@${new URL(env.publicUrl).hostname}`);
  assert.equal(event!.sequence, talk.sequence);
  assert.equal(event!.summary, "Once-Only in Hamburg: Erfahrungen");
  assert.equal(event!.component.getFirstPropertyValue("status"), "CONFIRMED");
  assert.equal(event!.component.getFirstPropertyValue("url"), `${env.publicUrl}/impulse/${talk.id}`);
  assert.equal(event!.location, "https://konferenz.example.org/impuls");
  assert.deepEqual(event!.component.getFirstProperty("categories")!.getValues(), ["Impulsvortrag", "Lösungen anderer Bundesländer"]);
  assert.match(event!.description, /Vortragende: Dr\. Anna Beispiel/);
  assert.match(event!.description, /Organisation: Digitalagentur Beispielland \(Hamburg\)/);
  assert.match(event!.description, /Worum es geht/);
  assert.ok(event!.description.includes(`${env.publicUrl}/impulse/${talk.id}`));
  assert.doesNotMatch(event!.description, /<[a-z]/i, "no HTML in the plain description");
  // one VTIMEZONE for the events' zone; the stamps are UTC, as RFC 5545 requires
  assert.equal(calendar.getAllSubcomponents("vtimezone").length, 1);
  assert.match(ics, /X-WR-TIMEZONE:Europe\/Berlin/);
  for (const property of ["DTSTAMP", "CREATED", "LAST-MODIFIED"]) assert.match(ics, new RegExp(`\r\n${property}:\\d{8}T\\d{6}Z\r\n`), property);
});

test("[impulse/calendar] a moved talk keeps its UID and raises SEQUENCE", async () => {
  const talk = await moveTalk(await makeImpulseTalk(moderator), "2027-05-04T10:00", "2027-05-04T11:30");
  const before = eventFor(await talksFeed(participant), talk.id);
  const moved = await moveTalk(talk, "2027-05-06T14:00", "2027-05-06T15:00");
  const after = eventFor(await talksFeed(participant), talk.id);
  assert.equal(after.uid, before.uid);
  assert.ok(after.sequence > before.sequence, `SEQUENCE ${before.sequence} → ${after.sequence}`);
  assert.equal(after.sequence, moved.sequence);
  assert.equal(after.startDate.toString(), "2027-05-06T14:00:00");
  assert.match(after.description, /Worum es wirklich geht & warum/);
});

test("[impulse/calendar] a cancelled talk is STATUS:CANCELLED in the file and the feed", async () => {
  const talk = await makeImpulseTalk(moderator, { cancelled: true });
  const { ics } = await talkCalendar(participant, talk.id);
  assert.equal(parse(ics).events[0]!.component.getFirstPropertyValue("status"), "CANCELLED");
  const fromFeed = eventFor(await talksFeed(participant), talk.id);
  assert.equal(fromFeed.component.getFirstPropertyValue("status"), "CANCELLED");
  assert.equal(fromFeed.sequence, talk.sequence);
  assert.match(fromFeed.description, /^ABGESAGT: Testaufbau/);
});

test("[impulse/calendar] the feed has past talks of the last year and all upcoming ones", async () => {
  const past = await makeImpulseTalk(moderator, { startsInHours: -24 * 30 });
  const longAgo = await makeImpulseTalk(moderator, { startsInHours: -24 * 400 });
  const upcoming = await makeImpulseTalk(moderator);
  const uids = parse(await talksFeed(reader)).events.map((event) => event.uid);
  assert.ok(uids.includes(talkUid(past.id)));
  assert.ok(uids.includes(talkUid(upcoming.id)));
  assert.ok(!uids.includes(talkUid(longAgo.id)));
});

test("[impulse/calendar] abstract HTML becomes readable text", () => {
  assert.equal(
    htmlToText("<p>Eins &amp; <strong>zwei</strong></p><ul><li>drei</li><li>&#x3C;vier&#x3E;</li></ul><p>f&uuml;nf&nbsp;sechs</p>"),
    "Eins & zwei\n\n- drei\n- <vier>\n\nf&uuml;nf sechs",
  );
});

test("[impulse/calendar] feed token: made once, 43 characters, the same on every look", async () => {
  const first = await getCalendarFeedAddress(reader);
  const again = await getCalendarFeedAddress(reader);
  assert.equal(first.url, again.url);
  const token = new URL(first.url).searchParams.get("token")!;
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  assert.ok(first.url.startsWith(`${env.publicUrl}/api/calendar/impulse.ics?token=`));
  assert.equal((await actorFromCalendarToken(token)).id, reader.id);
  await assert.rejects(getCalendarFeedAddress(null), { code: "UNAUTHORIZED" });
});

const feed = (query: string) => talksFeedResponse(new Request(`http://localhost/api/calendar/impulse.ics${query}`));
const INVALID = "Diese Kalender-Adresse ist ungültig oder wurde erneuert. Die aktuelle Adresse finden Sie in Ihren Einstellungen.";

test("[impulse/calendar] feed route: a reader's token gives the calendar, privately", async () => {
  const talk = await makeImpulseTalk(moderator);
  const { url } = await getCalendarFeedAddress(reader);
  const response = await feed(new URL(url).search);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "text/calendar; charset=utf-8");
  assert.equal(response.headers.get("cache-control"), "private, no-store");
  eventFor(await response.text(), talk.id);
});

test("[impulse/calendar] feed route: missing, malformed, unknown tokens are a 401 with the German sentence", async () => {
  const unknown = Buffer.alloc(32, 7).toString("base64url");
  for (const query of ["", "?token=", "?token=abc", `?token=${"x".repeat(5000)}`, "?token=%00%FF", `?token=${unknown}`, "?token[]=1&token=2"]) {
    const response = await feed(query);
    assert.equal(response.status, 401, query.slice(0, 40));
    assert.equal(await response.text(), INVALID);
    assert.match(response.headers.get("content-type") ?? "", /^text\/plain/);
  }
});

test("[impulse/calendar] renewing: the old address is refused, the new one works", async () => {
  const old = await getCalendarFeedAddress(participant);
  const { result: renewed } = await renewCalendarFeedAddress(participant);
  assert.notEqual(renewed.url, old.url);
  assert.equal((await getCalendarFeedAddress(participant)).url, renewed.url);
  const refused = await feed(new URL(old.url).search);
  assert.equal(refused.status, 401);
  assert.equal(await refused.text(), INVALID);
  assert.equal((await feed(new URL(renewed.url).search)).status, 200);
  await assert.rejects(renewCalendarFeedAddress(null), { code: "UNAUTHORIZED" });
});

test("[impulse/calendar] a deactivated user's address is refused", async () => {
  const user = await createTestUser("PARTICIPANT");
  const { url } = await getCalendarFeedAddress(user);
  assert.equal((await feed(new URL(url).search)).status, 200);
  await db().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
  const refused = await feed(new URL(url).search);
  assert.equal(refused.status, 401);
  assert.equal(await refused.text(), INVALID);
});

test("[impulse/calendar] talk route: the .ics download, a 401 signed out, a German 404 for unknown or garbage ids", async () => {
  const talk = await makeImpulseTalk(moderator);
  const response = await talkCalendarResponse(participant, talk.id);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "text/calendar; charset=utf-8");
  assert.match(response.headers.get("content-disposition") ?? "", /^attachment; filename="impulsvortrag-\d{4}-\d{2}-\d{2}\.ics"$/);
  assert.equal(parse(await response.text()).events[0]!.uid, talkUid(talk.id));

  const signedOut = await talkCalendarResponse(null, talk.id);
  assert.equal(signedOut.status, 401);
  assert.equal(await signedOut.text(), "Bitte melden Sie sich an, um den Impulsvortrag in Ihren Kalender zu übernehmen.");
  for (const garbage of ["00000000-0000-4000-8000-000000000000", "kein-vortrag", "'; DROP TABLE x", "x".repeat(3000), ""]) {
    const notFound = await talkCalendarResponse(reader, garbage);
    assert.equal(notFound.status, 404, garbage.slice(0, 40));
    assert.equal(await notFound.text(), "Diesen Impulsvortrag gibt es nicht.");
  }
});
