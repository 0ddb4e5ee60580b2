import type { Page } from "@playwright/test";
import { expect, expectAccessible, horizontalOverflow, screens, test, trpc } from "./fixtures";
import { ThreadPage } from "./pages/thread-page";

/**
 * People paste URLs and write compound words; some paste invisible characters. Whatever they type,
 * no page may become wider than the screen, and text that shows nothing is empty.
 */

const longWord = (prefix: string) => `${prefix}${"Digitalisierungsvorhaben".repeat(9)}`.slice(0, 200);
const longUrl = `https://www.sachsen-anhalt.de/${"onlinezugangsgesetz-".repeat(12)}leitfaden.pdf`.slice(0, 200);

/** Invisible characters only: zero-width space, word joiner, BOM, soft hyphen, Hangul filler, NBSP, ideographic space. */
const invisible = "\u200B\u2060\uFEFF\u00AD\u3164\u00A0\u3000\u200B";

/** No horizontal page scroll at 320 and 1280 px; full-page screenshots of both for review. */
async function expectNoSidewaysScroll(page: Page, name: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await horizontalOverflow(page), `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await screens(page, name);
}

test.describe("[hostile-text] long words and invisible characters", () => {
  test("[hostile-text] 200-character words in names, titles, posts and code widen no page at 320 or 1280 px", async ({ asAdmin, users }) => {
    // a person whose name and municipality are single long words
    const person = await users.invite({ name: longWord("Name").slice(0, 120), organisation: longWord("Kommune") });
    const { name } = person;
    const page = await users.pageOf(person);

    const groupId = (await trpc(page.request, "group.bySlug", { slug: "technik" }, "query")).data.id;
    const title = longUrl;
    const thread = await trpc(page.request, "thread.create", {
      groupId,
      firstPostId: crypto.randomUUID(),
      title,
      body: [
        `Ein langes Wort: ${longWord("Wort")}`,
        `Ein Link: ${longUrl}`,
        `Inline-Code: \`${longWord("code")}\``,
        "```",
        `const ${longWord("bezeichner")} = "${"x".repeat(300)}";`,
        "```",
        `| Spalte | ${longWord("Kopf")} |`,
        "|---|---|",
        `| 1 | ${longWord("Zelle")} |`,
        `> ${longWord("Zitat")}`,
      ].join("\n\n"),
    });
    expect(thread.error).toBeUndefined();
    const threadUrl = `/arbeitsgruppen/technik/themen/${thread.data.id}`;

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: `Willkommen, ${name}` })).toBeVisible();
    await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
    await expectNoSidewaysScroll(page, "lange-woerter-start");

    await page.goto("/arbeitsgruppen/technik");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    await expectNoSidewaysScroll(page, "lange-woerter-arbeitsgruppe");

    const view = new ThreadPage(page);
    await view.goto(threadUrl);
    await expect(view.title).toHaveText(title);
    await expectNoSidewaysScroll(page, "lange-woerter-thema");
    // the code block scrolls inside itself, and keyboard users can reach it to scroll
    const code = view.posts.locator("pre").first();
    expect(await code.evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
    await expect(code).toHaveAttribute("tabindex", "0");
    await expectAccessible(page);

    await asAdmin.goto("/verwaltung");
    await expect(asAdmin.getByText(name).first()).toBeVisible();
    await expectNoSidewaysScroll(asAdmin, "lange-woerter-verwaltung");
  });

  test("[hostile-text] a spotlight titled with one 200-character word widens neither board, list nor home page", async ({ asParticipant: page, make }) => {
    const spotlight = await make.spotlight({ slug: "organisation", title: longWord("Spotlight") });
    await page.goto("/spotlights?gruppe=organisation");
    await expect(page.getByRole("link", { name: spotlight.title })).toBeVisible();
    await expectNoSidewaysScroll(page, "lange-woerter-spotlight-board");
    await page.goto("/spotlights?gruppe=organisation&ansicht=liste");
    await expect(page.getByRole("link", { name: spotlight.title })).toBeVisible();
    await expectNoSidewaysScroll(page, "lange-woerter-spotlight-liste");
    await page.goto("/");
    // among the five latest unless other tests proposed more meanwhile
    await expect(page.getByRole("region", { name: "Spotlights in Bewegung" })).toBeVisible();
    await expectNoSidewaysScroll(page, "lange-woerter-spotlight-start");
  });

  test("[hostile-text] a talk titled with one 200-character word and invisible characters widens neither the list nor the talk page", async ({
    asParticipant: page,
    make,
  }) => {
    // the title keeps a visible word: one of invisible characters only is refused (a zero-width space splits nothing)
    const word = longWord("Impuls").slice(0, 190);
    const talk = await make.talk({ title: `${word}${invisible}`, slugs: ["organisation"], abstract: `${longWord("Zusammenfassung")}\n\n${longUrl}` });
    await page.goto("/impulse?gruppe=organisation");
    await expect(page.getByRole("article", { name: word })).toBeVisible();
    await expectNoSidewaysScroll(page, "lange-woerter-impulse-liste");
    await page.goto(talk.url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, "lange-woerter-impulse-vortrag");
  });

  test("[hostile-text] a post or title of invisible characters only is refused as empty, in the form and by the server", async ({ asParticipant: page, make }) => {
    const thread = await make.thread({ slug: "strategie" });
    const view = new ThreadPage(page);
    await view.goto(thread.url);
    await view.composer.fill(invisible);
    await view.send.click();
    await expect(page.getByText("Bitte geben Sie einen Beitragstext ein.")).toBeVisible();
    await expect(view.posts).toHaveCount(1);

    const post = await trpc(page.request, "post.create", { id: crypto.randomUUID(), threadId: thread.id, body: invisible });
    expect(post.status).toBe(400);
    expect(post.error?.message).toBe("Bitte geben Sie einen Beitragstext ein.");

    const groupId = (await trpc(page.request, "group.bySlug", { slug: "strategie" }, "query")).data.id;
    const created = await trpc(page.request, "thread.create", { groupId, firstPostId: crypto.randomUUID(), title: invisible, body: "Text" });
    expect(created.status).toBe(400);
    expect(created.error?.message).toBe("Bitte geben Sie einen Titel ein.");
    expect((await trpc(page.request, "post.list", { threadId: thread.id }, "query")).data.posts).toHaveLength(1);
  });

  test("[hostile-text] the spotlight proposal form with 200-character words in the thread, its posts and the suggestions stays within 320 px", async ({
    asParticipant: page,
    make,
  }) => {
    const thread = await make.thread({ title: longUrl, body: `${longWord("Wort")} ${longUrl}` });
    await make.post(thread.id, ["`" + longWord("code") + "`", "```", `const ${longWord("bezeichner")} = 1;`, "```", `> ${longWord("Zitat")}`].join("\n\n"));
    const spotlightTitle = longWord(make.name("Spotlight").replace(/\W/g, ""));
    await make.spotlight({ title: spotlightTitle });

    await page.goto(`/spotlights/neu?thema=${thread.id}`);
    await expect(page.locator("p", { hasText: "Vorgeschlagen aus:" }).getByRole("link", { name: longUrl })).toBeVisible();
    await page.getByRole("textbox", { name: "Titel" }).fill(spotlightTitle);
    await expect(page.getByTestId("similar-suggestions").getByRole("link", { name: new RegExp(spotlightTitle.slice(0, 60)) })).toBeVisible();
    await page.getByRole("checkbox", { name: /^Als Zitat übernehmen \(Beitrag #2 / }).check();
    await expect(page.getByRole("textbox", { name: "Problembeschreibung" })).toHaveValue(/codeDigitalisierungsvorhaben/);
    await expectNoSidewaysScroll(page, "lange-woerter-spotlight-vorschlag");

    // a title of invisible characters is no title, in the form and on the server
    await page.getByRole("textbox", { name: "Titel" }).fill(invisible);
    await page.getByRole("button", { name: "Spotlight vorschlagen" }).click();
    await expect(page.getByText("Bitte geben Sie einen Titel ein.")).toBeVisible();
    const groupId = (await trpc(page.request, "group.bySlug", { slug: "technik" }, "query")).data.id;
    const created = await trpc(page.request, "spotlight.create", { id: crypto.randomUUID(), title: invisible, problem: "P", requestedAction: "A", groupIds: [groupId] });
    expect(created.status).toBe(400);
    expect(created.error?.message).toBe("Bitte geben Sie einen Titel ein.");
  });

  test("[hostile-text] a spotlight full of 200-character words widens no page, for the proposer or moderation", async ({ asModerator, users }) => {
    test.slow(); // a walk through the life cycle and four widths
    const person = await users.invite({ name: longWord("Name").slice(0, 120), organisation: longWord("Kommune").slice(0, 100) });
    const page = await users.pageOf(person);
    const groupId = (await trpc(page.request, "group.bySlug", { slug: "technik" }, "query")).data.id;
    const created = await trpc(page.request, "spotlight.create", {
      id: crypto.randomUUID(),
      title: longUrl,
      problem: `${longWord("Problem")}\n\n${longUrl}\n\n\`${longWord("code")}\``,
      requestedAction: longWord("Anliegen"),
      groupIds: [groupId],
      affectedMunicipalities: [longWord("Gemeinde").slice(0, 100)],
    });
    expect(created.error).toBeUndefined();
    const spotlightId = created.data.id as string;
    const steps = [
      { fromStatus: "PROPOSED", to: "IN_REVIEW", comment: longWord("Kommentar") },
      { fromStatus: "IN_REVIEW", to: "PROMOTED" },
      { fromStatus: "PROMOTED", to: "FORWARDED", forwardedTo: longWord("Ressort"), forwardedContact: longWord("Kontakt"), forwardedOn: "2026-01-05", dueOn: "2026-01-06" },
      { fromStatus: "FORWARDED", to: "ANSWERED", answer: `${longWord("Antwort")}\n\n${longUrl}`, answeredOn: "2026-02-01" },
    ];
    for (const step of steps) expect((await trpc(asModerator.request, "spotlight.transition", { spotlightId, ...step })).error).toBeUndefined();

    await page.goto(`/spotlights/${spotlightId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(longUrl);
    await expectNoSidewaysScroll(page, "lange-woerter-spotlight");
    await asModerator.goto(`/spotlights/${spotlightId}`);
    await expect(asModerator.getByRole("region", { name: "Moderation: nächster Schritt" })).toBeVisible();
    await expectNoSidewaysScroll(asModerator, "lange-woerter-spotlight-moderation");
  });

  test("[hostile-text] a decline reason or Ressort of invisible characters is refused as empty, in the form and by the server", async ({ asModerator, make }) => {
    const spotlight = await make.spotlight();
    await asModerator.goto(spotlight.url);
    const moderation = asModerator.getByRole("region", { name: "Moderation: nächster Schritt" });
    await moderation.getByRole("radio", { name: /Ablehnen/ }).check();
    await moderation.getByLabel("Begründung der Ablehnung").fill(invisible);
    await moderation.getByRole("button", { name: "Ablehnen", exact: true }).click();
    await expect(moderation.getByText("Bitte geben Sie eine Begründung für die Ablehnung ein.")).toBeVisible();
    const declined = await trpc(asModerator.request, "spotlight.transition", { spotlightId: spotlight.id, fromStatus: "PROPOSED", to: "DECLINED", reason: invisible });
    expect([declined.status, declined.error?.message]).toEqual([400, "Bitte geben Sie eine Begründung für die Ablehnung ein."]);
    const forwarded = await trpc(asModerator.request, "spotlight.transition", {
      spotlightId: spotlight.id,
      fromStatus: "PROMOTED",
      to: "FORWARDED",
      forwardedTo: invisible,
      forwardedContact: "Referat 1",
      forwardedOn: "2026-01-05",
    });
    expect([forwarded.status, forwarded.error?.message]).toEqual([400, "Bitte geben Sie das zuständige Ressort oder Gremium ein."]);
    expect((await trpc(asModerator.request, "spotlight.byId", { spotlightId: spotlight.id }, "query")).data.status).toBe("PROPOSED");
  });

  test("[hostile-text] a name of invisible characters is refused when accepting an invitation", async ({ page, users }) => {
    const token = await users.invitationToken();
    await page.goto(`/einladung/${token}`);
    await page.getByLabel("Ihr Name").fill(invisible);
    await page.getByLabel("Passwort", { exact: true }).fill("e2e-passwort-sicher");
    await page.getByLabel("Passwort wiederholen").fill("e2e-passwort-sicher");
    await page.getByRole("button", { name: "Zugang einrichten" }).click();
    await expect(page.getByText("Bitte geben Sie Ihren Namen ein.")).toBeVisible();
    const accepted = await trpc(page.request, "invitation.accept", { token, name: invisible, password: "e2e-passwort-sicher" });
    expect(accepted.status).toBe(400);
    expect(accepted.error?.message).toBe("Bitte geben Sie Ihren Namen ein.");
  });
});
