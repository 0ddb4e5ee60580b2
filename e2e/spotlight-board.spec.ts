import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, horizontalOverflow, screens, test, trpc, waitForLive } from "./fixtures";
import { SpotlightBoardPage } from "./pages/spotlight-board-page";

/** Seeded by seeds/demo-spotlights.ts: one spotlight in every status. */
const seeded = {
  closed: "Once-Only für Meldebescheinigungen: Meldedaten direkt aus dem Register statt Papiernachweis",
  answered: "Finanzierung der EfA-Nachnutzung: Landesmittel für die Anbindungs- und Betriebskosten der Kommunen",
  overdue: "Servicekonto: BundID-Anbindung der kommunalen Fachverfahren einheitlich regeln",
  forwarded: "Schnittstelle Fachverfahren ↔ Landesportal: FIT-Connect als verbindlichen Übermittlungsweg festlegen",
  declined: "Eigenes Videokonferenzsystem des Landes für kommunale Gremiensitzungen",
  promoted: "Qualifizierung kommunaler Digitallotsen: ein landesweites Fortbildungsprogramm",
  inReview: "Einheitliches Antragsmanagement: OZG-Reifegrad 3 für die 20 meistgenutzten Leistungen",
  proposed: "E-Akte-Standard für Kommunen: gemeinsames Aktenplan-Muster und XDOMEA-Profil",
};

const csvHeaders = [
  "Nummer",
  "Titel",
  "Status",
  "Arbeitsgruppen",
  "Vorgeschlagen von",
  "Kommune",
  "Vorgeschlagen am",
  "Problem",
  "Anliegen",
  "Mitzeichnende Kommunen (Anzahl)",
  "Mitzeichnende Kommunen",
  "Weitergeleitet an",
  "Ansprechperson",
  "Weitergeleitet am",
  "Frist",
  "Überfällig",
  "Beantwortet am",
  "Antwort (Text)",
  "Ablehnungsgrund",
];

test.describe("[spotlight-board] board, list and export", () => {
  test("[spotlight-board] the board filtered by group: the URL holds the filter and a reload keeps it", async ({ asParticipant: page }) => {
    const board = new SpotlightBoardPage(page);
    await board.goto();
    await expect(board.heading).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Spotlights" })).toHaveAttribute("aria-current", "page");
    // every status has its column, in life-cycle order, the seeded spotlights in theirs
    await expect(board.board.getByRole("heading", { level: 2 })).toHaveText([
      /^Vorgeschlagen/,
      /^In Prüfung/,
      /^Aufgenommen/,
      /^Weitergeleitet/,
      /^Beantwortet/,
      /^Abgeschlossen/,
      /^Abgelehnt/,
    ]);
    await expect(board.column("FORWARDED").getByRole("link", { name: seeded.overdue })).toBeVisible();
    await expect(board.card(seeded.overdue).getByText("Überfällig")).toBeVisible();
    await expect(board.card(seeded.forwarded).getByText("Überfällig")).toHaveCount(0);
    await expect(board.column("DECLINED").getByRole("link", { name: seeded.declined })).toBeVisible();

    await board.group.selectOption({ label: "Arbeitsgruppe Organisation" });
    await board.apply.click();
    await expect(page).toHaveURL(/[?&]gruppe=organisation(&|$)/);
    await expect(board.card(seeded.promoted)).toBeVisible();
    await expect(board.card(seeded.proposed)).toBeVisible();
    await expect(board.card(seeded.overdue)).toHaveCount(0);

    await page.reload();
    await expect(board.group).toHaveValue("organisation");
    await expect(board.column("PROMOTED").getByRole("link", { name: seeded.promoted })).toBeVisible();
    await expect(board.column("PROPOSED").getByRole("link", { name: seeded.proposed })).toBeVisible();
    await expect(board.card(seeded.overdue)).toHaveCount(0);

    // statuses narrow the columns; the choice survives in the form
    await board.statusFilter("PROMOTED").check();
    await board.apply.click();
    await expect(page).toHaveURL(/status=aufgenommen/);
    await expect(board.board.getByRole("heading", { level: 2 })).toHaveText([/^Aufgenommen 1 Spotlight$/]);
    await expect(board.statusFilter("PROMOTED")).toBeChecked();

    // resetting clears the form too: the next filter starts from nothing
    await page.getByRole("link", { name: "Filter zurücksetzen" }).click();
    await expect(page).toHaveURL(/\/spotlights$/);
    await expect(board.group).toHaveValue("");
    await expect(board.statusFilter("PROMOTED")).not.toBeChecked();
    await expect(board.card(seeded.overdue)).toBeVisible();
  });

  test("[spotlight-board] the list view of the same filter sorts by its column headers", async ({ asParticipant: page }) => {
    const board = new SpotlightBoardPage(page);
    await board.goto("gruppe=technik");
    await board.views.getByRole("link", { name: "Liste" }).click();
    await expect(page).toHaveURL(/ansicht=liste/);
    await expect(page).toHaveURL(/gruppe=technik/);
    await expect(board.views.getByRole("link", { name: "Liste" })).toHaveAttribute("aria-current", "page");
    await expect(board.row(seeded.overdue)).toBeVisible();
    await expect(board.row(seeded.overdue).getByText("Überfällig")).toBeVisible();
    await expect(board.row(seeded.proposed)).toHaveCount(0);

    const titles = () => board.table.locator("tbody tr td:nth-child(2)").allInnerTexts();
    await board.sortHeader("Titel").getByRole("link").click();
    await expect(page).toHaveURL(/sortierung=titel&richtung=auf/);
    await expect(board.sortHeader("Titel")).toHaveAttribute("aria-sort", "ascending");
    const ascending = await titles();
    expect(ascending.length).toBeGreaterThanOrEqual(3);
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, "de")));

    await board.sortHeader("Titel").getByRole("link").click();
    await expect(board.sortHeader("Titel")).toHaveAttribute("aria-sort", "descending");
    const descending = await titles();
    expect(descending).toEqual([...descending].sort((a, b) => b.localeCompare(a, "de")));
    // other workers' spotlights may arrive between the two reads: compare the rows both lists show
    const inBoth = ascending.filter((title) => descending.includes(title));
    expect(descending.filter((title) => inBoth.includes(title))).toEqual([...inBoth].reverse());
    await expect(board.sortHeader("Frist")).not.toHaveAttribute("aria-sort");

    // deadlines: soonest first, those without one last
    await board.sortHeader("Frist").getByRole("link").click();
    await expect(board.sortHeader("Frist")).toHaveAttribute("aria-sort", "ascending");
    const dues = (await board.table.locator("tbody tr td:nth-child(7)").allInnerTexts()).map((text) => text.trim());
    const dated = dues.filter((text) => /^\d{2}\.\d{2}\.\d{4}$/.test(text));
    expect(dues.slice(0, dated.length)).toEqual(dated);
    const iso = dated.map((text) => text.split(".").reverse().join("-"));
    expect(iso).toEqual([...iso].sort());
    // the filter form keeps the list view
    await board.apply.click();
    await expect(page).toHaveURL(/ansicht=liste/);
  });

  test("[spotlight-board] CSV export downloads the filtered spotlights for German Excel", async ({ asParticipant: page }) => {
    const board = new SpotlightBoardPage(page);
    await board.goto("gruppe=strategie&status=beantwortet,in-pruefung");
    await expect(board.exportCsv).toHaveAttribute("href", "/api/spotlights/export?gruppe=strategie&status=in-pruefung%2Cbeantwortet");
    const [download] = await Promise.all([page.waitForEvent("download"), board.exportCsv.click()]);
    expect(download.suggestedFilename()).toMatch(/^spotlights-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("\r\n");
    const [header, ...rows] = parse(text, { bom: true, delimiter: ";" }) as string[][];
    expect(header).toEqual(csvHeaders);
    const column = (name: string) => header.indexOf(name);
    expect(rows.map((row) => row[column("Titel")])).toEqual(expect.arrayContaining([seeded.answered, seeded.inReview]));
    for (const row of rows) {
      expect(row[column("Arbeitsgruppen")]).toContain("Arbeitsgruppe Strategie");
      expect(["Beantwortet", "In Prüfung"]).toContain(row[column("Status")]);
      expect(row[column("Vorgeschlagen am")]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    }
    const answered = rows.find((row) => row[column("Titel")] === seeded.answered)!;
    expect(answered[column("Weitergeleitet an")]).toBe("Ministerium der Finanzen");
    expect(answered[column("Beantwortet am")]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(answered[column("Antwort (Text)")]).toContain("Förderrichtlinie");
    expect(answered[column("Anliegen")]).not.toBe("");
    expect(answered[column("Problem")]).not.toBe("");
    expect(Number(answered[column("Mitzeichnende Kommunen (Anzahl)")])).toBe(6);
  });

  test("[spotlight-board] a new spotlight appears live in the Vorgeschlagen column of a filtered board", async ({ asParticipant: page, asParticipant2, make }) => {
    const board = new SpotlightBoardPage(page);
    await board.goto("gruppe=strategie");
    await expect(board.column("PROPOSED")).toBeVisible();
    await waitForLive(page);
    const elsewhere = await make.spotlight({ slug: "technik", title: make.name("Live anderswo"), as: asParticipant2 });
    const here = await make.spotlight({ slug: "strategie", title: make.name("Live im Board"), as: asParticipant2 });
    await expect(board.column("PROPOSED").getByRole("link", { name: here.title })).toBeVisible();
    await expect(board.column("PROPOSED").getByRole("link", { name: here.title })).toHaveAttribute("href", here.url);
    // events arrive in order: the other group's came first and was left out
    await expect(board.card(elsewhere.title)).toHaveCount(0);
    await expect(board.column("PROPOSED").getByRole("heading", { level: 2 })).toHaveText(/^Vorgeschlagen\s*\d+ Spotlights?$/);
  });

  test("[spotlight-board] a card moves column live when moderation transitions it", async ({ asParticipant: page, asModerator, make }) => {
    const spotlight = await make.spotlight({ slug: "organisation", title: make.name("Wandert live") });
    const board = new SpotlightBoardPage(page);
    await board.goto("gruppe=organisation");
    await expect(board.column("PROPOSED").getByRole("link", { name: spotlight.title })).toBeVisible();
    await waitForLive(page);
    const review = await trpc(asModerator.request, "spotlight.transition", { spotlightId: spotlight.id, fromStatus: "PROPOSED", to: "IN_REVIEW", comment: "" });
    expect(review.error).toBeUndefined();
    await expect(board.column("IN_REVIEW").getByRole("link", { name: spotlight.title })).toBeVisible();
    await expect(board.column("PROPOSED").getByRole("link", { name: spotlight.title })).toHaveCount(0);

    // a board filtered to one status lets it go when it moves on
    await board.goto("gruppe=organisation&status=in-pruefung");
    await expect(board.card(spotlight.title)).toBeVisible();
    await waitForLive(page);
    const promote = await trpc(asModerator.request, "spotlight.transition", { spotlightId: spotlight.id, fromStatus: "IN_REVIEW", to: "PROMOTED", comment: "" });
    expect(promote.error).toBeUndefined();
    await expect(board.card(spotlight.title)).toHaveCount(0);
  });

  test("[spotlight-board] a reader sees only the public columns, no proposals and no export", async ({ asReader: page }) => {
    const board = new SpotlightBoardPage(page);
    await board.goto("status=vorgeschlagen,abgelehnt,beantwortet");
    await expect(board.heading).toBeVisible();
    await expect(board.board.getByRole("heading", { level: 2 })).toHaveText([/^Beantwortet/]);
    await board.goto();
    await expect(board.board.getByRole("heading", { level: 2 })).toHaveText([/^Aufgenommen/, /^Weitergeleitet/, /^Beantwortet/, /^Abgeschlossen/]);
    await expect(board.card(seeded.answered)).toBeVisible();
    await expect(board.card(seeded.closed)).toBeVisible();
    for (const hidden of [seeded.proposed, seeded.inReview, seeded.declined]) await expect(page.getByText(hidden)).toHaveCount(0);
    await expect(board.propose).toHaveCount(0);
    await expect(board.exportCsv).toHaveCount(0);
    await expect(board.ownMunicipality).toHaveCount(0);
    await expect(board.statusFilter("PROPOSED")).toHaveCount(0);
    const refused = await page.request.get("/api/spotlights/export", { failOnStatusCode: false });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toBe("Der Export der Spotlights steht Teilnehmenden und der Moderation offen.");
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Spotlights" })).toBeVisible();

    await page.goto("/");
    const section = page.getByRole("region", { name: "Spotlights: Anliegen und Antworten" });
    await expect(section.getByRole("link", { name: seeded.answered })).toBeVisible();
    await expect(section.getByText(seeded.proposed)).toHaveCount(0);
  });

  test("[spotlight-board] signed out, the export asks to sign in", async ({ request }) => {
    const response = await request.get("/api/spotlights/export?gruppe=technik", { failOnStatusCode: false });
    expect(response.status()).toBe(401);
    expect(await response.text()).toBe("Bitte melden Sie sich an, um Spotlights zu exportieren.");
  });

  test("[spotlight-board] keyboard: Tab reaches the cards one after another in board order", async ({ asParticipant: page }) => {
    const board = new SpotlightBoardPage(page);
    await board.goto("gruppe=technik");
    const cardLinks = board.board.getByRole("link");
    const expected = await cardLinks.allInnerTexts();
    expect(expected.length).toBeGreaterThanOrEqual(3);
    await board.views.getByRole("link", { name: "Board" }).focus();
    const reached: string[] = [];
    // Tab until the focus has passed through the board and left it
    for (let step = 0; step < 200; step++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const active = document.activeElement;
        return active?.closest("[data-testid=spotlight-board]") ? (active as HTMLElement).innerText : null;
      });
      if (focused !== null) reached.push(focused);
      else if (reached.length) break;
    }
    // other workers' spotlights may arrive, leave or move live meanwhile: the cards that kept their
    // place in the board's order from start to end are reached one after another in that order
    const final = await cardLinks.allInnerTexts();
    const kept = new Set(longestCommonSubsequence(expected, final));
    const stayed = (texts: string[]) => texts.filter((text) => kept.has(text));
    expect(stayed(reached)).toEqual(stayed(final));
    expect(stayed(reached).length).toBeGreaterThanOrEqual(3);
    // back onto the last card, and open it
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/spotlights\/[0-9a-f-]{36}$/);
  });

  test("[spotlight-board] home page and group page show spotlights, live and linked to the board", async ({ asParticipant: page, asParticipant2, make }) => {
    await page.goto("/");
    const recent = page.getByRole("region", { name: "Spotlights in Bewegung" });
    await expect(recent.getByRole("listitem")).toHaveCount(5);
    await waitForLive(page);
    const fresh = await make.spotlight({ slug: "umsetzung", title: make.name("Neu in Bewegung"), as: asParticipant2 });
    const item = recent.getByRole("listitem").filter({ has: page.getByRole("link", { name: fresh.title }) });
    await expect(item).toContainText("Vorgeschlagen");
    await expect(recent.getByRole("listitem")).toHaveCount(5);

    const ours = await make.spotlight({ slug: "strategie", title: make.name("Aus der Strategie") });
    await page.goto("/arbeitsgruppen/strategie");
    const group = page.getByRole("region", { name: "Spotlights dieser Arbeitsgruppe" });
    await expect(group.getByRole("link", { name: ours.title })).toBeVisible();
    await expect(group.getByRole("link", { name: fresh.title })).toHaveCount(0);
    await group.getByRole("link", { name: /Spotlight-Board/ }).click();
    await expect(page).toHaveURL(/\/spotlights\?gruppe=strategie$/);
    await expect(new SpotlightBoardPage(page).group).toHaveValue("strategie");
  });

  test("[spotlight-board] screenshots of board and list at 1280 and 320 px, no sideways scroll", async ({ asModerator: page }) => {
    const board = new SpotlightBoardPage(page);
    await board.goto();
    await expect(board.card(seeded.overdue)).toBeVisible();
    await screens(page, "spotlight-board");
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await horizontalOverflow(page), `board at ${width} px`).toBeLessThanOrEqual(0);
    }
    await board.goto("ansicht=liste&sortierung=frist&richtung=auf");
    await expect(board.row(seeded.overdue)).toBeVisible();
    await screens(page, "spotlight-list");
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await horizontalOverflow(page), `list at ${width} px`).toBeLessThanOrEqual(0);
    }
  });
});

/** The longest list of items that appear in both lists in the same order. */
function longestCommonSubsequence(a: string[], b: string[]): string[] {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const common: string[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      common.push(a[i]);
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
    else j++;
  }
  return common;
}
