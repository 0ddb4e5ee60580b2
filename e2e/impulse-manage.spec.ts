import type { Page } from "@playwright/test";
import { samplePdf } from "../seeds/sample-files";
import { berlinLocal, expect, expectAccessible, horizontalOverflow, screens, test, trpc } from "./fixtures";

class TalkFormPage {
  constructor(readonly page: Page) {}
  field(name: string) {
    return this.page.getByRole("textbox", { name, exact: true });
  }
  get title() {
    return this.field("Titel");
  }
  get startsAt() {
    return this.page.getByLabel("Beginn", { exact: true });
  }
  get endsAt() {
    return this.page.getByLabel("Ende", { exact: true });
  }
  /** Fills every required field with sound values. */
  async fillRequired(title: string, { startsInHours = 72 } = {}) {
    await this.title.fill(title);
    await this.field("Name 1").fill("Dr. Anna Beispiel");
    await this.field("Organisation").fill("Senatskanzlei Hamburg");
    await this.page.getByRole("combobox", { name: "Bundesland" }).selectOption("Hamburg");
    await this.page.getByRole("combobox", { name: "Reihe" }).selectOption({ label: "Lösungen anderer Bundesländer" });
    const startsAt = berlinLocal(startsInHours);
    await this.startsAt.fill(startsAt);
    await this.endsAt.fill(berlinLocal(startsInHours + 1));
    await this.field("Link zur Teilnahme").fill("https://konferenz.example.org/kfz");
    await this.field("Zusammenfassung").fill("Wie **i-Kfz** in die Fläche kam.");
    return { startsAt };
  }
  get submit() {
    return this.page.getByRole("button", { name: "Impulsvortrag ansetzen" });
  }
}

const talkIdOf = async (page: Page) => {
  await expect(page).toHaveURL(/\/impulse\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
};

test.describe("[impulse] managing talks", () => {
  test("[impulse] moderation creates a talk with a link and a PDF, a participant follows, the move reaches them, the cancellation shows", async ({
    asModerator: page,
    asParticipant,
    make,
  }) => {
    test.slow(); // two people, an upload, two forms scanned by axe, a move and a cancellation
    const title = make.name("Digitale Kfz-Zulassung");
    await page.goto("/impulse/neu");
    await expect(page.getByRole("heading", { level: 1, name: "Impulsvortrag ansetzen" })).toBeVisible();
    await expect(page.getByText("Zeiten in deutscher Zeit (Europe/Berlin)")).toBeVisible();
    const form = new TalkFormPage(page);
    const { startsAt } = await form.fillRequired(title);
    await page.getByRole("button", { name: "Weitere Person hinzufügen" }).click();
    await expect(form.field("Name 2")).toBeFocused();
    await form.field("Name 2").fill("Jan Muster");
    await page.getByRole("checkbox", { name: "Arbeitsgruppe Technik" }).check();
    await page.getByRole("button", { name: "Link hinzufügen" }).click();
    await expect(form.field("Bezeichnung 1")).toBeFocused();
    await form.field("Bezeichnung 1").fill("Projektseite");
    await form.field("Adresse 1").fill("https://hamburg.example.org/ikfz");
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Datei anhängen" }).click();
    await (await chooser).setFiles({ name: "Folien i-Kfz.pdf", mimeType: "application/pdf", buffer: samplePdf("Folien i-Kfz") });
    await expect(page.getByText("PDF-Dokument, angehängt")).toBeVisible();
    await expectAccessible(page);
    await screens(page, "impulse-talk-form");
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await horizontalOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });

    await form.submit.click();
    const talkId = await talkIdOf(page);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("Dr. Anna Beispiel, Jan Muster · Senatskanzlei Hamburg, Hamburg")).toBeVisible();
    const materials = page.getByRole("region", { name: "Materialien" });
    await expect(materials.getByRole("link", { name: /Projektseite/ })).toHaveAttribute("href", "https://hamburg.example.org/ikfz");
    await expect(materials.getByText("Folien i-Kfz.pdf")).toBeVisible();
    await expect(page.getByRole("link", { name: "Bearbeiten" })).toBeVisible();

    // the participant follows
    await asParticipant.goto(`/impulse/${talkId}`);
    await asParticipant.getByRole("button", { name: "Folgen", exact: true }).click();
    await expect(asParticipant.getByRole("button", { name: "Nicht mehr folgen" })).toBeVisible();
    await asParticipant.reload();
    await expect(asParticipant.getByRole("button", { name: "Nicht mehr folgen" })).toBeVisible();

    // moderation moves it in the edit form: the form holds what was saved, in Berlin time
    await page.getByRole("link", { name: "Bearbeiten" }).click();
    await expect(page).toHaveURL(`/impulse/${talkId}/bearbeiten`);
    await expect(page.getByRole("heading", { level: 1, name: "Impulsvortrag bearbeiten" })).toBeVisible();
    await expect(form.title).toHaveValue(title);
    await expect(form.field("Zusammenfassung")).toHaveValue("Wie **i-Kfz** in die Fläche kam.");
    await expect(form.field("Adresse 1")).toHaveValue("https://hamburg.example.org/ikfz");
    await expect(page.getByText("Folien i-Kfz.pdf", { exact: true })).toBeVisible();
    await expect(form.startsAt).toHaveValue(startsAt);
    await expectAccessible(page);
    await screens(page, "impulse-talk-edit");
    await form.startsAt.fill(berlinLocal(96));
    await form.endsAt.fill(berlinLocal(98));
    await page.getByRole("button", { name: "Änderungen speichern" }).click();
    await expect(page).toHaveURL(`/impulse/${talkId}`);
    await expect(materials.getByText("Folien i-Kfz.pdf")).toBeVisible();

    // the follower is told
    await asParticipant.goto("/benachrichtigungen");
    const list = asParticipant.getByRole("list", { name: "Benachrichtigungen" });
    const moved = list.getByRole("link").filter({ hasText: title }).filter({ hasText: "Neuer Termin" });
    await expect(moved).toHaveCount(1);
    await expect(moved).toHaveAttribute("href", `/impulse/${talkId}`);
    await expect(asParticipant.getByRole("button", { name: /^Benachrichtigungen, \d+ ungelesen/ })).toBeVisible();

    // moderation cancels with a reason, by keyboard
    const cancelButton = page.getByRole("button", { name: "Absagen" });
    await cancelButton.focus();
    await page.keyboard.press("Enter");
    const reason = page.getByRole("textbox", { name: "Grund der Absage" });
    await expect(reason).toBeFocused();
    await page.getByRole("button", { name: "Vortrag absagen" }).click();
    await expect(page.getByText("Bitte geben Sie einen Grund für die Absage ein.")).toBeVisible();
    await expect(reason).toBeFocused();
    await page.keyboard.type("Die Referentin ist erkrankt.");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Vortrag absagen" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Abgesagt.", { exact: true })).toBeVisible();
    await expect(page.getByText("Die Referentin ist erkrankt.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Bearbeiten" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Absagen" })).toHaveCount(0);
    await expectAccessible(page);

    await asParticipant.goto("/benachrichtigungen");
    const cancelled = list.getByRole("link").filter({ hasText: title }).filter({ hasText: "Die Referentin ist erkrankt." });
    await expect(cancelled).toHaveCount(1);
    await expect(cancelled).toContainText("hat den Vortrag abgesagt");
    await asParticipant.goto(`/impulse/${talkId}`);
    await expect(asParticipant.getByText("Abgesagt.", { exact: true })).toBeVisible();
  });

  test("[impulse] the form refuses an empty title, an end before the start and a start in the past, in German, and creates nothing", async ({
    asModerator: page,
    make,
  }) => {
    const title = make.name("Abgelehnter Vortrag");
    await page.goto("/impulse/neu");
    const form = new TalkFormPage(page);
    await form.fillRequired(title);

    await form.title.fill("   ");
    await form.submit.click();
    await expect(page.getByText("Bitte geben Sie einen Titel ein.")).toBeVisible();
    await expect(form.title).toBeFocused();
    await expect(form.title).toHaveAttribute("aria-invalid", "true");
    // correcting the field takes its message away
    await form.title.fill(title);
    await expect(page.getByText("Bitte geben Sie einen Titel ein.")).toHaveCount(0);

    await form.endsAt.fill(berlinLocal(70));
    await form.submit.click();
    await expect(page.getByText("Das Ende muss nach dem Beginn liegen.")).toBeVisible();
    await expect(form.endsAt).toBeFocused();

    await form.startsAt.fill(berlinLocal(-3));
    await form.endsAt.fill(berlinLocal(-2));
    await form.submit.click();
    await expect(page.getByText("Der Beginn liegt in der Vergangenheit. Ein Impulsvortrag kann nur für die Zukunft angesetzt werden.")).toBeVisible();
    await expect(form.startsAt).toHaveAttribute("aria-invalid", "true");
    // everything typed is still there
    await expect(form.title).toHaveValue(title);
    await expect(form.field("Organisation")).toHaveValue("Senatskanzlei Hamburg");
    await expect(page).toHaveURL("/impulse/neu");
    await expectAccessible(page);
    await screens(page, "impulse-talk-form-errors");

    for (const period of ["upcoming", "past"]) {
      const { data } = await trpc(page.request, "impulseTalk.list", { period }, "query");
      expect(JSON.stringify(data)).not.toContain(title);
    }
  });

  test("[impulse] participants and readers see no Bearbeiten or Absagen and are refused the forms; readers may follow", async ({
    asParticipant,
    asReader,
    make,
  }) => {
    const talk = await make.talk();
    for (const page of [asParticipant, asReader]) {
      await page.goto(talk.url);
      await expect(page.getByRole("heading", { level: 1, name: talk.title })).toBeVisible();
      await expect(page.getByRole("button", { name: "Folgen", exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: "Bearbeiten" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Absagen" })).toHaveCount(0);
      for (const path of ["/impulse/neu", `${talk.url}/bearbeiten`]) {
        expect((await page.goto(path))?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
        await expect(page.getByRole("textbox", { name: "Titel" })).toHaveCount(0);
      }
      const refused = await trpc(page.request, "impulseTalk.cancel", { talkId: talk.id, reason: "Versuch" });
      expect(refused.error?.data.code).toBe("FORBIDDEN");
    }
    await asReader.goto(talk.url);
    await asReader.getByRole("button", { name: "Folgen", exact: true }).click();
    await expect(asReader.getByRole("button", { name: "Nicht mehr folgen" })).toBeVisible();
    await asReader.getByRole("button", { name: "Nicht mehr folgen" }).click();
    await expect(asReader.getByRole("button", { name: "Folgen", exact: true })).toBeVisible();
    await expectAccessible(asReader);
  });

  test("[impulse] an edit over someone else's newer change is refused and keeps the input; an unknown talk is the 404", async ({ asModerator: page, make }) => {
    const talk = await make.talk();
    await page.goto(`${talk.url}/bearbeiten`);
    const form = new TalkFormPage(page);
    await expect(form.title).toHaveValue(talk.title);
    // someone else saves meanwhile
    const loaded = await trpc(page.request, "impulseTalk.forEditing", { talkId: talk.id }, "query");
    const { error } = await trpc(page.request, "impulseTalk.update", {
      ...loaded.data,
      talkId: talk.id,
      expectedUpdatedAt: loaded.data.updatedAt,
      title: `${talk.title} (geändert)`,
      attachments: [],
    });
    expect(error).toBeUndefined();

    await form.title.fill(`${talk.title} – meine Fassung`);
    await page.getByRole("button", { name: "Änderungen speichern" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "inzwischen von jemand anderem geändert" })).toBeVisible();
    await expect(form.title).toHaveValue(`${talk.title} – meine Fassung`);
    await expect(page).toHaveURL(`${talk.url}/bearbeiten`);

    await page.goto("/impulse/00000000-0000-4000-8000-000000000000/bearbeiten");
    await expect(page.getByRole("heading", { level: 1, name: "Seite nicht gefunden" })).toBeVisible();
  });

  test("[impulse] a talk that took place is edited (for its recording) but not cancelled or followed, and the server refuses the cancellation", async ({ asModerator: page }) => {
    const { data: past } = await trpc(page.request, "impulseTalk.list", { period: "past" }, "query");
    const talk = (past as { id: string; cancelledAt: string | null }[]).find((candidate) => !candidate.cancelledAt)!;
    await page.goto(`/impulse/${talk.id}`);
    await expect(page.getByRole("link", { name: "Bearbeiten" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Absagen" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Folgen", exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Zum Kalender hinzufügen/ })).toHaveCount(0);
    const { error } = await trpc(page.request, "impulseTalk.cancel", { talkId: talk.id, reason: "Nachträglich" });
    expect(error?.message).toBe("Dieser Vortrag hat bereits begonnen oder stattgefunden und kann nicht mehr abgesagt werden.");
    await page.reload();
    await expect(page.getByText("Abgesagt.", { exact: true })).toHaveCount(0);
  });
});
