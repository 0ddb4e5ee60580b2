import type { Page } from "@playwright/test";
import { expect, expectAccessible, horizontalOverflow, screens, test, trpc } from "./fixtures";

/** A fresh draft section made by `page`'s user (moderation) over tRPC; its id. */
async function createSection(page: Page, title: string): Promise<string> {
  const { data, error } = await trpc(page.request, "results.createSection", { title });
  expect(error, "createSection").toBeUndefined();
  const section = (data as { id: string; title: string }[]).find((entry) => entry.title === title);
  expect(section, title).toBeTruthy();
  return section!.id;
}

const editorUrl = (sectionId: string) => `/ergebnisse/entwurf/${sectionId}`;
const textarea = (page: Page) => page.getByLabel("Text des Abschnitts (Markdown)");

test.describe("[results-editor] section editor", () => {
  test("[results-editor] moderator writes Markdown with a live preview, cites a thread with the picker and saves", async ({ asModerator: page, asAdmin, make }) => {
    test.slow(); // build, search, preview round trips and two screenshots
    const word = `Quellenprobe${test.info().workerIndex}${Date.now().toString(36)}`;
    const thread = await make.thread({ slug: "technik", title: `${word} Schnittstellen`, body: "Grundlage für das Ergebnis." });
    const title = make.name("Editor Abschnitt");
    // added by someone else: the heading names who saved last until this editor saves
    const sectionId = await createSection(asAdmin, title);

    await page.goto(editorUrl(sectionId));
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("link", { name: "Zurück zum Entwurf" })).toHaveAttribute("href", `/ergebnisse/entwurf#abschnitt-${sectionId}`);
    const area = textarea(page);
    await area.fill("## Befund\n\n- erster Punkt\n- zweiter Punkt\n\n| Land | Stand |\n| --- | --- |\n| Sachsen-Anhalt | gut |\n\n");
    const preview = page.getByTestId("editor-preview");
    await expect(preview.getByRole("heading", { name: "Befund" })).toBeVisible();
    await expect(preview.getByRole("listitem").filter({ hasText: "zweiter Punkt" })).toBeVisible();
    await expect(preview.getByRole("cell", { name: "Sachsen-Anhalt" })).toBeVisible();

    // the picker, by keyboard: search, arrow down to the hit, Enter inserts at the cursor (the end)
    await area.press("Control+End");
    await page.getByRole("button", { name: "Quelle einfügen" }).click();
    const search = page.getByLabel("Thema, Beitrag oder Spotlight suchen");
    await expect(search).toBeFocused();
    await search.fill(word);
    const hit = page.getByRole("button", { name: `Thema „${thread.title}“ einfügen` });
    await expect(hit).toBeVisible();
    await search.press("ArrowDown");
    await expect(hit).toBeFocused();
    await hit.press("Enter");
    await expect(area).toBeFocused();
    await expect(area).toHaveValue(new RegExp(`Grundlage: \\[${thread.title}\\]\\(/arbeitsgruppen/technik/themen/${thread.id}\\)$`));
    const sources = page.getByRole("list", { name: "Quellen" });
    await expect(sources.getByRole("link", { name: thread.title })).toHaveAttribute("href", `/arbeitsgruppen/technik/themen/${thread.id}`);

    // after a "Grundlage:" typed by hand the picker inserts only the link
    await area.press("Control+End");
    await area.pressSequentially("\n\nGrundlage: ");
    await page.getByRole("button", { name: "Quelle einfügen" }).click();
    await search.fill(word);
    await hit.click();
    await expect(area).toHaveValue(new RegExp(`\\n\\nGrundlage: \\[${thread.title}\\]\\(/arbeitsgruppen/technik/themen/${thread.id}\\)$`));
    expect(await area.inputValue()).not.toContain("Grundlage: Grundlage:");

    // a link that leads nowhere is counted
    await area.press("Control+End");
    await area.pressSequentially(" [kaputt](/beitraege/00000000-0000-4000-8000-000000000000)");
    await expect(page.getByText("1 Verweis führt zu keinem Thema, Beitrag oder Spotlight.")).toBeVisible();

    await expectAccessible(page);
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(page), `overflow at ${width}`).toBe(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await screens(page, "results-editor");

    await expect(page.getByText(/zuletzt gespeichert von Andrea Albrecht am/)).toBeVisible();
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.getByText(/^Gespeichert um \d\d:\d\d Uhr\.$/)).toBeVisible();
    // the heading's "last saved" follows the save at once
    await expect(page.getByText(/zuletzt gespeichert von Martin Meier am/)).toBeVisible();
    const { data: draft } = await trpc(page.request, "results.draft", undefined, "query");
    const saved = (draft.sections as { id: string; html: string; sources: { label: string }[] }[]).find((section) => section.id === sectionId)!;
    expect(saved.html).toContain("Befund");
    expect(saved.sources.some((source) => source.label.startsWith(thread.title))).toBe(true);
    const response = await page.goto("/ergebnisse/entwurf");
    if (response?.status() === 200) await expect(page.locator(`#abschnitt-${sectionId}`)).toBeVisible();
  });

  test("[results-editor] a save after someone else's is refused, keeps the text and shows the word diff", async ({ asModerator, asAdmin, make }) => {
    test.slow(); // two editors, three saves
    const sectionId = await createSection(asModerator, make.name("Editor Konflikt"));
    const base = "Die Verwaltung arbeitet digital.";
    const first = await trpc(asModerator.request, "results.saveSection", { sectionId, markdown: base, baseRevision: 0 });
    expect(first.error).toBeUndefined();

    await asModerator.goto(editorUrl(sectionId));
    await asAdmin.goto(editorUrl(sectionId));
    await expect(textarea(asModerator)).toHaveValue(base);
    await expect(textarea(asAdmin)).toHaveValue(base);

    await textarea(asModerator).fill("Die Verwaltung arbeitet vollständig digital.");
    await asModerator.getByRole("button", { name: "Speichern" }).click();
    await expect(asModerator.getByText(/^Gespeichert um/)).toBeVisible();

    const mine = "Die Landesverwaltung arbeitet digital und gemeinsam.";
    await textarea(asAdmin).fill(mine);
    await asAdmin.getByRole("button", { name: "Speichern" }).click();
    const conflict = asAdmin.getByRole("region", { name: "Der Abschnitt wurde inzwischen geändert" });
    await expect(conflict.getByText(/Dieser Abschnitt wurde inzwischen von .+ gespeichert/)).toBeVisible();
    await expect(textarea(asAdmin)).toHaveValue(mine);
    const diff = conflict.getByRole("region", { name: "Änderungen seit Beginn Ihrer Bearbeitung" });
    await expect(diff.locator("ins")).toContainText("eingefügt: vollständig");
    await expectAccessible(asAdmin);

    // the user decides: overwrite knowingly
    await conflict.getByRole("button", { name: "Mit meinem Text überschreiben" }).click();
    await asAdmin.getByRole("button", { name: "Speichern" }).click();
    await expect(asAdmin.getByText(/^Gespeichert um/)).toBeVisible();
    const { data } = await trpc(asAdmin.request, "results.sectionForEditing", { sectionId }, "query");
    expect(data.markdown).toBe(mine);
    expect(data.revision).toBe(3);
  });

  test("[results-editor] autosave restores unsaved text after a reload; leaving asks first", async ({ asModerator: page, make }) => {
    const sectionId = await createSection(page, make.name("Editor Autosave"));
    await page.goto(editorUrl(sectionId));
    // a real click: browsers ask before unloading only pages the user has interacted with
    await textarea(page).click();
    await textarea(page).fill("Ein Gedanke, der nicht verloren gehen soll.");
    await expect(page.getByText(/^Entwurf automatisch gesichert um \d\d:\d\d Uhr\.$/)).toBeVisible();

    // reloading with unsaved text asks before leaving
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(dialogs).toContain("beforeunload");
    await expect(textarea(page)).toHaveValue("Ein Gedanke, der nicht verloren gehen soll.");
    await expect(page.getByText(/^Ungespeicherter Entwurf vom .+ wiederhergestellt\.$/)).toBeVisible();

    // "Verwerfen" goes back to the saved (empty) text, and nothing is restored any more
    await page.getByRole("button", { name: "Verwerfen" }).click();
    await expect(textarea(page)).toHaveValue("");
    dialogs.length = 0;
    await page.reload();
    expect(dialogs).toEqual([]);
    await expect(page.getByText(/wiederhergestellt/)).toHaveCount(0);

    // a link inside the app asks too; after saving nothing asks
    await textarea(page).fill("Noch nicht gespeichert.");
    await page.getByRole("link", { name: "Zurück zum Entwurf" }).click();
    expect(dialogs).toContain("confirm");
    await page.goto(editorUrl(sectionId));
    await textarea(page).fill("Jetzt gespeichert.");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.getByText(/^Gespeichert um/)).toBeVisible();
    dialogs.length = 0;
    await page.reload();
    expect(dialogs).toEqual([]);
    await expect(textarea(page)).toHaveValue("Jetzt gespeichert.");
  });

  test("[results-editor] a 1 MB paste is refused by the server in German and the text stays", async ({ asModerator: page, make }) => {
    const sectionId = await createSection(page, make.name("Editor Grenze"));
    await page.goto(editorUrl(sectionId));
    const huge = "Wort ".repeat(200_000);
    await textarea(page).fill(huge);
    await expect(page.getByText(/von 100\.000 Zeichen – .* zu viel/)).toBeVisible();
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Ein Abschnitt darf höchstens 100.000 Zeichen lang sein." })).toBeVisible();
    expect((await textarea(page).inputValue()).length).toBe(huge.length);
  });

  test("[results-editor] participants get the refusal, bad ids the German 404", async ({ asParticipant, asModerator }) => {
    const { data } = await trpc(asModerator.request, "results.draft", undefined, "query");
    const existing = (data.sections as { id: string }[])[0]!.id;
    const refused = await asParticipant.goto(editorUrl(existing));
    expect(refused?.status()).toBe(403);
    await expect(asParticipant.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
    await expect(asParticipant).toHaveTitle(/^Kein Zugriff/);
    await expect(asParticipant.getByLabel("Text des Abschnitts (Markdown)")).toHaveCount(0);

    for (const segment of ["abc", "123456789012", crypto.randomUUID(), "00000000-0000-0000-0000-000000000000", `${existing}x`, "%00", "%E0%A4%A", "W".repeat(200)]) {
      const response = await asModerator.goto(editorUrl(segment));
      expect(response?.status(), segment).toBe(404);
      await expect(asModerator.getByRole("heading", { level: 1, name: "Seite nicht gefunden" }), segment).toBeVisible();
    }
  });
});
