import { mkdirSync } from "node:fs";
import path from "node:path";
import { demo, expect, expectAccessible, horizontalOverflow, pageAs, screens, SCREENS_DIR, test, trpc } from "./fixtures";

const charts = ["Leistungen je Phase", "Priorität und Phase", "Ressort und Phase", "Entwicklung der Phasen je Monat"];

test.describe("[ozg] overview", () => {
  test("[ozg] the charts render with their summaries, and their tables open by keyboard", async ({ asReader: page }) => {
    await page.goto("/ozg");
    await expect(page.getByRole("heading", { level: 1, name: /^Nachnutzungs\u00AD?übersicht$/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Übersicht", exact: true })).toHaveAttribute("aria-current", "page");
    const figures = page.getByRole("region", { name: "Kennzahlen" });
    for (const label of ["Leistungen", "Umgesetzt", "In Umsetzung", "Fokusleistungen umgesetzt", "Letzter Import"]) {
      await expect(figures.getByText(label, { exact: true })).toBeVisible();
    }
    await expect(figures.getByText(/^\d+ von 16$/)).toBeVisible();
    await expect(figures.getByText(/\.(csv|xlsx)$/)).toBeVisible();

    for (const name of charts) {
      const chart = page.getByRole("region", { name });
      const graphic = chart.getByRole("img", { name });
      await expect(graphic).toBeVisible();
      // the summary is what a screen reader hears for the graphic
      const summaryId = await graphic.getAttribute("aria-describedby");
      await expect(page.locator(`[id="${summaryId}"]`)).toHaveText(/\d/);
    }
    await expect(page.getByRole("region", { name: "Leistungen je Phase" }).getByText(/^Von \d+ Leistungen sind \d+ umgesetzt, \d+ im Rollout/)).toBeVisible();

    await expect(page.getByRole("region", { name: "Ressort und Phase" }).getByRole("list", { name: "Legende" }).getByRole("listitem")).toHaveCount(8);

    const focus = page.getByRole("list", { name: "Fortschritt der Fokusleistungen" });
    await expect(focus.getByRole("listitem")).toHaveCount(16);
    await expect(focus.getByRole("img", { name: /^Schritt \d von 6|^Depriorisiert/ })).toHaveCount(16);

    // the phase chart's table: by keyboard, with the same numbers as the graphic
    const phases = page.getByRole("region", { name: "Leistungen je Phase" });
    const disclosure = phases.getByText("Als Tabelle anzeigen");
    await disclosure.focus();
    await page.keyboard.press("Enter");
    const table = phases.getByRole("table", { name: "Leistungen je Phase" });
    await expect(table).toBeVisible();
    const row = table.getByRole("row", { name: /^Leistungen/ });
    const cells = await row.getByRole("cell").allInnerTexts();
    const numbers = cells.map((text) => Number(text.replace(/\./g, "")));
    expect(numbers.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(numbers.at(-1));

    const history = page.getByRole("region", { name: "Entwicklung der Phasen je Monat" });
    await history.getByText("Als Tabelle anzeigen").focus();
    await page.keyboard.press("Space");
    await expect(history.getByRole("table").getByRole("rowheader", { name: /^(Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez) \d{4}$/ })).not.toHaveCount(0);
    await expectAccessible(page);
  });

  test("[ozg] a bar opens the table filtered to it", async ({ asParticipant: page }) => {
    await page.goto("/ozg");
    const bar = page.getByRole("region", { name: "Leistungen je Phase" }).locator('[data-chart-link][href="/ozg/leistungen?phase=umgesetzt"]');
    await bar.click();
    await expect(page).toHaveURL(/\/ozg\/leistungen\?phase=umgesetzt$/);

    await page.goto("/ozg");
    const ressorts = page.getByRole("region", { name: "Ressort und Phase" });
    await ressorts.getByText("Als Tabelle anzeigen").click();
    const link = ressorts.getByRole("row", { name: /^MID/ }).getByRole("link").first();
    await expect(link).toHaveAttribute("href", /^\/ozg\/leistungen\?ressort=MID&phase=/);
  });

  test("[ozg] no sideways scroll at 320 px; screenshots at 1280 and 320 px and in grey print", async ({ asModerator: page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto("/ozg");
    await expect(page.getByRole("img", { name: "Ressort und Phase" })).toBeVisible();
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await screens(page, "ozg-uebersicht");

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ media: "print" });
    await page.addStyleTag({ content: "html { filter: grayscale(1); }" });
    mkdirSync(SCREENS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS_DIR, "ozg-uebersicht-druck-grau.png"), fullPage: true });
  });
});

// one serial test: the setting is global, and other specs read /ozg in parallel
test("[ozg] moderation makes overview and table public; a visitor reads them, until moderation hides them again", async ({ asModerator: moderator, browser }) => {
  // long pages, full-page screenshots at three widths and several roles: more than a minute on a busy 2-core machine
  test.slow();
  const visitor = await (await browser.newContext()).newPage();
  try {
    await moderator.goto("/ozg");
    const visibility = moderator.getByRole("region", { name: "Sichtbarkeit" });
    await expect(visibility).toContainText("Nur intern");
    await visibility.getByRole("button", { name: "Übersicht und Tabelle öffentlich zeigen" }).click();
    const question = visibility.getByRole("group", { name: "Übersicht und Tabelle öffentlich zeigen?" });
    await expect(question).toBeFocused();
    await expect(question).toContainText("ohne Anmeldung");
    await question.getByRole("button", { name: "Ja, öffentlich zeigen" }).click();
    await expect(visibility).toContainText("Öffentlich:");

    await visitor.goto("/ozg");
    await expect(visitor.getByRole("heading", { level: 1, name: /^Nachnutzungs\u00AD?übersicht$/ })).toBeVisible();
    await expect(visitor.getByRole("img", { name: "Leistungen je Phase" })).toBeVisible();
    await expect(visitor.getByRole("region", { name: "Sichtbarkeit" })).toHaveCount(0);
    await expect(visitor.getByRole("link", { name: "Import" })).toHaveCount(0);
    const signIn = visitor.getByRole("link", { name: "Anmelden" });
    await expect(signIn).toHaveAttribute("href", "/anmelden?callbackUrl=%2Fozg");
    await expectAccessible(visitor);

    await visitor.goto("/ozg/leistungen");
    await expect(visitor).toHaveURL(/\/ozg\/leistungen$/);
    await expect(visitor.getByRole("link", { name: "Anmelden" })).toHaveAttribute("href", "/anmelden?callbackUrl=%2Fozg%2Fleistungen");
    await visitor.goto("/ozg/leistungen/10169");
    await expect(visitor).toHaveURL(/\/ozg\/leistungen\/10169$/);
    await expect(visitor.getByRole("link", { name: "Anmelden" })).toHaveAttribute("href", "/anmelden?callbackUrl=%2Fozg%2Fleistungen%2F10169");

    await visitor.goto("/ozg");
    await visitor.getByRole("link", { name: "Anmelden" }).click();
    await expect(visitor).toHaveURL(/\/anmelden\?callbackUrl=%2Fozg$/);
    await expect(visitor.getByRole("button", { name: "Anmelden" })).toBeVisible();

    await moderator.reload();
    await visibility.getByRole("button", { name: "Nicht mehr öffentlich zeigen" }).click();
    await visibility.getByRole("button", { name: "Ja, nicht mehr öffentlich zeigen" }).click();
    await expect(visibility).toContainText("Nur intern");

    await visitor.goto("/ozg");
    await expect(visitor).toHaveURL(/\/anmelden\?callbackUrl=%2Fozg$/);
    await visitor.goto("/ozg/leistungen");
    await expect(visitor).toHaveURL(/\/anmelden\?callbackUrl=%2Fozg%2Fleistungen$/);
    await visitor.goto("/ozg/leistungen/10169");
    await expect(visitor).toHaveURL(/\/anmelden\?callbackUrl=%2Fozg%2Fleistungen%2F10169$/);
  } finally {
    const { error } = await trpc(moderator.request, "ozg.setPublic", { isPublic: false });
    expect(error).toBeUndefined();
    await visitor.context().close();
  }
});

test("[ozg] setPublic over the API: signed out, a reader and garbage change nothing", async ({ asReader, page }) => {
  expect((await trpc(page.request, "ozg.setPublic", { isPublic: true })).error?.data.code).toBe("UNAUTHORIZED");
  expect((await trpc(asReader.request, "ozg.setPublic", { isPublic: true })).error?.data.code).toBe("FORBIDDEN");
  const moderator = await pageAs(page.context().browser()!, demo.moderator);
  try {
    const garbage = await trpc(moderator.request, "ozg.setPublic", { isPublic: "ja" });
    expect(garbage.status).toBe(400);
    expect(garbage.error?.message).not.toMatch(/Invalid|Expected/);
  } finally {
    await moderator.context().close();
  }
});
