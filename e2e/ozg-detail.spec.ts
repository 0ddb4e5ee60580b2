import type { Page } from "@playwright/test";
import { expect, expectAccessible, horizontalOverflow, screens, test, trpc } from "./fixtures";

/** The service page of the Führerschein (OZG-ID 10169): a focus service with LeiKa services and a year of history. */
const FUEHRERSCHEIN = "/ozg/leistungen/10169";

/** Promotes a fresh spotlight so that readers see it. */
async function promote(moderator: Page, spotlightId: string) {
  for (const step of [
    { fromStatus: "PROPOSED", to: "IN_REVIEW" },
    { fromStatus: "IN_REVIEW", to: "PROMOTED" },
  ]) {
    expect((await trpc(moderator.request, "spotlight.transition", { spotlightId, ...step })).error).toBeUndefined();
  }
}

test.describe("[ozg-detail] a service's page", () => {
  test("[ozg-detail] a participant opens a service with its history and follows it", async ({ users }) => {
    // long pages, full-page screenshots at three widths and several roles: more than a minute on a busy 2-core machine
    test.slow();
    const page = await users.pageOf(await users.invite({ role: "PARTICIPANT" }));
    await page.goto(FUEHRERSCHEIN);
    await expect(page.getByRole("heading", { level: 1, name: "Führerschein" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Brotkrumen" }).getByRole("link", { name: "Alle Leistungen" })).toHaveAttribute("href", "/ozg/leistungen");

    // the phase: named, described and one of the steps marked as the current one
    await expect(page.getByRole("list", { name: "Phasen der Umsetzung" }).locator('[aria-current="step"]')).toHaveCount(1);
    const fields = page.getByRole("region", { name: "Angaben" });
    await expect(fields.getByText("Fokusleistung", { exact: true })).toBeVisible();
    await expect(fields.getByText(/^Ministerium|^Staatskanzlei/)).toBeVisible();

    // the LeiKa services with their legal basis as links
    const law = page.getByRole("link", { name: /gesetze-im-internet\.de\/fev_2010\/__4\.html/ });
    await expect(law).toHaveAttribute("href", "http://www.gesetze-im-internet.de/fev_2010/__4.html");
    await expect(law).toHaveAttribute("rel", /noopener/);

    // the history: one entry per import, newest first, with what changed, when, by whom and from which file
    const history = page.getByRole("list", { name: "Verlauf der Leistung" });
    const entries = history.locator(":scope > li");
    expect(await entries.count()).toBeGreaterThan(0);
    await expect(history).toContainText(/Import „Nachnutzungsuebersicht_\d{4}-\d{2}\.csv“ · von /);
    await expect(entries.last()).toContainText("Phase:");
    const days = await history.locator(":scope > li time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    expect(days).toEqual([...days].sort().reverse());

    await page.getByRole("button", { name: "Folgen", exact: true }).click();
    await expect(page.getByRole("button", { name: "Nicht mehr folgen" })).toBeVisible();
    await page.reload();
    await page.getByRole("button", { name: "Nicht mehr folgen" }).click();
    await expect(page.getByRole("button", { name: "Folgen", exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("button", { name: "Folgen", exact: true })).toBeVisible();

    await expectAccessible(page);
    await screens(page, "ozg-leistung");
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await horizontalOverflow(page)).toBe(0);
  });

  test("[ozg-detail] a participant links services to a thread by name and by ID; the thread shows on the service", async ({ asParticipant: page, asParticipant2, make }) => {
    // long pages, full-page screenshots at three widths and several roles: more than a minute on a busy 2-core machine
    test.slow();
    const thread = await make.thread({ title: make.name("Führerschein online") });
    await page.goto(thread.url);
    const linked = page.getByRole("region", { name: "Verknüpfte OZG-Leistungen" });
    await expect(linked).toContainText("Noch keine Leistung verknüpft.");
    await linked.getByRole("button", { name: "Leistung verknüpfen" }).click();
    const search = linked.getByLabel("Leistung suchen (Name oder OZG-ID)");
    await expect(search).toBeFocused();

    // by name, with the mouse
    await search.fill("Führerschein");
    await linked.getByRole("button", { name: "Führerschein (10169) verknüpfen" }).click();
    await expect(linked.getByRole("link", { name: "Führerschein" })).toHaveAttribute("href", FUEHRERSCHEIN);
    await expect(linked.getByRole("listitem").filter({ hasText: "Führerschein" }).first()).toContainText("OZG-ID 10169");

    // by ID, with the keyboard only
    await search.fill("10000");
    const elterngeld = linked.getByRole("button", { name: "Elterngeld (10000) verknüpfen" });
    await expect(elterngeld).toBeVisible();
    await expect(linked.getByText("1 Treffer")).toBeVisible();
    await expect(search).toBeFocused();
    // from the search past "Schließen" to the hit
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(elterngeld).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(linked.getByRole("link", { name: "Elterngeld" })).toBeVisible();
    await screens(page, "ozg-thema-verknuepft");
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await horizontalOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });

    // another participant sees the links but may not remove the author's
    await asParticipant2.goto(thread.url);
    const theirs = asParticipant2.getByRole("region", { name: "Verknüpfte OZG-Leistungen" });
    await expect(theirs.getByRole("link", { name: "Elterngeld" })).toBeVisible();
    await expect(theirs.getByRole("button", { name: /entfernen/ })).toHaveCount(0);

    // the author removes one; after a reload it is still gone
    await linked.getByRole("button", { name: "Verknüpfung mit Elterngeld entfernen" }).click();
    await expect(linked.getByRole("link", { name: "Elterngeld" })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("region", { name: "Verknüpfte OZG-Leistungen" }).getByRole("link", { name: "Führerschein" })).toBeVisible();

    // the thread on the service's page leads back to it
    await page.goto(FUEHRERSCHEIN);
    const threads = page.getByRole("region", { name: "Diskussionen" });
    await threads.getByRole("link", { name: thread.title }).click();
    await expect(page).toHaveURL(new RegExp(`${thread.id}`));
    await expect(page.getByRole("heading", { level: 1, name: thread.title })).toBeVisible();
  });

  test("[ozg-detail] a reader sees the service and its spotlights but no threads and no picker", async ({ asReader, asParticipant, asModerator, make }) => {
    const thread = await make.thread({ title: make.name("Nur für Teilnehmende") });
    expect((await trpc(asParticipant.request, "ozg.linkThread", { threadId: thread.id, ozgId: "10169" })).error).toBeUndefined();
    const spotlight = await make.spotlight({ title: make.name("Führerschein-Spotlight") });
    expect((await trpc(asParticipant.request, "ozg.linkSpotlight", { spotlightId: spotlight.id, ozgId: "10169" })).error).toBeUndefined();
    await promote(asModerator, spotlight.id);

    await asReader.goto(FUEHRERSCHEIN);
    await expect(asReader.getByRole("heading", { level: 1, name: "Führerschein" })).toBeVisible();
    await expect(asReader.getByRole("region", { name: "Diskussionen" })).toHaveCount(0);
    await expect(asReader.getByText(thread.title)).toHaveCount(0);
    await expect(asReader.getByRole("region", { name: "Spotlights" }).getByRole("link", { name: new RegExp(spotlight.title) })).toBeVisible();
    await expect(asReader.getByRole("button", { name: "Folgen", exact: true }).or(asReader.getByRole("button", { name: "Nicht mehr folgen" }))).toBeVisible();

    await asReader.goto(spotlight.url);
    const linked = asReader.getByRole("region", { name: "Verknüpfte OZG-Leistungen" });
    await expect(linked.getByRole("link", { name: "Führerschein" })).toBeVisible();
    await expect(linked.getByRole("button")).toHaveCount(0);
    await expectAccessible(asReader);
    await screens(asReader, "ozg-spotlight-lesend");
  });

  test("[ozg-detail] an unknown or garbage OZG-ID gives the German 404", async ({ asParticipant: page }) => {
    for (const segment of ["99999999", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "W".repeat(300)]) {
      const response = await page.goto(`/ozg/leistungen/${segment}`);
      expect(response?.status(), segment).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Seite nicht gefunden" })).toBeVisible();
      await expect(page.getByRole("main")).toHaveCount(1);
    }
  });
});
