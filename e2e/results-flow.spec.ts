import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { readDocx, readPdf } from "../server/services/results/export/read-back";
import { expect, test, waitForLive } from "./fixtures";

/**
 * The story from end to end, as people click through it: moderation writes two sections
 * citing a thread and a spotlight, a participant comments live, moderation resolves and publishes,
 * edits and publishes again; a reader reads the newer version, compares it with the older one and
 * downloads PDF and DOCX. Other specs publish too: every check is on what this test created.
 */

const sectionRegion = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

async function addSection(page: Page, title: string) {
  const moderation = page.getByTestId("draft-moderation");
  await moderation.getByLabel("Titel des Abschnitts").fill(title);
  await moderation.getByRole("button", { name: "Abschnitt hinzufügen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
}

/** Opens the section's editor from the draft, writes the text and saves it. */
async function write(page: Page, title: string, markdown: string) {
  await page.goto("/ergebnisse/entwurf");
  await sectionRegion(page, title).getByRole("link", { name: /^Bearbeiten/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByLabel("Text des Abschnitts (Markdown)").fill(markdown);
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText(/^Gespeichert um \d\d:\d\d Uhr\.$/)).toBeVisible();
}

async function publish(page: Page, note: string): Promise<number> {
  await page.goto("/ergebnisse/entwurf");
  await page.getByLabel("Änderungsnotiz").fill(note);
  await page.getByRole("button", { name: "Version veröffentlichen" }).click();
  await page.getByRole("button", { name: "Jetzt veröffentlichen" }).click();
  const link = page.getByRole("link", { name: /^Version \d+ ansehen$/ });
  // publishing freezes every section and notifies every reader: seconds when CI's cores are busy
  await expect(link).toBeVisible({ timeout: 30_000 });
  return Number(/(\d+)/.exec((await link.textContent())!)![1]);
}

test("[results-flow] write with sources, comment live, resolve, publish twice; a reader reads, compares and downloads", async ({ asModerator, asParticipant, asReader, make, exclusive }) => {
  // a whole working session of three people: longer than one step of the suite, on a loaded machine too
  test.setTimeout(300_000);
  // its two versions follow each other and hold its own edits: no other test publishes meanwhile
  await exclusive("results-publish");
  const thread = await make.thread({ slug: "technik", title: make.name("Flow-Thema Übermittlungsweg") });
  const spotlight = await make.spotlight({ slug: "technik", title: make.name("Flow-Spotlight Servicekonto") });
  const overall = make.name("Flow Gesamtbild");
  const technik = make.name("Flow Technik");

  await asModerator.goto("/ergebnisse/entwurf");
  await waitForLive(asModerator);
  await addSection(asModerator, overall);
  await addSection(asModerator, technik);
  await write(
    asModerator,
    overall,
    `Die Kommunen empfehlen einen gemeinsamen Übermittlungsweg.\n\nGrundlage: [${thread.title}](/arbeitsgruppen/technik/themen/${thread.id}).`,
  );
  await write(
    asModerator,
    technik,
    `## Befund\n\n- FIT-Connect für neue Anbindungen\n- Servicekonto einheitlich anbinden\n\nGrundlage: [${spotlight.title}](/spotlights/${spotlight.id}) und [das Thema](/arbeitsgruppen/technik/themen/${thread.id}).`,
  );

  // the sources are listed under the sections, and the thread knows where it is cited
  await asModerator.goto("/ergebnisse/entwurf");
  await waitForLive(asModerator);
  await expect(sectionRegion(asModerator, overall).getByRole("link", { name: new RegExp(thread.title) })).toHaveCount(2);
  await expect(sectionRegion(asModerator, technik).getByRole("link", { name: new RegExp(spotlight.title) })).toHaveCount(2);

  // a participant comments on the first paragraph; moderation's open page shows it without reloading
  await asParticipant.goto("/ergebnisse/entwurf");
  await waitForLive(asParticipant);
  const participantSection = sectionRegion(asParticipant, overall);
  await participantSection.getByLabel("Bezug").selectOption({ index: 1 });
  const commentText = `Bitte „gemeinsamen“ genauer fassen ${make.name("")}`;
  await participantSection.getByLabel("Kommentar", { exact: true }).fill(commentText);
  await participantSection.getByRole("button", { name: "Kommentar senden" }).click();
  const comment = sectionRegion(asModerator, overall).locator("article", { hasText: commentText });
  await expect(comment).toBeVisible();
  await expect(comment).toContainText("Zu Absatz 1:");
  await comment.getByRole("button", { name: "Als erledigt markieren" }).click();
  await expect(asParticipant.locator("article", { hasText: commentText })).toContainText("Erledigt von");

  const first = await publish(asModerator, `Flow: erste Fassung ${overall}`);
  await write(
    asModerator,
    overall,
    `Die Kommunen und Landkreise empfehlen einen verbindlichen Übermittlungsweg.\n\nGrundlage: [${thread.title}](/arbeitsgruppen/technik/themen/${thread.id}).`,
  );
  const second = await publish(asModerator, `Flow: zweite Fassung ${overall}`);
  expect(second).toBe(first + 1);

  await asThread(asModerator, thread.url, overall);

  // the reader reads the newer version: sections, and the thread as text without a link
  await asReader.goto("/ergebnisse");
  await expect(asReader.getByRole("region", { name: "Alle Versionen" }).getByText(new RegExp(`^Version ${second} vom`))).toBeVisible();
  await asReader.goto(`/ergebnisse/versionen/${second}`);
  await expect(asReader.getByText(`Flow: zweite Fassung ${overall}`).first()).toBeVisible();
  // published sections are numbered: "6. Flow Gesamtbild …"
  const readerSection = asReader.getByRole("region", { name: new RegExp(`^\\d+\\. ${overall}$`) });
  await expect(readerSection).toContainText("Die Kommunen und Landkreise empfehlen einen verbindlichen Übermittlungsweg.");
  await expect(readerSection.getByRole("link", { name: new RegExp(thread.title) })).toHaveCount(0);

  // the diff to the version before, word by word
  await asReader.getByRole("link", { name: `Änderungen gegenüber Version ${first}` }).first().click();
  await expect(asReader).toHaveURL(new RegExp(`von=${first}&zu=${second}`));
  const changed = asReader.getByRole("region", { name: new RegExp(overall) });
  await expect(changed.locator("ins", { hasText: "Landkreise" })).toBeVisible();
  await expect(changed.locator("del", { hasText: "gemeinsamen" })).toBeVisible();
  await expect(asReader.locator("body")).not.toContainText(`/arbeitsgruppen/technik/themen/${thread.id}`);

  // PDF and DOCX, downloaded as a person would, read back
  await asReader.goto(`/ergebnisse/versionen/${second}`);
  const [pdfDownload] = await Promise.all([asReader.waitForEvent("download"), asReader.getByRole("link", { name: "PDF" }).first().click()]);
  expect(pdfDownload.suggestedFilename()).toBe(`GDST-Ergebnisdokument-v${second}.pdf`);
  const pdf = await readPdf(await readFile((await pdfDownload.path())!));
  expect(pdf.marked).toBe(true);
  expect(pdf.language).toBe("de");
  expect(pdf.title).toBe("Ergebnisdokument Gemeinsam Digital für Sachsen-Anhalt");
  expect(pdf.outline.map((item) => item.title)).toEqual(expect.arrayContaining([overall, technik]));
  expect(pdf.outline.find((item) => item.title === technik)?.items).toContain("Befund");
  expect(pdf.roles).toEqual(expect.arrayContaining(["H1", "H2", "P", "L", "LI"]));
  expect(pdf.text).toContain("Die Kommunen und Landkreise empfehlen einen verbindlichen Übermittlungsweg.");

  const [docxDownload] = await Promise.all([asReader.waitForEvent("download"), asReader.getByRole("link", { name: "Word (DOCX)" }).first().click()]);
  expect(docxDownload.suggestedFilename()).toBe(`GDST-Ergebnisdokument-v${second}.docx`);
  const html = await readDocx(await readFile((await docxDownload.path())!));
  expect(html).toContain(`<h1>${overall}</h1>`);
  expect(html).toContain(`<h1>${technik}</h1>`);
  expect(html).toContain("<h2>Befund</h2>");
  expect(html).toMatch(/<ul><li>FIT-Connect für neue Anbindungen<\/li>/);
  expect(html).toContain("Die Kommunen und Landkreise empfehlen einen verbindlichen Übermittlungsweg.");
});

/** The thread page says where the document cites it: in the draft and in the published versions. */
async function asThread(page: Page, url: string, sectionTitle: string) {
  await page.goto(url);
  const citedIn = page.getByRole("region", { name: "Im Ergebnisdokument zitiert" });
  await expect(citedIn.getByRole("link", { name: new RegExp(sectionTitle) }).first()).toBeVisible();
}
