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
