import { readFile } from "node:fs/promises";
import type { APIRequestContext } from "@playwright/test";
import ICAL from "ical.js";
import { berlinLocal, expect, expectAccessible, horizontalOverflow, screens, test, trpc } from "./fixtures";
import { talkEditInput } from "../server/test/talk-edit-input";
import type { ImpulseTalkDto } from "../server/services/impulse-talks/dto";
import { toBerlinLocal } from "../server/schemas/berlin-time";

const INVALID = "Diese Kalender-Adresse ist ungültig oder wurde erneuert. Die aktuelle Adresse finden Sie in Ihren Einstellungen.";

/** Parsed with ical.js, registering the file's own VTIMEZONE: the times must stand on what the file says. */
function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vtimezones = calendar.getAllSubcomponents("vtimezone");
  expect(vtimezones.map((zone) => zone.getFirstPropertyValue("tzid"))).toEqual(["Europe/Berlin"]);
  for (const zone of vtimezones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

const feedPath = (address: string) => {
  const url = new URL(address);
  return `${url.pathname}${url.search}`;
};

/** A calendar client fetches again when a kept-alive connection was reset under it; so does this. */
async function getFeed(request: APIRequestContext, address: string) {
  try {
    return await request.get(feedPath(address));
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return request.get(feedPath(address));
  }
}

async function feedEvent(request: APIRequestContext, address: string, talkId: string) {
  const response = await getFeed(request, address);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  const event = eventsOf(await response.text()).find((candidate) => candidate.uid.startsWith(`${talkId}@`));
  expect(event, "the talk is in the feed").toBeTruthy();
  return event!;
}

test.describe("[impulse-calendar] calendar file and subscription", () => {
  test("[impulse-calendar] a participant adds a talk, subscribes, sees it moved in the feed, renews the address", async ({ asParticipant, asModerator, make }) => {
    const created = await make.talk({ startsInHours: 24 * 9 });
    const { data: talk }: { data: ImpulseTalkDto } = await trpc(asModerator.request, "impulseTalk.byId", { talkId: created.id }, "query");
    // the talk's own start in Berlin wall-clock time: computing "9 days from now" again here could land a minute later
    const startsAt = toBerlinLocal(new Date(talk.startsAt));

    // the download from the talk page
    await asParticipant.goto(created.url);
    const downloading = asParticipant.waitForEvent("download");
    await asParticipant.getByRole("link", { name: /Zum Kalender hinzufügen/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`impulsvortrag-${startsAt.slice(0, 10)}.ics`);
    const [fileEvent] = eventsOf(await readFile((await download.path())!, "utf8"));
    expect(fileEvent!.summary).toBe(created.title);
    expect(fileEvent!.startDate.zone?.tzid).toBe("Europe/Berlin");
    expect(fileEvent!.startDate.toString()).toBe(`${startsAt}:00`);
    expect(fileEvent!.startDate.toJSDate().toISOString()).toBe(talk.startsAt);
    await screens(asParticipant, "impulse-calendar-talk");

    // the subscription address, as the settings page shows it
    await asParticipant.goto("/einstellungen/kalender");
    await expect(asParticipant.getByRole("heading", { level: 1, name: "Impulsvorträge im Kalender" })).toBeVisible();
    await expect(asParticipant.getByRole("navigation", { name: "Einstellungen" }).getByRole("link", { name: "Kalender" })).toHaveAttribute("aria-current", "page");
    const addressField = asParticipant.getByRole("textbox", { name: "Adresse zum Abonnieren" });
    const address = await addressField.inputValue();
    expect(address).toMatch(/\/api\/calendar\/impulse\.ics\?token=[A-Za-z0-9_-]{43}$/);
    const before = await feedEvent(asParticipant.request, address, created.id);
    expect(before.startDate.toString()).toBe(`${startsAt}:00`);

    // moderation moves the talk by a day and two hours
    const movedStart = berlinLocal(24 * 10 + 2);
    const { error } = await trpc(
      asModerator.request,
      "impulseTalk.update",
      talkEditInput(talk, { startsAt: movedStart, endsAt: berlinLocal(24 * 10 + 3), abstract: "Wie das Land die Leistung digitalisiert hat." }),
    );
    expect(error).toBeUndefined();
    const after = await feedEvent(asParticipant.request, address, created.id);
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.startDate.toString()).toBe(`${movedStart}:00`);

    await expectAccessible(asParticipant);
    expect(await horizontalOverflow(asParticipant)).toBe(0);
    await screens(asParticipant, "impulse-calendar-settings");

    // renewing: confirm, a new address; the old one is refused with the German sentence
    await asParticipant.getByRole("button", { name: "Adresse erneuern", exact: true }).click();
    const dialog = asParticipant.getByRole("dialog", { name: "Kalender-Adresse erneuern?" });
    await expect(dialog).toBeVisible();
    await expectAccessible(asParticipant);
    await dialog.getByRole("button", { name: "Ja, Adresse erneuern" }).click();
    await expect(asParticipant.getByRole("status").filter({ hasText: "Die Adresse wurde erneuert." })).toBeVisible();
    await expect(addressField).not.toHaveValue(address);
    const renewed = await addressField.inputValue();
    const refused = await getFeed(asParticipant.request, address);
    expect(refused.status()).toBe(401);
    expect(await refused.text()).toBe(INVALID);
    await feedEvent(asParticipant.request, renewed, created.id);
    // a reload shows the same renewed address
    await asParticipant.reload();
    await expect(addressField).toHaveValue(renewed);
  });

  test("[impulse-calendar] garbage talk ids and tokens are German 4xx answers, signed out the file is refused", async ({ asReader, playwright, baseURL }) => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "kein-vortrag", "%27%3B--"]) {
      const response = await asReader.request.get(`/api/calendar/impulse/${id}`);
      expect(response.status()).toBe(404);
      expect(await response.text()).toBe("Diesen Impulsvortrag gibt es nicht.");
    }
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const query of ["", "?token=", "?token=kurz", `?token=${"A".repeat(43)}`, `?token=${"x".repeat(3000)}`]) {
      const response = await anonymous.get(`/api/calendar/impulse.ics${query}`);
      expect(response.status(), query.slice(0, 30)).toBe(401);
      expect(await response.text()).toBe(INVALID);
    }
    const signedOut = await anonymous.get("/api/calendar/impulse/00000000-0000-4000-8000-000000000000");
    expect(signedOut.status()).toBe(401);
    await anonymous.dispose();
  });
});
