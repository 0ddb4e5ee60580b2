import { expect, expectAccessible, horizontalOverflow, screens, test, trpc, waitForLive } from "./fixtures";
import { GroupPage } from "./pages/group-page";
import { ReportQueuePage } from "./pages/report-queue-page";
import { ThreadPage } from "./pages/thread-page";

// threads start in Organisation and move to Technik: no spec counts either group's threads
const FROM = { slug: "organisation", name: "Arbeitsgruppe Organisation" };
const TO = { slug: "technik", name: "Arbeitsgruppe Technik" };

test("[moderation] moderator renames and moves a thread; open pages follow, the old group's list drops it, the old address redirects", async ({
  asModerator,
  asParticipant,
  asParticipant2,
  make,
}) => {
  test.slow();
  const thread = await make.thread({ slug: FROM.slug, title: make.name("Umzugsthema") });
  const newTitle = make.name("Umbenanntes Thema");

  const list = new GroupPage(asParticipant2);
  await list.goto(FROM.slug);
  await expect(list.thread(thread.title)).toHaveCount(1);
  await waitForLive(asParticipant2);

  const reading = new ThreadPage(asParticipant);
  await reading.goto(thread.url);
  await waitForLive(asParticipant);
  await expect(asParticipant.getByRole("button", { name: "Umbenennen" })).toHaveCount(0);

  const view = new ThreadPage(asModerator);
  await view.goto(thread.url);
  await asModerator.getByRole("button", { name: "Umbenennen" }).click();
  const rename = asModerator.getByRole("form", { name: "Thema umbenennen" });
  await rename.getByLabel("Neuer Titel").fill("   ");
  await rename.getByRole("button", { name: "Titel speichern" }).click();
  await expect(rename.getByText("Bitte geben Sie einen Titel ein.")).toBeVisible();
  await expectAccessible(asModerator);
  await rename.getByLabel("Neuer Titel").fill(newTitle);
  await rename.getByRole("button", { name: "Titel speichern" }).click();
  await expect(view.title).toHaveText(newTitle);

  // live: the reader's open page and the group list take the new title
  await expect(reading.title).toHaveText(newTitle);
  await expect(list.thread(newTitle)).toHaveCount(1);

  await asModerator.getByRole("button", { name: "Verschieben" }).click();
  const move = asModerator.getByRole("form", { name: "Thema verschieben" });
  await move.getByLabel("Neue Arbeitsgruppe").selectOption({ label: TO.name });
  await screens(asModerator, "moderation-move");
  await move.getByRole("button", { name: "Thema verschieben" }).click();
  const newUrl = `/arbeitsgruppen/${TO.slug}/themen/${thread.id}`;
  await expect(asModerator).toHaveURL(new RegExp(`${newUrl}$`));
  const crumbs = asModerator.getByRole("navigation", { name: "Brotkrumen" });
  await expect(crumbs.getByRole("link", { name: TO.name })).toBeVisible();

  // the old group's list drops it live; the reader's page follows to the new address and breadcrumb
  await expect(list.thread(newTitle)).toHaveCount(0);
  await expect(asParticipant.getByRole("navigation", { name: "Brotkrumen" }).getByRole("link", { name: TO.name })).toBeVisible();
  await expect(asParticipant).toHaveURL(new RegExp(`${newUrl}$`));

  // the new group lists it, the old address redirects
  await new GroupPage(asParticipant2).goto(TO.slug);
  await expect(list.thread(newTitle)).toHaveCount(1);
  await asParticipant2.goto(thread.url);
  await expect(asParticipant2).toHaveURL(new RegExp(`${newUrl}$`));
  await expect(new ThreadPage(asParticipant2).title).toHaveText(newTitle);
});

test("[moderation] a participant cannot rename, move or report what they may not: German refusals, nothing changes", async ({ asParticipant, asReader, make }) => {
  const thread = await make.thread({ slug: FROM.slug, title: make.name("Geschütztes Thema") });
  const ownPost = await make.post(thread.id, "Mein eigener Beitrag");
  const groupId = await make.groupId(TO.slug);

  const renamed = await trpc(asParticipant.request, "thread.rename", { threadId: thread.id, title: "Gekapert" });
  expect(renamed.status).toBe(403);
  expect(renamed.error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");
  const moved = await trpc(asParticipant.request, "thread.move", { threadId: thread.id, groupId });
  expect(moved.status).toBe(403);
  const own = await trpc(asParticipant.request, "report.create", { postId: ownPost.id, reason: "SPAM" });
  expect(own.status).toBe(403);
  expect(own.error?.message).toBe("Eigene Beiträge können Sie nicht melden. Sie können sie stattdessen bearbeiten.");
  const missing = await trpc(asParticipant.request, "report.create", { postId: crypto.randomUUID(), reason: "SPAM" });
  expect(missing.status).toBe(404);
  expect(missing.error?.message).toBe("Diesen Beitrag gibt es nicht (mehr).");
  const byReader = await trpc(asReader.request, "report.create", { postId: ownPost.id, reason: "SPAM" });
  expect(byReader.status).toBe(403);
  const queue = await trpc(asParticipant.request, "report.list", { status: "OPEN" }, "query");
  expect(queue.status).toBe(403);

  const view = new ThreadPage(asParticipant);
  await view.goto(thread.url);
  await expect(view.title).toHaveText(thread.title);
  await expect(asParticipant).toHaveURL(new RegExp(`/arbeitsgruppen/${FROM.slug}/themen/${thread.id}$`));
  await expect(view.post("Mein eigener Beitrag").getByRole("button", { name: /^Melden/ })).toHaveCount(0);
  expect((await asParticipant.goto("/moderation/meldungen"))?.status()).toBe(403);
  await expect(asParticipant.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
  await expect(new ReportQueuePage(asParticipant).navLink).toHaveCount(0);
});

test("[moderation] a participant reports a post; moderation's badge rises live, closes it with an outcome, the reporter is notified", async ({
  asModerator,
  asParticipant2,
  make,
}) => {
  test.slow();
  const queue = new ReportQueuePage(asModerator);
  await asModerator.goto("/");
  await waitForLive(asModerator);
  const before = await queue.openCount();

  const thread = await make.thread({ slug: FROM.slug, title: make.name("Gemeldetes Thema") });
  await make.post(thread.id, "Rufen Sie mich privat an: 0170 0000000");
  const note = make.name("Private Nummer im Beitrag");

  const view = new ThreadPage(asParticipant2);
  await view.goto(thread.url);
  const post = view.post("Rufen Sie mich privat an");
  await post.getByRole("button", { name: "Melden (Beitrag #2)" }).click();
  const form = asParticipant2.getByRole("form", { name: "Beitrag #2 melden" });
  await form.getByRole("button", { name: "Meldung senden" }).click();
  await expect(form.getByText("Bitte wählen Sie einen Grund für die Meldung.")).toBeVisible();
  await form.getByRole("radio", { name: "Sonstiges" }).check();
  await form.getByRole("button", { name: "Meldung senden" }).click();
  await expect(form.getByText("Bitte beschreiben Sie bei „Sonstiges“ kurz, was an dem Beitrag nicht in Ordnung ist.")).toBeVisible();
  await expectAccessible(asParticipant2);
  await screens(asParticipant2, "moderation-report-form");
  await form.getByRole("radio", { name: "Enthält persönliche Daten" }).check();
  await form.getByLabel("Erläuterung").fill(note);
  await form.getByRole("button", { name: "Meldung senden" }).click();
  await expect(post.getByText("Danke! Die Moderation prüft Ihre Meldung zu Beitrag #2.")).toBeVisible();

  // live in the other browser: the badge counts the new report
  await expect(queue.badge).toHaveText(`${before + 1} offen`);

  // a second report of the same post by the same person is refused in German
  const postId = (await trpc(asParticipant2.request, "post.list", { threadId: thread.id }, "query")).data.posts[1].id;
  const again = await trpc(asParticipant2.request, "report.create", { postId, reason: "SPAM" });
  expect(again.status).toBe(409);
  expect(again.error?.message).toBe("Sie haben diesen Beitrag bereits gemeldet. Die Moderation prüft Ihre Meldung noch.");

  // the reporter's open page hears about the outcome live, through their notification
  await waitForLive(asParticipant2);
  await asParticipant2.evaluate(() => {
    const socket = window.__gdstSocket as unknown as { on(name: string, listener: (payload: { notification: { kind: string; excerpt: string } }) => void): void };
    const received: string[] = [];
    (window as unknown as { __outcomes: string[] }).__outcomes = received;
    // the demo account also hears of other specs' new threads meanwhile: only the outcome counts here
    socket.on("notification.created", ({ notification }) => {
      if (notification.kind === "REPORT_OUTCOME") received.push(notification.excerpt);
    });
  });

  await queue.navLink.click();
  await expect(asModerator).toHaveURL(/\/moderation\/meldungen$/);
  const card = queue.report(note);
  await expect(card).toContainText("Enthält persönliche Daten");
  await expect(card).toContainText("Sabine Schulze");
  await expect(card).toContainText("Rufen Sie mich privat an");
  await expect(card.getByRole("link", { name: "Beitrag #2 ansehen" })).toHaveAttribute("href", `/beitraege/${postId}`);
  await expectAccessible(asModerator);
  await screens(asModerator, "moderation-queue");

  await card.getByRole("button", { name: /^Abschließen/ }).click();
  const close = card.getByRole("form", { name: "Meldung abschließen" });
  await close.getByRole("button", { name: "Meldung abschließen" }).click();
  await expect(close.getByText("Bitte wählen Sie ein Ergebnis.")).toBeVisible();
  await close.getByRole("radio", { name: "Beitrag ausgeblendet" }).check();
  await close.getByLabel("Anmerkung für die meldende Person").fill("Nummer entfernt, danke für den Hinweis.");
  await expectAccessible(asModerator);
  await close.getByRole("button", { name: "Meldung abschließen" }).click();
  await expect(queue.report(note)).toHaveCount(0);
  await expect(before === 0 ? queue.badge : queue.badge.filter({ hasText: `${before} offen` })).toHaveCount(before === 0 ? 0 : 1);

  await expect
    .poll(() => asParticipant2.evaluate(() => (window as unknown as { __outcomes: string[] }).__outcomes))
    .toEqual(["Ergebnis: Beitrag ausgeblendet – Nummer entfernt, danke für den Hinweis."]);

  await queue.goto("erledigt");
  await expect(queue.report(note)).toContainText("Beitrag ausgeblendet – Martin Meier");
  await expect(queue.report(note)).toContainText("Nummer entfernt, danke für den Hinweis.");
  await screens(asModerator, "moderation-queue-done");
  expect(await horizontalOverflow(asModerator)).toBe(0);
});

test("[moderation] the audit log filters by kind, person and period, kept in the address", async ({ asAdmin, asModerator, make }) => {
  const thread = await make.thread({ slug: FROM.slug, title: make.name("Protokolliertes Thema") });
  const newTitle = make.name("Protokoll umbenannt");
  const renamed = await trpc(asModerator.request, "thread.rename", { threadId: thread.id, title: newTitle });
  expect(renamed.error).toBeUndefined();

  await asAdmin.goto("/verwaltung");
  await asAdmin.getByRole("link", { name: /Ganzes Protokoll mit Filtern/ }).click();
  await expect(asAdmin.getByRole("heading", { level: 1, name: "Protokoll" })).toBeVisible();
  const filter = asAdmin.getByRole("form", { name: "Protokoll filtern" });
  await filter.getByLabel("Art").selectOption({ label: "Thema umbenannt" });
  await filter.getByLabel("Person").selectOption({ label: "Martin Meier (Ministerium für Infrastruktur und Digitales)" });
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(new Date());
  await filter.getByLabel("Von").fill(today);
  await filter.getByLabel("Bis").fill(today);
  await filter.getByRole("button", { name: "Filtern" }).click();
  await expect(asAdmin).toHaveURL(/art=thread.rename/);
  await expect(asAdmin).toHaveURL(/person=[0-9a-f-]{36}/);
  await expect(asAdmin).toHaveURL(new RegExp(`von=${today}&bis=${today}`));
  const entries = asAdmin.getByRole("listitem").filter({ hasText: "durch Martin Meier" });
  await expect(entries.filter({ hasText: `„${thread.title}“ → „${newTitle}“` })).toHaveCount(1);
  for (const label of await entries.locator("span.font-semibold").allTextContents()) expect(label).toBe("Thema umbenannt");
  await expectAccessible(asAdmin);
  await screens(asAdmin, "moderation-audit-filtered");

  await filter.getByLabel("Von").fill("2001-01-01");
  await filter.getByLabel("Bis").fill("2001-01-31");
  await filter.getByRole("button", { name: "Filtern" }).click();
  await expect(asAdmin.getByText("Keine Einträge passen zu diesem Filter.")).toBeVisible();
  await asAdmin.getByRole("link", { name: "Filter zurücksetzen" }).click();
  await expect(asAdmin).toHaveURL(/\/verwaltung\/protokoll$/);
  await expect(filter.getByLabel("Art")).toHaveValue("");

  // the log is administration's: moderation is refused the page and the procedure
  expect((await asModerator.goto("/verwaltung/protokoll"))?.status()).toBe(403);
  await expect(asModerator.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
  const audit = await trpc(asModerator.request, "user.audit", {}, "query");
  expect(audit.status).toBe(403);
});
