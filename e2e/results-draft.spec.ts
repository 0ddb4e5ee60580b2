import type { Page } from "@playwright/test";
import { expect, expectAccessible, horizontalOverflow, recordDialogs, screens, test, testTag, trpc, waitForLive } from "./fixtures";

const DRAFT = "/ergebnisse/entwurf";

/** A draft section by its title (the section is a region named by its h2). */
const sectionNamed = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

async function openDraft(page: Page) {
  await page.goto(DRAFT);
  await expect(page.getByRole("heading", { level: 1, name: /^Entwurf:/ })).toBeVisible();
  await waitForLive(page);
}

/** Every comment in the draft, read through the API: what the server kept, not what the page shows. */
async function draftComments(page: Page): Promise<{ id: string; html: string }[]> {
  const response = await page.request.get("/api/trpc/results.draft");
  const body = (await response.json()) as { result: { data: { comments: { id: string; html: string }[] } } };
  return body.result.data.comments;
}

test.describe("[results-draft] the working draft with comments", () => {
  test("[results-draft] a participant comments on a paragraph, moderation sees it live and resolves it, the participant sees it resolved live", async ({
    asParticipant,
    asModerator,
  }, testInfo) => {
    const text = `Bitte den zweiten Absatz schärfen ${testTag(testInfo)}`;
    await openDraft(asParticipant);
    await openDraft(asModerator);

    const section = sectionNamed(asParticipant, "Strategie – Was soll gemacht werden?");
    await expect(section.getByText(/^zuletzt bearbeitet (von|am)/)).toBeVisible();
    await expect(section.getByRole("heading", { name: "Quellen" })).toBeVisible();
    const bezug = section.getByLabel("Bezug");
    await expect(bezug.locator("option").first()).toHaveText("Ganzer Abschnitt");
    await expect(bezug.locator("option").nth(2)).toHaveText(/^Absatz 2: „.+“$/);
    await bezug.selectOption({ index: 2 });
    await section.getByLabel("Kommentar", { exact: true }).fill(text);
    await section.getByRole("button", { name: "Kommentar senden" }).click();
    await expect(section.getByText("Ihr Kommentar wurde gespeichert.")).toBeVisible();
    await expect(section.getByLabel("Kommentar", { exact: true })).toHaveValue("");

    // the moderator's page, not reloaded
    const moderatorSection = sectionNamed(asModerator, "Strategie – Was soll gemacht werden?");
    const comment = moderatorSection.locator("article", { hasText: text });
    await expect(comment).toBeVisible();
    await expect(comment).toContainText("Zu Absatz 2:");
    await expect(comment).toContainText("Thomas Tietz");
    const commentId = (await comment.getAttribute("id"))!.replace("kommentar-", "");
    // the paragraph shows that it has open comments, with a link to the first of them
    await expect(moderatorSection.getByTestId("draft-section-body").locator('[data-comment-marker="1"] a')).toHaveText(/^1 offener Kommentar zu Absatz 2$|^\d+ offene Kommentare zu Absatz 2$/);

    await comment.getByRole("button", { name: "Als erledigt markieren" }).click();
    const participantComment = asParticipant.locator(`#kommentar-${commentId}`);
    await expect(participantComment).toContainText("Erledigt von");
    await expect(section.getByTestId("resolved-comments")).toBeVisible();
    // participants cannot resolve
    await expect(asParticipant.getByRole("button", { name: "Als erledigt markieren" })).toHaveCount(0);
  });

  test("[results-draft] moderation adds a section, renames it and moves it up with the keyboard", async ({ asModerator: page }, testInfo) => {
    const tag = testTag(testInfo);
    const title = `Testabschnitt ${tag}`;
    const renamed = `Umbenannter Abschnitt ${tag}`;
    await openDraft(page);
    const moderation = page.getByTestId("draft-moderation");
    await moderation.getByLabel("Titel des Abschnitts").fill(title);
    await moderation.getByLabel("Arbeitsgruppe (optional)").selectOption({ label: "Arbeitsgruppe Technik" });
    await moderation.getByRole("button", { name: "Abschnitt hinzufügen" }).click();
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
    await expect(moderation.getByLabel("Titel des Abschnitts")).toHaveValue("");

    const section = sectionNamed(page, title);
    await expect(section.getByText("Arbeitsgruppe Technik", { exact: true })).toBeVisible();
    await expect(section.getByRole("link", { name: /^Bearbeiten/ })).toHaveAttribute("href", /^\/ergebnisse\/entwurf\/[0-9a-f-]{36}$/);
    await section.getByRole("button", { name: "Umbenennen" }).click();
    await section.getByLabel("Neuer Titel").fill(renamed);
    await section.getByRole("button", { name: "Titel speichern" }).click();
    await expect(page.getByRole("heading", { level: 2, name: renamed })).toBeVisible();

    const titles = () => page.getByTestId("draft-section").locator("h2").allTextContents();
    const before = await titles();
    const index = before.indexOf(renamed);
    expect(index).toBeGreaterThan(0);
    const above = before[index - 1];

    const up = sectionNamed(page, renamed).getByRole("button", { name: "Nach oben" });
    // the other worker's tests change the draft too, and their changes are announced in the same
    // region: collect what it says rather than read its last words
    await page.getByTestId("draft-announcement").evaluate((region) => {
      const said: string[] = [];
      (window as unknown as { __announced: string[] }).__announced = said;
      new MutationObserver(() => said.push(region.textContent ?? "")).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await up.focus();
    await page.keyboard.press("Enter");
    const moved = new RegExp(`^„${renamed}“ steht jetzt an Position \\d+ von \\d+\\.$`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __announced: string[] }).__announced)).toContainEqual(expect.stringMatching(moved));
    await expect(up).toBeFocused();
    await expect.poll(async () => {
      const after = await titles();
      return after.indexOf(renamed) < after.indexOf(above);
    }).toBe(true);
  });

  test("[results-draft] moderation deletes a section after confirming; a participant's open draft drops it live", async ({ asModerator, asParticipant }, testInfo) => {
    const title = `Versehentlich angelegt ${testTag(testInfo)}`;
    const created = await trpc(asModerator.request, "results.createSection", { title });
    const sectionId = (created.data as { id: string; title: string }[]).find((section) => section.title === title)!.id;
    await trpc(asParticipant.request, "results.comment", { id: crypto.randomUUID(), sectionId, body: "Gehört das hierher?", anchorBlock: null });
    await openDraft(asParticipant);
    await openDraft(asModerator);
    await expect(asParticipant.getByRole("heading", { level: 2, name: title })).toBeVisible();

    await sectionNamed(asModerator, title).getByRole("button", { name: `Löschen – ${title}` }).click();
    const dialog = asModerator.getByRole("dialog", { name: `Abschnitt „${title}“ löschen?` });
    await expect(dialog).toContainText("Sein Kommentar wird mit gelöscht.");
    await expect(dialog).toContainText("Bereits veröffentlichte Versionen behalten den Abschnitt unverändert.");
    await expectAccessible(asModerator);
    // cancelling keeps it
    await dialog.getByRole("button", { name: "Abbrechen" }).click();
    await expect(dialog).toBeHidden();
    await expect(asModerator.getByRole("heading", { level: 2, name: title })).toBeVisible();

    await sectionNamed(asModerator, title).getByRole("button", { name: `Löschen – ${title}` }).click();
    await dialog.getByRole("button", { name: "Abschnitt endgültig löschen" }).click();
    await expect(asModerator.getByRole("heading", { level: 2, name: title })).toHaveCount(0);
    // the participant's page, not reloaded
    await expect(asParticipant.getByRole("heading", { level: 2, name: title })).toHaveCount(0);
    await expect(asParticipant.getByText("Gehört das hierher?")).toHaveCount(0);
    const again = await trpc(asModerator.request, "results.deleteSection", { sectionId });
    expect(again.status).toBe(404);
    expect(again.error?.message).toBe("Diesen Abschnitt des Ergebnisdokuments gibt es nicht.");
  });

  test("[results-draft] readers get the German refusal, visitors the sign-in page", async ({ asReader, page }) => {
    expect((await asReader.goto(DRAFT))?.status()).toBe(403);
    await expect(asReader.getByRole("heading", { level: 1, name: "Entwurf nicht verfügbar" })).toBeVisible();
    await expect(asReader.getByText("Der Entwurf des Ergebnisdokuments ist den Teilnehmenden vorbehalten.", { exact: false })).toBeVisible();
    await expect(asReader.getByRole("link", { name: "Zu den veröffentlichten Ergebnissen" })).toHaveAttribute("href", "/ergebnisse");
    await expect(asReader.getByRole("button", { name: "Kommentar senden" })).toHaveCount(0);
    const api = await asReader.request.get("/api/trpc/results.draft");
    expect(api.status()).toBe(403);

    await page.goto(DRAFT);
    await expect(page).toHaveURL(/\/anmelden/);
  });

  test("[results-draft] empty, too long and hostile comments", async ({ asParticipant: page }, testInfo) => {
    const dialogs = recordDialogs(page);
    await openDraft(page);
    const section = sectionNamed(page, "Organisation – Wer soll es machen?");
    const field = section.getByLabel("Kommentar", { exact: true });
    const send = section.getByRole("button", { name: "Kommentar senden" });

    await send.click();
    await expect(section.getByText("Bitte geben Sie einen Kommentar ein.")).toBeVisible();

    const tooLong = "Lang ".repeat(1_200);
    await field.fill(tooLong);
    await send.click();
    await expect(section.getByText("Ein Kommentar darf höchstens 5.000 Zeichen lang sein.")).toBeVisible();
    await expect(field).toHaveValue(tooLong);

    await field.fill("\u200b\u200b\u200b\u2060");
    await send.click();
    await expect(section.getByText("Bitte geben Sie einen Kommentar ein.")).toBeVisible();
    // nothing was stored: no comment of the long text, none without visible text
    const stored = await draftComments(page);
    expect(stored.filter((comment) => comment.html.includes("Lang Lang") || comment.html.replace(/<[^>]*>|\s|\u200b|\u2060/g, "") === "")).toEqual([]);

    const word = `${testTag(testInfo)}${"x".repeat(200)}`;
    await field.fill(`${word} <script>alert(1)</script> <img src=x onerror=alert(2)>`);
    await send.click();
    const posted = section.locator("article", { hasText: word });
    await expect(posted).toBeVisible();
    await expect(posted).toContainText("<script>alert(1)</script>");
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await horizontalOverflow(page)).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test("[results-draft] moderation publishes a version after adding a section; nothing to publish right after", async ({ asModerator: page, exclusive }, testInfo) => {
    test.slow(); // may wait for results-flow, which publishes too
    await exclusive("results-publish");
    const tag = testTag(testInfo);
    const note = `Neuer Abschnitt zur Veröffentlichung ${tag}`;
    await openDraft(page);
    const moderation = page.getByTestId("draft-moderation");
    await moderation.getByLabel("Titel des Abschnitts").fill(`Zu veröffentlichen ${tag}`);
    await moderation.getByRole("button", { name: "Abschnitt hinzufügen" }).click();
    await expect(page.getByRole("heading", { level: 2, name: `Zu veröffentlichen ${tag}` })).toBeVisible();
    await expect(page.getByTestId("draft-changes")).toHaveText("Der Entwurf enthält Änderungen, die noch nicht veröffentlicht sind.");

    await moderation.getByRole("button", { name: "Version veröffentlichen" }).click();
    await expect(moderation.getByText("Bitte geben Sie eine Änderungsnotiz ein.")).toBeVisible();
    await moderation.getByLabel("Änderungsnotiz").fill(note);
    await moderation.getByRole("button", { name: "Version veröffentlichen" }).click();
    const confirm = page.getByRole("dialog", { name: "Version veröffentlichen?" });
    await confirm.getByRole("button", { name: "Jetzt veröffentlichen" }).click();
    const link = moderation.getByRole("link", { name: /^Version \d+ ansehen$/ });
    await expect(link).toBeVisible();
    const number = Number((await link.getAttribute("href"))!.replace("/ergebnisse/versionen/", ""));
    const version = await trpc(page.request, "results.version", { number }, "query");
    expect(version.data.note).toBe(note);
    expect(version.data.sections.map((s: { title: string }) => s.title)).toContain(`Zu veröffentlichen ${tag}`);
    await expect(page.getByTestId("draft-note").getByRole("link", { name: `Version ${number}` })).toBeVisible();

    // publishing again at once: the draft is what was just published. Another spec running beside this
    // one may change the draft in between; then that change is published and the next try is refused.
    const nothing = moderation.getByText("Seit der letzten veröffentlichten Version hat sich nichts geändert");
    for (let attempt = 0; attempt < 3 && !(await nothing.isVisible()); attempt++) {
      await moderation.getByLabel("Änderungsnotiz").fill(`Nochmal ${tag}`);
      await moderation.getByRole("button", { name: "Version veröffentlichen" }).click();
      await confirm.getByRole("button", { name: "Jetzt veröffentlichen" }).click();
      await expect(nothing.or(moderation.getByRole("link", { name: new RegExp(`^Version (?!${number}\\b)\\d+ ansehen$`) }))).toBeVisible();
    }
    await expect(nothing).toBeVisible();
    await expect(moderation.getByLabel("Änderungsnotiz")).toHaveValue(`Nochmal ${tag}`);
  });

  test("[results-draft] the public switch asks first and changes nothing when cancelled", async ({ asModerator: page }) => {
    await openDraft(page);
    const toggle = page.getByRole("switch", { name: "Veröffentlichte Versionen öffentlich zeigen" });
    const checked = await toggle.getAttribute("aria-checked");
    await toggle.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Abbrechen" }).click();
    await expect(dialog).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-checked", checked!);
  });

  test("[results-draft] the draft page is accessible, for participants and moderation, at 1280 and 320 px", async ({ asParticipant, asModerator }) => {
    test.slow();
    await openDraft(asParticipant);
    await expectAccessible(asParticipant);
    await screens(asParticipant, "ergebnisse-entwurf");
    await asParticipant.setViewportSize({ width: 320, height: 800 });
    expect(await horizontalOverflow(asParticipant)).toBe(0);
    await openDraft(asModerator);
    await expectAccessible(asModerator);
    await screens(asModerator, "ergebnisse-entwurf-moderation");
    await asModerator.setViewportSize({ width: 320, height: 800 });
    expect(await horizontalOverflow(asModerator)).toBe(0);
  });
});
