import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, firstScreens, horizontalOverflow, screens, test } from "./fixtures";

/**
 * The OZG service table: filters, sort and page in the URL, the export of the view. Other specs (the
 * import) may change statuses while this runs: assertions hold for whatever the rows are, not for
 * fixed counts.
 */

const table = (page: Page) => page.getByRole("region", { name: "OZG-Leistungen" });
const rows = (page: Page) => table(page).locator("tbody tr");
const cells = async (page: Page, column: number) => rows(page).evaluateAll((trs, index) => trs.map((tr) => tr.children[index]?.textContent?.trim() ?? ""), column);
const searchbox = (page: Page) => page.getByRole("form", { name: "OZG-Leistungen filtern" }).getByRole("searchbox", { name: "Leistung suchen" });
const matchCount = async (page: Page) => {
  const text = (await page.getByRole("status").filter({ hasText: "Leistungen" }).textContent()) ?? "";
  const [, matches, all] = /([\d.]+) von ([\d.]+) Leistungen/.exec(text) ?? [];
  return { matches: Number(matches?.replace(/\./g, "")), all: Number(all?.replace(/\./g, "")) };
};

const PHASES = ["4. Umsetzung (Pilotierung)", "5. Einführung (Rollout)", "6. Umgesetzt"];
const SHORT_PHASES = ["4 Pilotierung", "5 Rollout", "6 Umgesetzt"];
const COLUMN = { ozgId: 0, name: 1, ressort: 3, phase: 5 };

async function filterByPhaseAndRessort(page: Page) {
  await page.goto("/ozg/leistungen");
  for (const phase of PHASES) await page.getByRole("checkbox", { name: phase }).check();
  await page.getByRole("checkbox", { name: /^MS – / }).check();
  await page.getByRole("button", { name: "Filter anwenden" }).click();
  await expect(page).toHaveURL(/ressort=MS/);
  // the submitted form lands on the short URL of its view
  await expect(page).toHaveURL(/\/ozg\/leistungen\?ressort=MS&phase=pilotierung%2Crollout%2Cumgesetzt$/);
  await expect(rows(page).first()).toBeVisible();
}

test.describe("[ozg-table] the service table", () => {
  test("[ozg-table] filter by phase, Ressort and free text, sort by a column, the URL reproduces the view", async ({ asParticipant: page, browser }) => {
    await filterByPhaseAndRessort(page);
    const { matches, all } = await matchCount(page);
    expect(matches).toBeGreaterThan(0);
    expect(matches).toBeLessThan(all);
    for (const ressort of await cells(page, COLUMN.ressort)) expect(ressort).toBe("MS");
    for (const phase of await cells(page, COLUMN.phase)) expect(SHORT_PHASES).toContain(phase);
    await expect(table(page).getByRole("cell").locator("abbr", { hasText: "MS" }).first()).toHaveAttribute("title", "Ministerium für Arbeit, Soziales, Gesundheit und Gleichstellung");

    // free text: a word of the first service's name keeps it, with the other filters
    const [firstId] = await cells(page, COLUMN.ozgId);
    const [firstName] = await cells(page, COLUMN.name);
    const word = firstName!.split(/[\s/()-]+/).find((part) => part.length >= 5) ?? firstName!;
    // the header's search and the table's are told apart by name
    await expect(page.getByRole("searchbox", { name: "Suche", exact: true })).toHaveCount(1);
    await searchbox(page).fill(word);
    await page.getByRole("button", { name: "Filter anwenden" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word).replace(/%20/g, "\\+")}`));
    await expect(table(page).getByRole("cell", { name: firstId, exact: true })).toBeVisible();
    for (const ressort of await cells(page, COLUMN.ressort)) expect(ressort).toBe("MS");
    await expect(searchbox(page)).toHaveValue(word);
    await expect(page.getByRole("checkbox", { name: PHASES[0] })).toBeChecked();

    // sort by name: the header is a link, aria-sort tells the direction
    await searchbox(page).fill("");
    await page.getByRole("button", { name: "Filter anwenden" }).click();
    await expect(page).not.toHaveURL(/q=/);
    const nameHeader = table(page).getByRole("columnheader", { name: /^Leistung/ });
    await expect(nameHeader).not.toHaveAttribute("aria-sort", /.+/);
    await nameHeader.getByRole("link").click();
    await expect(page).toHaveURL(/sortierung=name&richtung=auf/);
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    const names = await cells(page, COLUMN.name);
    expect(names).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
    await nameHeader.getByRole("link").click();
    await expect(page).toHaveURL(/sortierung=name&richtung=ab/);
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    // filters survive the sort
    await expect(page).toHaveURL(/ressort=MS/);

    // the same URL in a fresh page shows the same view
    const url = page.url();
    const shown = await cells(page, COLUMN.ozgId);
    const fresh = await browser.newPage({ storageState: await page.context().storageState() });
    await fresh.goto(url);
    expect(await cells(fresh, COLUMN.ozgId)).toEqual(shown);
    await expect(table(fresh).getByRole("columnheader", { name: /^Leistung/ })).toHaveAttribute("aria-sort", "descending");
    await expect(fresh.getByRole("checkbox", { name: /^MS – / })).toBeChecked();
    await fresh.close();

    // reset keeps the sort, drops the filters
    await page.getByRole("link", { name: "Filter zurücksetzen" }).first().click();
    await expect(page).toHaveURL(/\/ozg\/leistungen\?sortierung=name&richtung=ab$/);
    expect((await matchCount(page)).matches).toBe(all);
  });

  test("[ozg-table] paging: page 2 in the URL, nothing lost", async ({ asReader: page }) => {
    await page.goto("/ozg/leistungen");
    const first = await cells(page, COLUMN.ozgId);
    expect(first).toHaveLength(50);
    await page.getByRole("navigation", { name: "Seiten der Leistungen" }).getByRole("link", { name: /Weiter/ }).click();
    await expect(page).toHaveURL(/seite=2$/);
    await expect(page.getByRole("status").filter({ hasText: "Leistungen" })).toContainText("Seite 2 von");
    const second = await cells(page, COLUMN.ozgId);
    expect(second.some((id) => first.includes(id))).toBe(false);
    expect(Number(second[0])).toBeGreaterThan(Number(first.at(-1)));
    // an empty result explains itself
    await page.goto("/ozg/leistungen?q=Raumfahrtbeh%C3%B6rdenzulassung");
    await expect(page.getByText("Keine Leistung passt zu diesen Filtern.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Filter zurücksetzen" })).toHaveCount(2);
  });

  test("[ozg-table] CSV and Excel downloads hold the filtered view", async ({ asParticipant: page }) => {
    await filterByPhaseAndRessort(page);
    const { matches } = await matchCount(page);

    const csvLink = page.getByRole("link", { name: "CSV herunterladen" });
    await expect(csvLink).toHaveAttribute("href", /^\/api\/ozg\/export\.csv\?.*ressort=MS/);
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^ozg-leistungen-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await csvDownload.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...csvRows] = parse(bytes.toString("utf8"), { bom: true, delimiter: ";", record_delimiter: "\r\n" }) as string[][];
    expect(header!.slice(0, 2)).toEqual(["OZG-ID", "Leistung"]);
    expect(header!.slice(-2)).toEqual(["LeiKa-Schlüssel", "Letzte Änderung"]);
    // the import may have moved a service between loading and downloading: compare loosely
    expect(Math.abs(csvRows.length - matches)).toBeLessThanOrEqual(5);
    for (const row of csvRows) {
      expect(row[header!.indexOf("Ressort")]).toBe("MS");
      expect(PHASES).toContain(row[header!.indexOf("Phase")]);
    }

    const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel herunterladen" }).click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^ozg-leistungen-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await xlsxDownload.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Leistungen")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    expect(sheet.actualRowCount - 1).toBe(csvRows.length);
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      expect(row.getCell(header!.indexOf("Ressort") + 1).value).toBe("MS");
      expect(PHASES).toContain(row.getCell(header!.indexOf("Phase") + 1).value);
    });
  });

  test("[ozg-table] at 320 px the page never scrolls sideways; accessible; screenshots", async ({ asParticipant: page }) => {
    // two axe scans of a 50-row table: more than a minute on a busy 2-core machine
    test.slow();
    await page.goto("/ozg/leistungen?phase=pilotierung&sortierung=phase&richtung=ab");
    await expect(rows(page).first()).toBeVisible();
    await expectAccessible(page);
    await page.setViewportSize({ width: 320, height: 720 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // the table scrolls in its own region, which a keyboard can reach
    await expect(table(page)).toHaveAttribute("tabindex", "0");
    expect(await table(page).evaluate((region) => region.scrollWidth > region.clientWidth)).toBe(true);
    await expectAccessible(page);
    // 50 rows are 4,000–6,000 px: the first screen shows header, filters and the first rows at both widths
    await firstScreens(page, "ozg-table");
    await page.goto("/ozg/leistungen?q=Raumfahrtbeh%C3%B6rdenzulassung");
    await screens(page, "ozg-table-empty");
  });
});
