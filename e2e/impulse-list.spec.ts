import type { Page } from "@playwright/test";
import { berlinLocalToDate, describeStart, toBerlinLocal } from "../server/schemas/berlin-time";
import { expect, expectAccessible, horizontalOverflow, screens, test } from "./fixtures";

/** Seeded by seeds/demo-impulse.ts. */
const seeded = {
  pastWithRecording: "Digitale Baugenehmigung in Hamburg: vom Antrag bis zum Bescheid",
  pastLighthouse: "Magdeburg digital: Terminvergabe und Bürgerbüro online",
  cancelled: "Registermodernisierung in der Praxis: Erfahrungen aus Nordrhein-Westfalen",
  upcomingFuture: "KI-Assistenz in der Sachbearbeitung: was heute geht und was morgen kommt",
};

const card = (page: Page, title: string) => page.getByRole("article", { name: title });

/**
 * Hours from now to 01:30 tomorrow, Berlin time: early, so the talk is the next one on the home page,
 * yet always more than an hour ahead (within the hour the countdown says minutes, even at 23:50), and
 * an hour the clock changes never skip. Tomorrow is the Berlin day of now + 24 h (right across both
 * clock changes); a few seconds are added because the form's minute is truncated.
 */
function tomorrowEarly() {
  const tomorrow = toBerlinLocal(new Date(Date.now() + 24 * 3_600_000)).slice(0, 10);
  const start = berlinLocalToDate(`${tomorrow}T01:30`)!;
  return { start, startsInHours: (start.getTime() - Date.now() + 20_000) / 3_600_000 };
}

test.describe("[impulse] talk list and home page", () => {
  test("[impulse] upcoming and past talks as tabs in the URL; a cancelled talk and a recording are marked", async ({ asParticipant: page }) => {
    await page.goto("/impulse");
    await expect(page.getByRole("heading", { level: 1, name: "Impulsvorträge" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Bevorstehend" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 2, name: "Bevorstehende Vorträge" })).toBeVisible();
    await expect(card(page, seeded.upcomingFuture)).toContainText("Blick in die Zukunft");
    await expect(card(page, seeded.upcomingFuture)).toContainText(/\(in \d+ Tagen\)/);
    await expect(card(page, seeded.cancelled)).toContainText("Abgesagt");
    await expect(card(page, seeded.pastWithRecording)).toHaveCount(0);
    // participants do not schedule talks
    await expect(page.getByRole("link", { name: "Vortrag ansetzen" })).toHaveCount(0);

    await page.getByRole("link", { name: "Vergangen" }).click();
    await expect(page).toHaveURL(/\/impulse\?zeit=vergangen$/);
    await expect(page.getByRole("heading", { level: 2, name: "Vergangene Vorträge" })).toBeVisible();
    await expect(card(page, seeded.pastWithRecording)).toContainText("Aufzeichnung");
    await expect(card(page, seeded.pastWithRecording)).toContainText("Dr. Katharina Brandt, Ole Petersen · Behörde für Stadtentwicklung und Wohnen Hamburg, Hamburg");
    await expect(card(page, seeded.pastLighthouse)).not.toContainText("Aufzeichnung");
    await expect(card(page, seeded.upcomingFuture)).toHaveCount(0);
    // the past list is latest first
    const titles = await page.getByTestId("talk-card").getByRole("heading").allTextContents();
    expect(titles.indexOf(seeded.pastLighthouse)).toBeLessThan(titles.indexOf(seeded.pastWithRecording));

    await card(page, seeded.pastWithRecording).getByRole("link", { name: seeded.pastWithRecording }).click();
    await expect(page.getByRole("heading", { level: 1, name: seeded.pastWithRecording })).toBeVisible();
  });

  test("[impulse] series and working group filters live in the URL and survive a reload", async ({ asParticipant: page, make }) => {
    const lighthouse = await make.talk({ title: make.name("Leuchtturm Salzlandkreis"), category: "LIGHTHOUSE", slugs: ["organisation"] });
    const future = await make.talk({ title: make.name("Zukunft Verwaltungscloud"), category: "FUTURE", slugs: ["strategie"] });
    await page.goto("/impulse");
    const filters = page.getByRole("form", { name: "Impulsvorträge filtern" });
    await filters.getByLabel("Reihe").selectOption({ label: "Leuchtturmprojekte Sachsen-Anhalts" });
    await filters.getByRole("button", { name: "Filter anwenden" }).click();
    await expect(page).toHaveURL(/[?&]reihe=LIGHTHOUSE/);
    await expect(card(page, lighthouse.title)).toBeVisible();
    await expect(card(page, future.title)).toHaveCount(0);
    await page.reload();
    await expect(filters.getByLabel("Reihe")).toHaveValue("LIGHTHOUSE");
    await expect(card(page, lighthouse.title)).toBeVisible();
    await expect(card(page, future.title)).toHaveCount(0);

    await filters.getByLabel("Reihe").selectOption({ label: "Alle Reihen" });
    await filters.getByLabel("Arbeitsgruppe").selectOption({ label: "Arbeitsgruppe Strategie" });
    await filters.getByRole("button", { name: "Filter anwenden" }).click();
    await expect(page).toHaveURL(/[?&]gruppe=strategie/);
    await expect(card(page, future.title)).toBeVisible();
    await expect(card(page, lighthouse.title)).toHaveCount(0);
    await page.reload();
    await expect(filters.getByLabel("Arbeitsgruppe")).toHaveValue("strategie");
    await expect(card(page, future.title)).toBeVisible();

    // the tab keeps the filters; nothing past in this group and series is said in words
    await page.goto("/impulse?zeit=vergangen&reihe=LIGHTHOUSE&gruppe=technik");
    await expect(page.getByText("Zu diesen Filtern gibt es keine vergangenen Impulsvorträge.")).toBeVisible();
    await page.getByRole("link", { name: "Bevorstehend" }).click();
    await expect(page).toHaveURL(/\/impulse\?reihe=LIGHTHOUSE&gruppe=technik$/);
    await page.getByRole("link", { name: "Filter zurücksetzen" }).click();
    await expect(page).toHaveURL(/\/impulse$/);
    await expect(card(page, lighthouse.title)).toBeVisible();
    await expect(card(page, future.title)).toBeVisible();
  });

  test("[impulse] the home page counts down to a talk tomorrow in words", async ({ asParticipant: page, make }) => {
    let { start, startsInHours } = tomorrowEarly();
    // Between Berlin midnight and the seeded talk of the day the server was seeded before midnight,
    // that talk is "heute" and comes first whatever starts tomorrow: then the test's talk starts
    // before it, today (its words are checked the same way)
    await page.goto("/");
    const seededNext = await page.getByRole("region", { name: "Nächster Impulsvortrag" }).locator("time").first().getAttribute("datetime", { timeout: 10_000 }).catch(() => null);
    const isTomorrow = !seededNext || new Date(seededNext) > start;
    if (!isTomorrow) {
      const target = new Date(Math.min(Date.now() + 65 * 60_000, new Date(seededNext!).getTime() - 10 * 60_000));
      start = berlinLocalToDate(toBerlinLocal(target))!;
      startsInHours = (start.getTime() - Date.now() + 20_000) / 3_600_000;
    }
    const talk = await make.talk({ title: make.name("Morgen früh"), startsInHours });
    const end = new Date(start.getTime() + 3_600_000);
    const before = describeStart(start, end);
    if (isTomorrow) expect(before).toBe("morgen, 01:30 Uhr");
    await page.goto("/");
    // loaded across midnight it is "heute" already: both are right at their moment
    const after = describeStart(start, end);
    const section = page.getByRole("region", { name: "Nächster Impulsvortrag" });
    await expect(section.getByRole("link", { name: talk.title })).toBeVisible();
    await expect(section).toContainText(before === after ? before : new RegExp(`${before}|${after}`));
    await section.getByRole("link", { name: "Alle Impulsvorträge" }).click();
    await expect(page).toHaveURL(/\/impulse$/);
    await expect(card(page, talk.title)).toBeVisible();
  });

  test("[impulse] a reader sees the next talk, the list and a talk page with the recording first; moderation may schedule", async ({ asReader, asModerator }) => {
    await asReader.goto("/");
    await expect(asReader.getByRole("region", { name: "Nächster Impulsvortrag" })).toBeVisible();
    await asReader.goto("/impulse?zeit=vergangen");
    await expect(card(asReader, seeded.pastWithRecording)).toBeVisible();
    await expect(asReader.getByRole("link", { name: "Vortrag ansetzen" })).toHaveCount(0);
    await card(asReader, seeded.pastWithRecording).getByRole("link", { name: seeded.pastWithRecording }).click();
    await expect(asReader.getByRole("heading", { level: 1, name: seeded.pastWithRecording })).toBeVisible();
    // after the talk the recording and the materials come before the abstract
    const headings = await asReader.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings.indexOf("Aufzeichnung und Materialien")).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf("Aufzeichnung und Materialien")).toBeLessThan(headings.indexOf("Worum es geht"));
    await expect(asReader.getByRole("link", { name: /Aufzeichnung ansehen/ })).toHaveAttribute("href", /^https:\/\//);
    await expect(asReader.getByRole("link", { name: /Folien \(PDF\)/ })).toBeVisible();

    await asModerator.goto("/impulse");
    await expect(asModerator.getByRole("link", { name: "Vortrag ansetzen" })).toHaveAttribute("href", "/impulse/neu");
  });

  test("[impulse] list and talk pages: accessible, no sideways scroll at 320 px, screenshots", async ({ asParticipant: page }) => {
    test.slow(); // six pages, each scanned by axe and measured at two widths
    const pages: [string, string][] = [
      ["/impulse", "impulse-liste"],
      ["/impulse?zeit=vergangen", "impulse-liste-vergangen"],
      ["/impulse?reihe=FUTURE&gruppe=organisation&zeit=vergangen", "impulse-liste-leer"],
    ];
    for (const [url, name] of pages) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1, name: "Impulsvorträge" })).toBeVisible();
      await expectAccessible(page);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await horizontalOverflow(page), `${url} at 320 px`).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 800 });
      await screens(page, name);
    }
    for (const [title, name] of [
      [seeded.pastWithRecording, "impulse-vortrag-vergangen"],
      [seeded.upcomingFuture, "impulse-vortrag-bevorstehend"],
      [seeded.cancelled, "impulse-vortrag-abgesagt"],
    ]) {
      await page.goto(title === seeded.pastWithRecording ? "/impulse?zeit=vergangen" : "/impulse");
      await card(page, title).getByRole("link", { name: title }).click();
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      // after a client-side navigation the title arrives with the streamed metadata
      await expect.poll(() => page.title()).toContain(title);
      await expectAccessible(page);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await horizontalOverflow(page), `${title} at 320 px`).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 800 });
      await screens(page, name);
    }
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Nächster Impulsvortrag" })).toBeVisible();
    await screens(page, "impulse-start");
  });
});
