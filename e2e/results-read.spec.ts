import type { Page } from "@playwright/test";
import { expect, expectAccessible, horizontalOverflow, screens, test, trpc } from "./fixtures";

/**
 * Reading the results document: the latest version, older versions, the comparison, the print view,
 * the start page's news and the "cited in" blocks. Other specs may publish too: assertions name what
 * this spec published itself, never absolute version numbers.
 */

const TITLE = "Ergebnisdokument Gemeinsam Digital für Sachsen-Anhalt";
const TECHNIK = "Technik – Womit soll es gemacht werden?";
const THREAD = "Vorstellungsrunde: Wo steht Ihre Kommune bei der Anbindung?";

async function expectNotFound(page: Page, url: string, heading = "Seite nicht gefunden") {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: heading }), url).toBeVisible();
}

/** As moderation: a fresh section with text, published with a unique note; returns its title and the version's number. */
async function publishNewSection(moderator: Page, tag: string) {
  const title = `Ausblick ${tag}`;
  const created = await trpc(moderator.request, "results.createSection", { title, groupId: null });
  expect(created.error, JSON.stringify(created.error)).toBeUndefined();
  const section = (created.data as { id: string; title: string; revision: number }[]).find((item) => item.title === title)!;
  const text = `Die Arbeitsgruppen empfehlen einen **gemeinsamen Fahrplan** ${tag} für das zweite Programmjahr.\n\n- Erstens: Anbindung\n- Zweitens: Schulung`;
  const saved = await trpc(moderator.request, "results.saveSection", { sectionId: section.id, markdown: text, baseRevision: section.revision });
  expect(saved.error, JSON.stringify(saved.error)).toBeUndefined();
  const note = `Neuer Abschnitt zum Ausblick (${tag})`;
  const published = await trpc(moderator.request, "results.publish", { note });
  expect(published.error, JSON.stringify(published.error)).toBeUndefined();
  return { title, note, sectionId: section.id, number: (published.data as { number: number }).number };
}

test.describe("[results-read] the published results document", () => {
  test("[results-read] a reader sees the latest version with sections and sources; internal discussions are named, not linked", async ({ asReader: page }) => {
    await page.goto("/ergebnisse");
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByTestId("version-line")).toContainText(/^Version \d+ vom \d{2}\.\d{2}\.\d{4}, veröffentlicht von .+ \(.+\)$/);
    const technik = page.getByRole("region", { name: TECHNIK });
    await expect(technik).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Inhalt" }).getByRole("link", { name: TECHNIK })).toHaveAttribute("href", /^#abschnitt-/);
    const sources = technik.getByRole("complementary", { name: "Quellen" });
    await expect(sources.getByText(THREAD)).toBeVisible();
    await expect(sources.getByText("(interne Diskussion)").first()).toBeVisible();
    await expect(sources.getByRole("link", { name: new RegExp(THREAD.slice(0, 20)) })).toHaveCount(0);
    await expect(sources.getByRole("link", { name: /Schnittstelle Fachverfahren/ })).toBeVisible();
    // readers do not get the draft
    await expect(page.getByRole("link", { name: "Zum Entwurf" })).toHaveCount(0);
    const versions = page.getByTestId("version-list");
    await expect(versions.getByText(/Version 1 vom/)).toBeVisible();
    for (const name of ["PDF", "Word (DOCX)", "Markdown"]) await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("href", /^\/api\/ergebnisse\/versionen\/\d+\/(pdf|docx|md)$/);
    await expectAccessible(page);
  });

  test("[results-read] a published section is new in the comparison, on the start page and in the print view", async ({ asReader: page, asModerator, asParticipant, exclusive }, testInfo) => {
    test.slow(); // may wait for results-flow, which publishes too
    await exclusive("results-publish");
    test.slow();
    // the reader has read what is published now
    await page.goto("/ergebnisse");
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    const tag = `${testInfo.workerIndex}-${Date.now().toString(36)}`;
    const mine = await publishNewSection(asModerator, tag);

    // the start page tells the reader what is new since then
    await page.goto("/");
    const news = page.getByRole("region", { name: "Ergebnisdokument" });
    await expect(news.getByRole("heading", { name: "Neu seit Ihrem letzten Besuch" })).toBeVisible();
    await expect(news.getByText(mine.title)).toBeVisible();
    await expect(news.getByRole("link", { name: /^Änderungen seit Version \d+ ansehen$/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Zuletzt beantwortet" })).toBeVisible();
    await screens(page, "results-start-lesend");

    // the version this test published
    await page.goto(`/ergebnisse/versionen/${mine.number}`);
    await expect(page.getByTestId("version-note")).toHaveText(mine.note);
    await expect(page.getByRole("region", { name: mine.title })).toContainText("gemeinsamen Fahrplan");
    await page.getByRole("link", { name: `Änderungen gegenüber Version ${mine.number - 1}` }).first().click();
    await expect(page).toHaveURL(new RegExp(`/ergebnisse/vergleich\\?von=${mine.number - 1}&zu=${mine.number}$`));
    const change = page.getByRole("region", { name: mine.title });
    await expect(change.getByTestId("section-status")).toHaveText("neu");
    await expect(change.locator("ins")).toContainText("gemeinsamen Fahrplan");
    await expect(change.locator("ins .sr-only").first()).toHaveText("eingefügt:");
    await expect(page.getByTestId("diff-summary")).toContainText(/\d+ von \d+ Abschnitten geändert/);
    await expectAccessible(page);
    await screens(page, "results-vergleich");
    expect(await horizontalOverflow(page)).toBe(0);

    // the form without JavaScript: a GET to the same page
    await page.getByLabel("Ältere Version").selectOption(String(mine.number - 1));
    await page.getByLabel("Neuere Version").selectOption(String(mine.number));
    await page.getByRole("button", { name: "Vergleichen" }).click();
    await expect(page.getByRole("region", { name: mine.title }).getByTestId("section-status")).toHaveText("neu");

    // garbage in the query: the nearest valid comparison
    const garbage = await page.goto("/ergebnisse/vergleich?von=abc&zu=%00");
    expect(garbage?.status()).toBe(200);
    await expect(page.getByTestId("diff-summary")).toBeVisible();

    // print view: the document alone
    await page.goto(`/ergebnisse/versionen/${mine.number}/druck`);
    await expect(page.getByRole("button", { name: "Drucken" })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByRole("button", { name: "Drucken" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeHidden();
    await expect(page.getByRole("region", { name: mine.title })).toBeVisible();
    await screens(page, "results-druck");
    await page.emulateMedia({ media: "screen" });

    // participants get the way to the draft
    await asParticipant.goto("/ergebnisse");
    await expect(asParticipant.getByRole("link", { name: "Zum Entwurf" }).first()).toHaveAttribute("href", "/ergebnisse/entwurf");
    await asParticipant.goto("/");
    await expect(asParticipant.getByRole("region", { name: "Ergebnisdokument" })).toBeVisible();
  });

  test("[results-read] the latest version with its layout at 1280 and 320 px", async ({ asReader: page }) => {
    await page.goto("/ergebnisse");
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await screens(page, "results-aktuell");
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await horizontalOverflow(page)).toBe(0);
  });

  test("[results-read] bad version addresses say the version does not exist and lead to the list", async ({ asReader: page }) => {
    for (const segment of ["abc", "0", "-1", "123456789012", "99999", "1.5", "%00"]) {
      await expectNotFound(page, `/ergebnisse/versionen/${segment}`, "Version nicht gefunden");
    }
    await expect(page.getByRole("main").getByRole("link", { name: "Alle Versionen" })).toHaveAttribute("href", "/ergebnisse/versionen");
    await expectNotFound(page, "/ergebnisse/versionen/abc/druck", "Version nicht gefunden");
    await expectNotFound(page, "/ergebnisse/versionen/99999/druck", "Version nicht gefunden");
    await page.goto("/ergebnisse/versionen/1");
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  });

  test("[results-read] the cited thread and spotlight say where the results document cites them", async ({ asParticipant, asReader }) => {
    await asParticipant.goto("/ergebnisse");
    await asParticipant.getByRole("region", { name: TECHNIK }).getByRole("link", { name: new RegExp(THREAD.slice(0, 30)) }).click();
    await expect(asParticipant.getByRole("heading", { level: 1, name: THREAD })).toBeVisible();
    const cited = asParticipant.getByRole("region", { name: "Im Ergebnisdokument zitiert" });
    await expect(cited.getByRole("link", { name: TECHNIK }).first()).toBeVisible();
    await expect(cited.getByText("(Entwurf)")).toBeVisible();
    await expect(cited.getByText("(Version 1)")).toBeVisible();
    await expectAccessible(asParticipant);

    await asReader.goto("/ergebnisse");
    await asReader.getByRole("region", { name: TECHNIK }).getByRole("link", { name: /Schnittstelle Fachverfahren/ }).click();
    await expect(asReader.getByRole("heading", { level: 1, name: /Schnittstelle Fachverfahren/ })).toBeVisible();
    const readerCited = asReader.getByRole("region", { name: "Im Ergebnisdokument zitiert" });
    await expect(readerCited.getByText("(Version 1)")).toBeVisible();
    // readers never see the draft
    await expect(readerCited.getByText("(Entwurf)")).toHaveCount(0);
    await readerCited.getByRole("link", { name: TECHNIK }).last().click();
    await expect(asReader).toHaveURL(/\/ergebnisse\/versionen\/1#abschnitt-/);
  });

  test("[results-read] once public, a visitor reads the document without signing in", async ({ asModerator, page }) => {
    const visitor = page;
    try {
      const set = await trpc(asModerator.request, "results.setPublic", { isPublic: true });
      expect(set.error).toBeUndefined();
      await visitor.goto("/ergebnisse");
      await expect(visitor.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
      await expect(visitor.getByRole("link", { name: "Anmelden" })).toBeVisible();
      await expect(visitor.getByTestId("version-line")).not.toContainText("veröffentlicht von");
      await expect(visitor.getByText("(interne Diskussion)").first()).toBeVisible();
      await expectAccessible(visitor);
      await visitor.goto("/ergebnisse/versionen/1/druck");
      await expect(visitor.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
      await visitor.goto("/ergebnisse/vergleich");
      await expect(visitor.getByRole("heading", { level: 1, name: "Versionen vergleichen" })).toBeVisible();
    } finally {
      await trpc(asModerator.request, "results.setPublic", { isPublic: false });
    }
    await visitor.goto("/ergebnisse");
    await expect(visitor).toHaveURL(/\/anmelden/);
  });
});
