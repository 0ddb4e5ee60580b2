import type { Page } from "@playwright/test";
import { expect, expectAccessible, screens, test, trpc } from "./fixtures";

/** A word only this test's content contains (letters only, so full-text search keeps it whole). */
const uniqueWord = () => `Wiedehopf${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;

class ProposePage {
  constructor(readonly page: Page) {}
  get heading() {
    return this.page.getByRole("heading", { level: 1, name: "Spotlight vorschlagen" });
  }
  get title() {
    return this.page.getByRole("textbox", { name: "Titel" });
  }
  get problem() {
    return this.page.getByRole("textbox", { name: "Problembeschreibung" });
  }
  get requestedAction() {
    return this.page.getByRole("textbox", { name: "Anliegen: Was wird von wem erbeten?" });
  }
  get municipalities() {
    return this.page.getByRole("textbox", { name: "Betroffene Kommunen (freiwillig)" });
  }
  group(name: string) {
    return this.page.getByRole("group", { name: "Arbeitsgruppen" }).getByRole("checkbox", { name });
  }
  get suggestions() {
    return this.page.getByTestId("similar-suggestions");
  }
  get submit() {
    return this.page.getByRole("button", { name: "Spotlight vorschlagen" });
  }
  /** the id of the spotlight the form sent us to */
  async createdId() {
    await expect(this.page).toHaveURL(/\/spotlights\/[0-9a-f-]{36}$/);
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }
}

test.describe("[spotlight] proposing", () => {
  test("[spotlight] a participant proposes from a thread, quotes a post and sees a similar spotlight while typing", async ({
    asParticipant: page,
    asParticipant2,
    make,
  }) => {
    const word = uniqueWord();
    const existing = await make.spotlight({ slug: "strategie", title: `Digitaler Bauantrag ${word}` });
    const thread = await make.thread({ slug: "organisation", title: make.name(`Bauanträge online ${word}`), body: "Wie weit sind Ihre Bauämter?" });
    const post = await make.post(thread.id, "Bei uns dauert die Prüfung eines Bauantrags **sechs Wochen**, weil alles ausgedruckt wird.", asParticipant2);

    await page.goto(thread.url);
    await page.getByRole("link", { name: "Als Spotlight vorschlagen" }).click();
    await expect(page).toHaveURL(`/spotlights/neu?thema=${thread.id}`);
    const form = new ProposePage(page);
    await expect(form.heading).toBeVisible();
    await expect(page.getByText("Vorgeschlagen aus:")).toBeVisible();
    await expect(page.getByRole("link", { name: thread.title })).toHaveAttribute("href", thread.url);
    await expect(form.group("Arbeitsgruppe Organisation")).toBeChecked();
    await expect(form.group("Arbeitsgruppe Technik")).not.toBeChecked();

    // typing the title: the existing spotlight is suggested, and screen readers hear how many were found
    await form.title.fill(`Bauanträge digital ${word}`);
    const suggestion = form.suggestions.getByRole("link", { name: `S-${existing.number}: Digitaler Bauantrag ${word}` });
    await expect(suggestion).toBeVisible();
    await expect(suggestion).toHaveAttribute("href", existing.url);
    await expect(form.suggestions.getByRole("list", { name: "Ähnliche Spotlights" }).getByText("Vorgeschlagen")).toBeVisible();
    await expect(page.getByTestId("live-announcer")).toContainText("1 ähnliches Spotlight");
    // the thread it comes from is no duplicate of itself
    await expect(form.suggestions.getByRole("link", { name: thread.title })).toHaveCount(0);

    await form.problem.fill("Bauanträge werden in vielen Kommunen noch auf Papier geprüft.");
    const quote = page.getByRole("checkbox", { name: new RegExp(`^Als Zitat übernehmen \\(Beitrag #${post.number} von `) });
    await quote.check();
    await expect(form.problem).toHaveValue(new RegExp(`schrieb in \\[#${post.number}\\]\\(/beitraege/${post.id}\\):`));
    await expect(form.problem).toHaveValue(/^Bauanträge werden in vielen Kommunen noch auf Papier geprüft\.\n\n> \*\*/);
    await expect(form.problem).toHaveValue(/> Bei uns dauert die Prüfung eines Bauantrags sechs Wochen, weil alles ausgedruckt wird\./);
    // unchecked again, the quote goes; checked once more, it comes back
    await quote.uncheck();
    await expect(form.problem).toHaveValue("Bauanträge werden in vielen Kommunen noch auf Papier geprüft.");
    await quote.check();

    await form.requestedAction.fill("Das Ministerium für Infrastruktur und Digitales stellt ein landesweites Bauportal bereit.");
    await form.group("Arbeitsgruppe Technik").check();
    await form.municipalities.fill("Stadt Zerbst/Anhalt\n\nLutherstadt Wittenberg\n");
    await expectAccessible(page);
    await screens(page, "spotlight-propose");

    await form.submit.click();
    const spotlightId = await form.createdId();
    const { data: spotlight } = await trpc(page.request, "spotlight.byId", { spotlightId }, "query");
    expect(spotlight.title).toBe(`Bauanträge digital ${word}`);
    expect(spotlight.status).toBe("PROPOSED");
    expect(spotlight.sourceThread).toEqual({ id: thread.id, title: thread.title, groupSlug: "organisation" });
    expect(spotlight.groups.map((group: { slug: string }) => group.slug)).toEqual(["organisation", "technik"]);
    expect(spotlight.affectedMunicipalities).toEqual(["Stadt Zerbst/Anhalt", "Lutherstadt Wittenberg"]);
    expect(spotlight.problemHtml).toContain("<blockquote>");
    expect(spotlight.problemHtml).toContain(`href="/beitraege/${post.id}"`);
    // its discussion opened in the group chosen first, the source thread's
    expect(spotlight.thread.groupSlug).toBe("organisation");

    // the search finds it
    await page.goto(`/suche?q=${word}`);
    const hit = page.getByTestId("search-results").getByRole("listitem").filter({ has: page.locator(`a[href="/spotlights/${spotlightId}"]`) });
    await expect(hit).toHaveCount(1);
    await expect(hit.getByText("Spotlight", { exact: true })).toBeVisible();
  });

  test("[spotlight] proposing from the spotlight page: empty fields get German messages, then it is sent without a source", async ({ asParticipant: page }) => {
    const form = new ProposePage(page);
    await page.goto("/spotlights/neu");
    await expect(form.heading).toBeVisible();
    await expect(page).toHaveTitle(/Spotlight vorschlagen/);
    await expect(page.getByText("Vorgeschlagen aus:")).toHaveCount(0);
    await expect(page.getByRole("checkbox", { checked: true })).toHaveCount(0);

    await form.submit.click();
    await expect(page.getByText("Bitte geben Sie einen Titel ein.")).toBeVisible();
    await expect(page.getByText("Bitte geben Sie die Problembeschreibung ein.")).toBeVisible();
    await expect(page.getByText("Bitte geben Sie das Anliegen (was von wem erbeten wird) ein.")).toBeVisible();
    await expect(page.getByText("Bitte wählen Sie mindestens eine Arbeitsgruppe.")).toBeVisible();
    await expect(form.title).toBeFocused();
    await expect(form.title).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await screens(page, "spotlight-propose-fehler");
    // a corrected field loses its message at once; the others keep theirs until they are corrected
    await form.title.fill("Ein Titel");
    await expect(page.getByText("Bitte geben Sie einen Titel ein.")).toHaveCount(0);
    await expect(form.title).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Bitte geben Sie die Problembeschreibung ein.")).toBeVisible();

    // invisible characters are no title; a too-long municipality is named
    const word = uniqueWord();
    await form.title.fill("\u200B\u2060\u00A0");
    await form.problem.fill(`Die Kita-Anmeldung ${word} läuft über drei verschiedene Portale.`);
    await form.requestedAction.fill("Ein gemeinsames Kita-Portal des Landes.");
    await form.municipalities.fill(`Halle (Saale)\n${"K".repeat(101)}`);
    await form.submit.click();
    await expect(page.getByText("Bitte geben Sie einen Titel ein.")).toBeVisible();
    await expect(page.getByText("Der Name einer Kommune darf höchstens 100 Zeichen lang sein.")).toBeVisible();
    await expect(page.getByText("Bitte wählen Sie mindestens eine Arbeitsgruppe.")).toBeVisible();
    await expect(page.getByText("Bitte geben Sie die Problembeschreibung ein.")).toHaveCount(0);

    await form.title.fill(`Kita-Anmeldung ${word} aus einer Hand`);
    await form.municipalities.fill("Halle (Saale)");
    await form.group("Arbeitsgruppe Umsetzung").check();
    await form.submit.click();
    const spotlightId = await form.createdId();
    const { data: spotlight } = await trpc(page.request, "spotlight.byId", { spotlightId }, "query");
    expect(spotlight.title).toBe(`Kita-Anmeldung ${word} aus einer Hand`);
    expect(spotlight.sourceThread).toBeNull();
    expect(spotlight.groups.map((group: { slug: string }) => group.slug)).toEqual(["umsetzung"]);
    expect(spotlight.affectedMunicipalities).toEqual(["Halle (Saale)"]);
    expect(spotlight.cosigningMunicipalities).toHaveLength(1);
  });

  test("[spotlight] a reader cannot reach the form, sees no proposal link, and the server refuses to create", async ({ asReader: page, make }) => {
    expect((await page.goto("/spotlights/neu"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
    await expect(page).toHaveTitle(/Kein Zugriff/);
    await expect(page.getByRole("textbox", { name: "Titel" })).toHaveCount(0);
    const thread = await make.thread();
    expect((await page.goto(`/spotlights/neu?thema=${thread.id}`))?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
    await expect(page.getByText(thread.title)).toHaveCount(0);

    const groupId = await make.groupId("technik");
    const created = await trpc(page.request, "spotlight.create", {
      id: crypto.randomUUID(),
      title: "Vorschlag einer Leserin",
      problem: "Problem",
      requestedAction: "Anliegen",
      groupIds: [groupId],
    });
    expect(created.status).toBe(403);
    expect(created.error?.data.code).toBe("FORBIDDEN");
    expect(created.error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");
    // similar suggestions: public spotlights only, never threads
    const similar = await trpc(page.request, "spotlight.similar", { title: thread.title }, "query");
    expect(similar.data.threads).toEqual([]);
  });

  test("[spotlight] moderation sees the proposal link on a thread too; the link carries the thread", async ({ asModerator: page, make }) => {
    const thread = await make.thread({ slug: "technik" });
    await page.goto(thread.url);
    await expect(page.getByRole("link", { name: "Als Spotlight vorschlagen" })).toHaveAttribute("href", `/spotlights/neu?thema=${thread.id}`);
  });
});
