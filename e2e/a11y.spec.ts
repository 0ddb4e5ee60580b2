import type { Page } from "@playwright/test";
import { expect, expectAccessible, horizontalOverflow, screens, test, trpc, waitForLive } from "./fixtures";
import { AdminPage } from "./pages/admin-page";
import { AppShell } from "./pages/app-shell";
import { NewThreadPage } from "./pages/new-thread-page";
import { SignInPage } from "./pages/sign-in-page";
import { ThreadPage } from "./pages/thread-page";

/** Axe at desktop width, then screenshots at 1280 and 320 px. */
async function check(page: Page, name: string) {
  await expectAccessible(page);
  await screens(page, name);
}

/** A thread with the Markdown people actually write, including a long unbroken link. */
async function richThread(make: Parameters<Parameters<typeof test>[2]>[0]["make"]) {
  const thread = await make.thread({
    title: make.name("Barrierefreiheit: Erfahrungen mit dem Onlinezugangsgesetz und der Ende-zu-Ende-Digitalisierung"),
    body: "Willkommen! Das ist **wichtig** und *betont*.\n\n- Punkt eins\n- Punkt zwei\n\n> Ein Zitat aus der Sitzung\n\n`Code` im Text.",
  });
  await make.post(
    thread.id,
    "Leitfaden: https://www.sachsen-anhalt.de/landesportal/digitalisierung/onlinezugangsgesetz/leitfaden-fuer-kommunen-zur-anbindung-der-fachverfahren-an-das-servicekonto",
  );
  await make.post(thread.id, "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsverordnungsentwurf");
  return thread;
}

test.describe("[a11y] axe on every page", () => {
  // each test signs in up to three people and runs several axe scans with full-page screenshots at two
  // widths: 30–50 s on a quiet machine, past 60 s when CI's two workers load both cores
  test.describe.configure({ timeout: 150_000 });
  test("[a11y] sign-in page, with and without an error", async ({ page }) => {
    await page.goto("/anmelden");
    await check(page, "anmelden");
    const signIn = new SignInPage(page);
    await signIn.submit.click();
    await expect(signIn.error).toBeVisible();
    await check(page, "anmelden-fehler");
  });

  test("[a11y] home page", async ({ asParticipant: page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Neueste Aktivität" })).toBeVisible();
    await check(page, "start");
  });

  test("[a11y] reader's home and the Kein Zugriff pages (403)", async ({ asReader: page }) => {
    await page.goto("/");
    await expect(new AppShell(page).welcome("Lena Lorenz")).toBeVisible();
    await check(page, "start-lesend");
    expect((await page.goto("/arbeitsgruppen/technik"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
    // a reader is told their role and what they can read instead
    await expect(page.getByText("Dieser Bereich ist für Ihre Rolle (Lesende) nicht freigegeben.")).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Ergebnisse", exact: true })).toHaveAttribute("href", "/ergebnisse");
    await check(page, "kein-zugriff");
    expect((await page.goto("/ergebnisse/entwurf"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Entwurf nicht verfügbar" })).toBeVisible();
    await check(page, "entwurf-nicht-verfuegbar");
  });

  test("[a11y] groups overview and a group page", async ({ asParticipant: page }) => {
    await page.goto("/arbeitsgruppen");
    await expect(page.getByRole("heading", { level: 1, name: "Arbeitsgruppen" })).toBeVisible();
    await check(page, "arbeitsgruppen");
    await page.goto("/arbeitsgruppen/technik");
    await expect(page.getByTestId("thread-list")).toBeVisible();
    await check(page, "arbeitsgruppe");
  });

  test("[a11y] new-thread page, empty and with errors", async ({ asParticipant: page }) => {
    const form = new NewThreadPage(page);
    await form.goto("technik");
    await expect(form.heading).toBeVisible();
    await check(page, "neues-thema");
    await form.submit.click();
    await expect(page.getByText("Bitte geben Sie einen Titel ein.")).toBeVisible();
    await check(page, "neues-thema-fehler");
  });

  test("[a11y] spotlight proposal page: from a thread with similar suggestions and a quote, and with errors", async ({ asParticipant: page, make }) => {
    const thread = await richThread(make);
    await make.spotlight({ title: make.name("Barrierefreiheit digitaler Antragsverfahren") });
    await page.goto(`/spotlights/neu?thema=${thread.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Spotlight vorschlagen" })).toBeVisible();
    await page.getByRole("textbox", { name: "Titel" }).fill("Barrierefreiheit digitaler Antragsverfahren");
    await expect(page.getByTestId("similar-suggestions")).toBeVisible();
    await page.getByRole("checkbox", { name: /^Als Zitat übernehmen \(Beitrag #1 / }).check();
    await check(page, "spotlight-vorschlag");
    await page.goto("/spotlights/neu");
    await page.getByRole("button", { name: "Spotlight vorschlagen" }).click();
    await expect(page.getByText("Bitte wählen Sie mindestens eine Arbeitsgruppe.")).toBeVisible();
    await check(page, "spotlight-vorschlag-fehler");
  });

  test("[a11y] thread page as participant, with a composer error and with the connection banner", async ({ asParticipant: page, make }) => {
    const thread = await richThread(make);
    const view = new ThreadPage(page);
    await view.goto(thread.url);
    await expect(view.posts).toHaveCount(3);
    await check(page, "thema");

    await view.send.click();
    await expect(page.getByText("Bitte geben Sie einen Beitragstext ein.")).toBeVisible();
    await check(page, "thema-fehler");

    await waitForLive(page);
    await page.evaluate(() => window.__gdstSocket!.disconnect());
    await expect(new AppShell(page).connectionBanner).toBeVisible();
    await check(page, "thema-verbindung-unterbrochen");
    await page.evaluate(() => window.__gdstSocket!.connect());
    await expect(new AppShell(page).connectionBanner).toBeHidden();
  });

  test("[a11y] thread page as moderator, locked and pinned", async ({ asModerator: page, make }) => {
    const thread = await make.thread();
    await trpc(page.request, "thread.moderate", { threadId: thread.id, isLocked: true, isPinned: true });
    const view = new ThreadPage(page);
    await view.goto(thread.url);
    await expect(view.unlock).toBeVisible();
    await check(page, "thema-moderation");
  });

  test("[a11y] locked thread as participant and editing a post", async ({ asParticipant: page, asModerator, make }) => {
    const thread = await make.thread();
    const view = new ThreadPage(page);
    await view.goto(thread.url);
    await view.posts.first().getByRole("button", { name: /Bearbeiten/ }).click();
    await expect(page.getByLabel("Beitrag bearbeiten")).toBeVisible();
    await check(page, "beitrag-bearbeiten");

    await trpc(asModerator.request, "thread.moderate", { threadId: thread.id, isLocked: true });
    await view.goto(thread.url);
    await expect(view.lockedNotice).toBeVisible();
    await check(page, "thema-gesperrt");
  });

  test("[a11y] admin page with a fresh invitation link", async ({ asAdmin: page }, testInfo) => {
    const admin = new AdminPage(page);
    await admin.goto();
    await expect(admin.users).toBeVisible();
    await check(page, "verwaltung");
    await admin.invite(`a11y-${testInfo.workerIndex}-${Date.now()}@e2e.example`, "Stadt Barrierefrei", "Lesende");
    await expect(admin.invitationLink).toBeVisible();
    await check(page, "verwaltung-einladung");
  });

  test("[a11y] invitation page, open and invalid", async ({ page, users }) => {
    const token = await users.invitationToken();
    await page.goto(`/einladung/${token}`);
    await expect(page.getByLabel("Ihr Name")).toBeVisible();
    await check(page, "einladung");
    await page.getByRole("button", { name: "Zugang einrichten" }).click();
    await expect(page.getByText("Bitte geben Sie Ihren Namen ein.")).toBeVisible();
    await check(page, "einladung-fehler");

    await page.goto(`/einladung/${"y".repeat(43)}`);
    await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
    await check(page, "einladung-ungueltig");
  });

  test("[a11y] the session-ended notice after deactivation", async ({ asAdmin, users, make }) => {
    const user = await users.invite();
    const page = await users.pageOf(user);
    const thread = await make.thread();
    await page.goto(thread.url);
    await waitForLive(page);
    const { error } = await trpc(asAdmin.request, "user.setActive", { userId: user.id, isActive: false });
    expect(error).toBeUndefined();
    await expect(page.getByRole("alert").filter({ hasText: "Ihr Zugang wurde deaktiviert." })).toBeVisible();
    await check(page, "sitzung-beendet");
  });

  test("[a11y] spotlight page as participant, as moderation with form errors, and as reader with an answer", async ({ asParticipant, asModerator, asReader, make }) => {
    const spotlight = await make.spotlight({ title: make.name("Barrierefreie Formulare im Landesportal") });
    await asParticipant.goto(spotlight.url);
    await expect(asParticipant.getByRole("button", { name: "Mitzeichnung zurückziehen" })).toBeVisible();
    await check(asParticipant, "a11y-spotlight-teilnehmend");

    await asModerator.goto(spotlight.url);
    const moderation = asModerator.getByRole("region", { name: "Moderation: nächster Schritt" });
    await moderation.getByRole("radio", { name: /Ablehnen/ }).check();
    await moderation.getByRole("button", { name: "Ablehnen", exact: true }).click();
    await expect(moderation.getByText("Bitte geben Sie eine Begründung für die Ablehnung ein.")).toBeVisible();
    await check(asModerator, "a11y-spotlight-moderation-fehler");

    const steps = [
      { fromStatus: "PROPOSED", to: "IN_REVIEW" },
      { fromStatus: "IN_REVIEW", to: "PROMOTED" },
      { fromStatus: "PROMOTED", to: "FORWARDED", forwardedTo: "Ministerium für Inneres und Sport", forwardedContact: "Referat 41", forwardedOn: "2026-01-05", dueOn: "2026-02-05" },
      { fromStatus: "FORWARDED", to: "ANSWERED", answer: "Das Land stellt **Vorlagen** bereit.\n\n- Formular A\n- Formular B", answeredOn: "2026-02-01" },
    ];
    for (const step of steps) expect((await trpc(asModerator.request, "spotlight.transition", { spotlightId: spotlight.id, ...step })).error).toBeUndefined();
    await asReader.goto(spotlight.url);
    await expect(asReader.getByRole("region", { name: "Antwort" })).toContainText("Vorlagen");
    await check(asReader, "a11y-spotlight-lesend");
  });

  test("[a11y] spotlight board, list view and an empty filter, as participant and as reader", async ({ asParticipant: page, asReader }) => {
    await page.goto("/spotlights");
    await expect(page.getByTestId("spotlight-board")).toBeVisible();
    await check(page, "spotlights-board");
    await page.goto("/spotlights?ansicht=liste&sortierung=titel&richtung=auf");
    await expect(page.getByTestId("spotlight-table")).toBeVisible();
    await check(page, "spotlights-liste");
    await page.goto("/spotlights?status=abgelehnt&kommune=1&gruppe=strategie");
    await expect(page.getByTestId("spotlight-board")).toBeVisible();
    await check(page, "spotlights-leer");
    await asReader.goto("/spotlights");
    await expect(asReader.getByTestId("spotlight-board")).toBeVisible();
    await check(asReader, "spotlights-lesend");
  });

  test("[a11y] impulse talks: list with filters, an empty list, past and upcoming talk pages, as participant and as reader", async ({ asParticipant: page, asReader, make }) => {
    const talk = await make.talk({ title: make.name("Barrierefreier Impuls"), category: "FUTURE" });
    await page.goto("/impulse?reihe=FUTURE");
    await expect(page.getByRole("article", { name: talk.title })).toBeVisible();
    await check(page, "impulse-liste-filter");
    await page.goto("/impulse?zeit=vergangen&reihe=LIGHTHOUSE&gruppe=technik");
    await expect(page.getByText("Zu diesen Filtern gibt es keine vergangenen Impulsvorträge.")).toBeVisible();
    await check(page, "impulse-liste-leer-filter");
    await page.goto(talk.url);
    await expect(page.getByRole("heading", { level: 1, name: talk.title })).toBeVisible();
    await check(page, "impulse-vortrag");
    await asReader.goto("/impulse?zeit=vergangen");
    await asReader.getByRole("link", { name: "Digitale Baugenehmigung in Hamburg: vom Antrag bis zum Bescheid" }).click();
    await expect(asReader.getByRole("heading", { name: "Aufzeichnung und Materialien" })).toBeVisible();
    await check(asReader, "impulse-vortrag-lesend");
  });

  test("[a11y] OZG service page as participant with the link picker open, and as reader", async ({ asParticipant, asReader, make }) => {
    test.slow(); // three long pages, each checked and photographed at two widths
    await asParticipant.goto("/ozg/leistungen/10169");
    await expect(asParticipant.getByRole("heading", { level: 1, name: "Führerschein" })).toBeVisible();
    await check(asParticipant, "a11y-ozg-leistung");
    const thread = await make.thread({ title: make.name("OZG-Picker") });
    await asParticipant.goto(thread.url);
    const linked = asParticipant.getByRole("region", { name: "Verknüpfte OZG-Leistungen" });
    await linked.getByRole("button", { name: "Leistung verknüpfen" }).click();
    await linked.getByLabel("Leistung suchen (Name oder OZG-ID)").fill("Führerschein");
    await expect(linked.getByRole("button", { name: "Führerschein (10169) verknüpfen" })).toBeVisible();
    await check(asParticipant, "a11y-ozg-picker");
    await asReader.goto("/ozg/leistungen/10169");
    await expect(asReader.getByRole("heading", { level: 1, name: "Führerschein" })).toBeVisible();
    await check(asReader, "a11y-ozg-leistung-lesend");
  });

  test("[a11y] OZG overview as reader and as moderation, with a chart's table open", async ({ asReader, asModerator }) => {
    await asReader.goto("/ozg");
    await expect(asReader.getByRole("img", { name: "Leistungen je Phase" })).toBeVisible();
    await asReader.getByRole("region", { name: "Ressort und Phase" }).getByText("Als Tabelle anzeigen").click();
    await check(asReader, "ozg-uebersicht-lesend");
    await asModerator.goto("/ozg");
    await asModerator.getByRole("button", { name: "Übersicht und Tabelle öffentlich zeigen" }).click();
    await expect(asModerator.getByRole("button", { name: "Ja, öffentlich zeigen" })).toBeVisible();
    await check(asModerator, "ozg-uebersicht-moderation");
  });

  test("[a11y] results document: latest version, comparison and print view, as reader", async ({ asReader: page }) => {
    await page.goto("/ergebnisse");
    await expect(page.getByRole("heading", { level: 1, name: "Ergebnisdokument Gemeinsam Digital für Sachsen-Anhalt" })).toBeVisible();
    await check(page, "ergebnisse");
    await page.goto("/ergebnisse/vergleich");
    await expect(page.getByRole("heading", { level: 1, name: "Versionen vergleichen" })).toBeVisible();
    await check(page, "ergebnisse-vergleich");
    await page.goto("/ergebnisse/versionen/1/druck");
    await expect(page.getByRole("button", { name: "Drucken" })).toBeVisible();
    await check(page, "ergebnisse-druck");
  });

  test("[a11y] not-found page", async ({ asParticipant: page }) => {
    await page.goto(`/arbeitsgruppen/technik/themen/${crypto.randomUUID()}`);
    await expect(page.getByRole("heading", { name: "Seite nicht gefunden" })).toBeVisible();
    // inside the signed-in shell (an unknown thread) and outside it (an unknown address): one main landmark each
    await expect(page.getByRole("main")).toHaveCount(1);
    await check(page, "nicht-gefunden");
    const response = await page.goto("/gibt-es-nicht");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Seite nicht gefunden" })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
  });
});

test.describe("[a11y] keyboard", () => {
  test("[a11y] Tab reaches the skip link first and it leads into the main content", async ({ asParticipant: page }) => {
    await page.goto("/");
    await expect(new AppShell(page).welcome("Thomas Tietz")).toBeVisible();
    await page.keyboard.press("Tab");
    const skip = new AppShell(page).skipLink;
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#inhalt$/);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
  });

  test("[a11y] the skip link comes first on the sign-in page too", async ({ page }) => {
    await page.goto("/anmelden");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Zum Inhalt springen" })).toBeFocused();
  });

  test("[a11y] a participant reaches the composer and sends a post with the keyboard only", async ({ asParticipant: page, make }) => {
    const thread = await make.thread();
    const view = new ThreadPage(page);
    await view.goto(thread.url);
    await expect(view.composer).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(new AppShell(page).skipLink).toBeFocused();

    let reached = false;
    for (let step = 0; step < 40 && !reached; step++) {
      await page.keyboard.press("Tab");
      reached = await view.composer.evaluate((element) => element === document.activeElement);
    }
    expect(reached, "composer reachable with Tab").toBe(true);
    const body = make.name("Mit der Tastatur geschrieben");
    await page.keyboard.type(body);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Datei anhängen" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(view.send).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(view.post(body)).toHaveCount(1);
    await expect(view.composer).toHaveValue("");
  });
});

test.describe("[a11y] narrow screens", () => {
  // one test loads some twenty pages at 320 px: near a minute when CI's two workers load both cores
  test.describe.configure({ timeout: 150_000 });
  test.use({ viewport: { width: 320, height: 720 } });

  test("[a11y] home page has no horizontal scroll at 320 px, even with a long link in the activity feed", async ({
    asParticipant: page,
    make,
  }) => {
    await richThread(make);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Neueste Aktivität" })).toBeVisible();
    await screens(page, "start-schmal-langer-link");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test("[a11y] thread page has no horizontal scroll at 320 px", async ({ asParticipant: page, make }) => {
    const thread = await richThread(make);
    const view = new ThreadPage(page);
    await view.goto(thread.url);
    await expect(view.posts).toHaveCount(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test("[a11y] the other pages have no horizontal scroll at 320 px either", async ({ asParticipant, asAdmin, page, users }) => {
    const token = await users.invitationToken();
    const pages: [Page, string, (p: Page) => ReturnType<Page["getByRole"]>][] = [
      [page, "/anmelden", (p) => p.getByRole("button", { name: "Anmelden" })],
      [page, `/einladung/${token}`, (p) => p.getByRole("button", { name: "Zugang einrichten" })],
      [asParticipant, "/arbeitsgruppen", (p) => p.getByRole("link", { name: "Arbeitsgruppe Technik" })],
      [asParticipant, "/arbeitsgruppen/technik", (p) => p.getByRole("link", { name: "Neues Thema" })],
      [asParticipant, "/arbeitsgruppen/technik/themen/neu", (p) => p.getByRole("button", { name: "Thema eröffnen" })],
      [asParticipant, "/spotlights/neu", (p) => p.getByRole("button", { name: "Spotlight vorschlagen" })],
      [asParticipant, "/spotlights", (p) => p.getByRole("button", { name: "Filter anwenden" })],
      [asParticipant, "/spotlights?ansicht=liste", (p) => p.getByTestId("spotlight-table")],
      [asParticipant, "/ozg", (p) => p.getByRole("img", { name: "Ressort und Phase" })],
      [asParticipant, "/ergebnisse/entwurf", (p) => p.getByRole("button", { name: "Kommentar senden" }).first()],
      [asParticipant, "/ergebnisse", (p) => p.getByRole("navigation", { name: "Inhalt" })],
      // with one version there is nothing to compare yet and no form: the heading is there either way
      [asParticipant, "/ergebnisse/vergleich", (p) => p.getByRole("heading", { level: 1, name: "Versionen vergleichen" })],
      [asAdmin, "/verwaltung", (p) => p.getByRole("button", { name: "Deaktivieren (Lena Lorenz)" })],
    ];
    const overflowing: string[] = [];
    for (const [p, url, ready] of pages) {
      await p.setViewportSize({ width: 320, height: 720 });
      await p.goto(url);
      await expect(ready(p)).toBeVisible();
      const overflow = await horizontalOverflow(p);
      if (overflow > 0) overflowing.push(`${url}: ${overflow}px too wide`);
    }
    expect(overflowing).toEqual([]);
  });
});
