import type { Page } from "@playwright/test";
import { samplePdf } from "../seeds/sample-files";
import { expect, expectAccessible, horizontalOverflow, screens, test, trpc, waitForLive } from "./fixtures";
import { berlinDay, dateToDay, dayToDate, formatGermanDay } from "../server/schemas/calendar-day";

const addDays = (day: string, days: number) => dateToDay(new Date(dayToDate(day).getTime() + days * 86_400_000));

/** The parts of a spotlight page the tests look at. */
function spotlightPage(page: Page) {
  const moderation = page.getByRole("region", { name: "Moderation: nächster Schritt" });
  return {
    title: page.getByRole("heading", { level: 1 }),
    status: page.getByTestId("spotlight-status"),
    figure: page.getByTestId("cosign-figure"),
    municipalities: page.getByRole("list", { name: "Mitzeichnende Kommunen" }),
    timeline: page.getByRole("list", { name: "Verlauf des Spotlights" }).getByRole("listitem"),
    announcer: page.getByTestId("live-announcer"),
    bell: page.getByRole("button", { name: /^Benachrichtigungen, / }),
    cosign: page.getByRole("button", { name: "Mitzeichnen", exact: true }),
    withdraw: page.getByRole("button", { name: "Mitzeichnung zurückziehen" }),
    moderation,
    /** chooses the step and sends it with what `fill` put into its form */
    async step(label: string, fill: () => Promise<void> = async () => {}) {
      await moderation.getByRole("radio", { name: label }).check();
      await fill();
      await moderation.getByRole("button", { name: label, exact: true }).click();
    },
  };
}

test("[spotlight] a second municipality co-signs, moderation reviews, promotes, forwards and answers while the proposer's open page follows live", async ({
  asParticipant2,
  asModerator,
  asReader,
  make,
  users,
}) => {
  // four browsers, an upload, and the whole life cycle step by step
  test.slow();
  // a fresh proposer, so that their bell counts only this spotlight's news
  const proposer = await users.invite({ role: "PARTICIPANT", organisation: make.name("Gemeinde Vorschlag") });
  const proposerPage = await users.pageOf(proposer);
  const spotlight = await make.spotlight({
    as: proposerPage,
    title: make.name("Gemeinsames Fachverfahren für Wohngeld"),
    problem: "Jede Kommune beschafft ihr **eigenes** Wohngeld-Verfahren.",
    requestedAction: "Das Land möge ein gemeinsames Verfahren ausschreiben.",
  });

  const watching = spotlightPage(proposerPage);
  await proposerPage.goto(spotlight.url);
  await expect(watching.title).toHaveText(`S-${spotlight.number} ${spotlight.title}`);
  await expect(watching.status).toContainText("Vorgeschlagen");
  await expect(watching.figure).toHaveText("Mitgezeichnet von 1 Kommune");
  await expect(watching.timeline).toHaveCount(1);
  await expect(watching.bell).toHaveAccessibleName("Benachrichtigungen, keine ungelesen");
  await expect(proposerPage.getByRole("link", { name: "Zur Diskussion" })).toBeVisible();
  await waitForLive(proposerPage);

  // a participant of a second municipality co-signs; the proposer's page counts two municipalities
  const cosigner = spotlightPage(asParticipant2);
  await asParticipant2.goto(spotlight.url);
  await waitForLive(asParticipant2);
  await cosigner.cosign.click();
  await expect(cosigner.withdraw).toBeVisible();
  await expect(cosigner.withdraw).toBeFocused();
  await expect(watching.figure).toHaveText("Mitgezeichnet von 2 Kommunen");
  await expect(watching.municipalities).toContainText("Stadt Wernigerode");
  await expect(watching.municipalities).toContainText("Sabine Schulze");
  await expect(watching.announcer).toHaveText("Mitgezeichnet von 2 Kommunen.");
  // co-signing twice over the API is refused
  const twice = await trpc(asParticipant2.request, "spotlight.cosign", { spotlightId: spotlight.id });
  expect([twice.status, twice.error?.message]).toEqual([409, "Sie haben dieses Spotlight bereits mitgezeichnet."]);
  // a participant may not move it along
  const byParticipant = await trpc(asParticipant2.request, "spotlight.transition", { spotlightId: spotlight.id, fromStatus: "PROPOSED", to: "IN_REVIEW" });
  expect([byParticipant.status, byParticipant.error?.message]).toEqual([403, "Dafür fehlt Ihnen die Berechtigung."]);

  const moderator = spotlightPage(asModerator);
  await asModerator.goto(spotlight.url);
  await expect(moderator.moderation.getByRole("radio")).toHaveCount(2);
  await expect(moderator.moderation.getByRole("radio", { name: /In Prüfung nehmen/ })).toBeChecked();
  await expect(moderator.moderation.getByRole("radio", { name: /Ablehnen/ })).toBeVisible();

  // review, with a comment for the timeline
  await moderator.step("In Prüfung nehmen", () => moderator.moderation.getByLabel("Kommentar für den Verlauf (optional)").fill("Die AG Organisation sieht sich das an."));
  await expect(watching.status).toContainText("In Prüfung");
  await expect(watching.timeline).toHaveCount(2);
  await expect(watching.timeline.last()).toContainText("Vorgeschlagen");
  await expect(watching.timeline.last()).toContainText("Die AG Organisation sieht sich das an.");
  await expect(watching.announcer).toHaveText(`S-${spotlight.number} hat einen neuen Stand: In Prüfung.`);
  await expect(watching.bell).toHaveAccessibleName("Benachrichtigungen, 1 ungelesen");

  // promotion
  await expect(moderator.moderation.getByRole("radio", { name: /Als Spotlight aufnehmen/ })).toBeChecked();
  await moderator.step("Als Spotlight aufnehmen");
  await expect(watching.status).toContainText("Aufgenommen");
  await expect(watching.timeline).toHaveCount(3);
  await expect(watching.bell).toHaveAccessibleName("Benachrichtigungen, 2 ungelesen");

  // forwarding: a due day before the forwarding is refused at the field, then sent properly
  const today = berlinDay();
  const dueOn = addDays(today, 28);
  await moderator.step("Weiterleiten", async () => {
    await moderator.moderation.getByLabel("Ressort oder Gremium").fill("Ministerium für Arbeit, Soziales, Gesundheit und Gleichstellung");
    await moderator.moderation.getByLabel("Ansprechperson").fill("Referat 36, Herr Beispiel");
    await expect(moderator.moderation.getByLabel("Weitergeleitet am")).toHaveValue(today);
    await moderator.moderation.getByLabel("Antwort erbeten bis (optional)").fill(addDays(today, -1));
  });
  await expect(moderator.moderation.getByText("Die Frist darf nicht vor dem Tag der Weiterleitung liegen.")).toBeVisible();
  await expect(moderator.moderation.getByLabel("Antwort erbeten bis (optional)")).toBeFocused();
  await expect(watching.status).toContainText("Aufgenommen");
  await moderator.moderation.getByLabel("Antwort erbeten bis (optional)").fill(dueOn);
  await moderator.moderation.getByRole("button", { name: "Weiterleiten", exact: true }).click();

  await expect(watching.status).toContainText("Weitergeleitet");
  await expect(watching.status).not.toContainText("überfällig");
  const forwarding = proposerPage.getByRole("region", { name: "Weiterleitung" });
  await expect(forwarding).toContainText("Ministerium für Arbeit, Soziales, Gesundheit und Gleichstellung");
  await expect(forwarding).toContainText("Referat 36, Herr Beispiel");
  await expect(forwarding).toContainText(formatGermanDay(dueOn));
  await expect(watching.timeline).toHaveCount(4);
  await expect(watching.bell).toHaveAccessibleName("Benachrichtigungen, 3 ungelesen");

  // withdrawing after the forwarding: the button is gone on the co-signer's open page, and the API refuses
  await expect(cosigner.withdraw).toHaveCount(0);
  await expect(asParticipant2.getByTestId("cosign-closed")).toContainText("Sie haben mitgezeichnet.");
  const late = await trpc(asParticipant2.request, "spotlight.withdrawCosign", { spotlightId: spotlight.id });
  expect([late.status, late.error?.message]).toEqual([409, "Mitzeichnen und Zurückziehen sind nur möglich, bis das Spotlight weitergeleitet oder abgelehnt wurde."]);
  await expect(watching.figure).toHaveText("Mitgezeichnet von 2 Kommunen");

  // the answer, with the ministry's letter attached
  await moderator.step("Antwort erfassen", async () => {
    await moderator.moderation.getByLabel("Antwort", { exact: true }).fill("Das Ministerium prüft eine **landesweite Ausschreibung** bis Ende des Jahres.");
    await expect(moderator.moderation.getByLabel("Eingegangen am")).toHaveValue(today);
    const chooser = asModerator.waitForEvent("filechooser");
    await moderator.moderation.getByRole("button", { name: "Datei anhängen" }).click();
    await (await chooser).setFiles({ name: "Antwortschreiben MS.pdf", mimeType: "application/pdf", buffer: samplePdf("Antwortschreiben") });
    await expect(moderator.moderation.getByRole("list", { name: "Ausgewählte Dateien" })).toContainText("PDF-Dokument, angehängt");
  });
  await expect(watching.status).toContainText("Beantwortet");
  const answer = proposerPage.getByRole("region", { name: "Antwort" });
  await expect(answer.locator("strong")).toHaveText("landesweite Ausschreibung");
  await expect(answer.getByRole("link", { name: /Antwortschreiben MS\.pdf/ })).toBeVisible();
  await expect(watching.timeline).toHaveCount(5);
  await expect(watching.bell).toHaveAccessibleName("Benachrichtigungen, 4 ungelesen");
  await expect(moderator.moderation.getByRole("radio", { name: /Abschließen/ })).toBeChecked();

  await expectAccessible(proposerPage);
  await screens(proposerPage, "spotlight-detail-participant");
  await expectAccessible(asModerator);
  await screens(asModerator, "spotlight-detail-moderator");

  // the proposer's notification leads to the page
  await watching.bell.click();
  await expect(proposerPage.getByRole("region", { name: "Benachrichtigungen" })).toContainText("Neuer Stand: Beantwortet");

  // a reader sees the answered spotlight with its answer, and nothing internal
  const reader = spotlightPage(asReader);
  await asReader.goto(spotlight.url);
  await expect(reader.status).toContainText("Beantwortet");
  await expect(asReader.getByRole("region", { name: "Antwort" })).toContainText("landesweite Ausschreibung");
  await expect(reader.figure).toHaveText("Mitgezeichnet von 2 Kommunen");
  await expect(reader.municipalities).toContainText("Stadt Wernigerode");
  // neither the co-signers nor the proposer are named to readers: their municipalities are
  await expect(asReader.getByText("Sabine Schulze")).toHaveCount(0);
  await expect(asReader.getByText(proposer.name)).toHaveCount(0);
  await expect(asReader.getByTestId("spotlight-header")).toContainText(`Vorgeschlagen von ${proposer.organisation}`);
  await expect(asReader.getByText("Die AG Organisation sieht sich das an.")).toHaveCount(0);
  await expect(asReader.getByRole("region", { name: "Diskussion" })).toHaveCount(0);
  await expect(asReader.getByRole("link", { name: "Zur Diskussion" })).toHaveCount(0);
  await expect(reader.cosign).toHaveCount(0);
  await expect(reader.moderation).toHaveCount(0);
  // the reader can open the answer's letter
  const letter = await asReader.request.get((await asReader.getByRole("link", { name: /Antwortschreiben MS\.pdf/ }).getAttribute("href"))!);
  expect(letter.status()).toBe(200);
  await expectAccessible(asReader);
  await screens(asReader, "spotlight-detail-reader");
});

test("[spotlight] moderation declines a proposal: the reason is required first, then shown; nothing is left to do", async ({ asModerator, asParticipant, make }) => {
  const spotlight = await make.spotlight({ title: make.name("Eigenes Rechenzentrum je Kommune") });
  const proposer = spotlightPage(asParticipant);
  await asParticipant.goto(spotlight.url);
  await waitForLive(asParticipant);

  const moderator = spotlightPage(asModerator);
  await asModerator.goto(spotlight.url);
  await moderator.step("Ablehnen");
  await expect(moderator.moderation.getByText("Bitte geben Sie eine Begründung für die Ablehnung ein.")).toBeVisible();
  await expect(moderator.moderation.getByLabel("Begründung der Ablehnung")).toBeFocused();
  await expect(proposer.status).toContainText("Vorgeschlagen");
  await moderator.moderation.getByLabel("Begründung der Ablehnung").fill("Das regelt bereits der IT-Staatsvertrag; siehe Thema in der AG Technik.");
  await moderator.moderation.getByRole("button", { name: "Ablehnen", exact: true }).click();

  await expect(proposer.status).toContainText("Abgelehnt");
  const reason = asParticipant.getByRole("region", { name: "Begründung der Ablehnung" });
  await expect(reason).toContainText("Das regelt bereits der IT-Staatsvertrag");
  await expect(proposer.timeline.last()).toContainText("Das regelt bereits der IT-Staatsvertrag");
  await expect(proposer.cosign).toHaveCount(0);
  await expect(proposer.withdraw).toHaveCount(0);
  await expect(asParticipant.getByTestId("cosign-closed")).toContainText("abgelehnt");
  await expect(moderator.moderation).toContainText("Es gibt keinen weiteren Schritt.");
  await expect(moderator.moderation.getByRole("radio")).toHaveCount(0);
  // a second moderator's stale page: the server refuses, the page shows the current state
  const stale = await trpc(asModerator.request, "spotlight.transition", { spotlightId: spotlight.id, fromStatus: "PROPOSED", to: "IN_REVIEW" });
  expect([stale.status, stale.error?.data.appErrorCode]).toEqual([409, "STATUS_CHANGED"]);
  await expectAccessible(asModerator);

  // the discussion goes on in its own thread, which leads back to the spotlight (and is no candidate for a new one)
  await asParticipant.getByRole("link", { name: "Zur Diskussion" }).click();
  await expect(asParticipant).toHaveURL(/\/themen\//);
  await expect(asParticipant.getByRole("link", { name: `Zum Spotlight S-${spotlight.number}` })).toBeVisible();
  await expect(asParticipant.getByRole("link", { name: "Als Spotlight vorschlagen" })).toHaveCount(0);
  const discussionId = new URL(asParticipant.url()).pathname.split("/").pop();
  await asParticipant.getByRole("link", { name: `Zum Spotlight S-${spotlight.number}` }).click();
  await expect(asParticipant).toHaveURL(spotlight.url);
  // even by its address, the discussion is no source for another proposal
  await asParticipant.goto(`/spotlights/neu?thema=${discussionId}`);
  await expect(asParticipant.getByRole("status").filter({ hasText: "Dieses Thema ist die Diskussion zu" })).toContainText(`Spotlight S-${spotlight.number}`);
  await expect(asParticipant.getByText("Vorgeschlagen aus:")).toHaveCount(0);
});

test("[spotlight] a reader gets the German 404 for a proposal under review, on the page and over tRPC", async ({ asReader, asParticipant, make }) => {
  const spotlight = await make.spotlight({ title: make.name("Noch intern") });
  const response = await asReader.goto(spotlight.url);
  expect(response?.status()).toBe(404);
  await expect(asReader.getByRole("heading", { level: 1, name: "Seite nicht gefunden" })).toBeVisible();
  const api = await trpc(asReader.request, "spotlight.byId", { spotlightId: spotlight.id }, "query");
  expect([api.status, api.error?.message]).toEqual([404, "Dieses Spotlight gibt es nicht."]);
  // the same spotlight is there for participants
  expect((await asParticipant.goto(spotlight.url))?.status()).toBe(200);
  // and a reader may neither co-sign nor transition
  const cosign = await trpc(asReader.request, "spotlight.cosign", { spotlightId: spotlight.id });
  expect(cosign.status).toBe(403);
});

test("[spotlight] the detail page has no sideways scroll at 320 px, for moderation with the forwarding form open", async ({ asModerator, make }) => {
  const spotlight = await make.spotlight({ title: make.name("Schmale Ansicht") });
  await asModerator.goto(spotlight.url);
  await spotlightPage(asModerator).step("In Prüfung nehmen");
  await spotlightPage(asModerator).step("Als Spotlight aufnehmen");
  await asModerator.getByRole("radio", { name: /Weiterleiten/ }).check();
  await asModerator.setViewportSize({ width: 320, height: 800 });
  expect(await horizontalOverflow(asModerator)).toBeLessThanOrEqual(0);
  await screens(asModerator, "spotlight-detail-moderator-forward-form");
});

test("[spotlight] a forwarded spotlight past its due day without an answer is marked overdue, for readers too", async ({ asModerator, asReader, make }) => {
  const spotlight = await make.spotlight({ title: make.name("Frist verstrichen") });
  const dueOn = addDays(berlinDay(), -1);
  const steps = [
    { fromStatus: "PROPOSED", to: "IN_REVIEW" },
    { fromStatus: "IN_REVIEW", to: "PROMOTED" },
    { fromStatus: "PROMOTED", to: "FORWARDED", forwardedTo: "Ministerium der Finanzen", forwardedContact: "Referat 12", forwardedOn: addDays(dueOn, -30), dueOn },
  ];
  for (const step of steps) expect((await trpc(asModerator.request, "spotlight.transition", { spotlightId: spotlight.id, ...step })).error).toBeUndefined();
  await asReader.goto(spotlight.url);
  await expect(spotlightPage(asReader).status).toContainText("Weitergeleitet");
  await expect(spotlightPage(asReader).status).toContainText("überfällig");
  await expect(asReader.getByRole("region", { name: "Weiterleitung" })).toContainText("Überfällig: Die Frist ist verstrichen");
  await expect(asReader.getByRole("region", { name: "Weiterleitung" })).toContainText(formatGermanDay(dueOn));
});
