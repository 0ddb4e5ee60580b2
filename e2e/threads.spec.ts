import { expect, recordDialogs, test, trpc, waitForLive } from "./fixtures";
import { GroupPage } from "./pages/group-page";
import { NewThreadPage } from "./pages/new-thread-page";
import { ThreadPage } from "./pages/thread-page";

test("[threads] participant creates a thread and a second browser sees the post live", async ({ asParticipant, asParticipant2, make }) => {
  const title = make.name("Thema aus dem Browser");
  const group = new GroupPage(asParticipant);
  await group.goto("umsetzung");
  await group.newThread.click();

  const form = new NewThreadPage(asParticipant);
  await expect(form.heading).toBeVisible();
  await form.open(title, "Wie haben Sie die **Bürgerbeteiligung** organisiert?");

  await expect(asParticipant).toHaveURL(/\/arbeitsgruppen\/umsetzung\/themen\/[0-9a-f-]{36}$/);
  const author = new ThreadPage(asParticipant);
  await expect(author.title).toHaveText(title);
  await expect(author.posts).toHaveCount(1);
  await expect(author.posts.first()).toContainText("Thomas Tietz");
  await expect(author.posts.first().locator("strong")).toHaveText("Bürgerbeteiligung");

  const reader = new ThreadPage(asParticipant2);
  await reader.goto(asParticipant.url());
  await expect(reader.title).toHaveText(title);
  await waitForLive(asParticipant2);
  await expect(reader.posts).toHaveCount(1);

  const reply = make.name("Antwort live");
  await author.reply(reply);
  await expect(author.composer).toHaveValue("");
  await expect(author.post(reply)).toHaveCount(1);

  // no reload in the second browser: the reply arrives over the socket
  await expect(reader.post(reply)).toHaveCount(1);
  await expect(reader.post(reply)).toContainText("Thomas Tietz");
  await expect(reader.posts).toHaveCount(2);
  await expect(reader.postCount).toHaveText("2 Beiträge");
  await expect(asParticipant2.getByTestId("live-announcer")).toHaveText("Neuer Beitrag von Thomas Tietz");

  // and back the other way
  const answer = make.name("Gegenantwort");
  await reader.reply(answer);
  await expect(author.post(answer)).toHaveCount(1);
  await expect(author.post(answer)).toContainText("Sabine Schulze");
  await expect(author.posts).toHaveCount(3);
});

test("[threads] the group's thread list updates live: a new thread appears and its post count changes", async ({
  asParticipant2,
  make,
}) => {
  const group = new GroupPage(asParticipant2);
  await group.goto("organisation");
  await waitForLive(asParticipant2);

  const thread = await make.thread({ slug: "organisation" });
  const row = group.thread(thread.title);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("1 Beitrag");
  await expect(row).toContainText("Eröffnet von Thomas Tietz");

  await make.post(thread.id, "Noch ein Gedanke");
  await expect(row).toContainText("2 Beiträge");
  await expect(row).toContainText("zuletzt von Thomas Tietz");
  await expect(group.thread(thread.title)).toHaveCount(1);
});

test("[threads] a group with many threads pages its list; a thread with new posts comes back to page 1", async ({ asParticipant2, make }) => {
  // no other spec writes to this group
  const slug = "umsetzung";
  const made = [];
  for (let i = 0; i < 32; i++) made.push(await make.thread({ slug, title: make.name("Seitenthema") }));
  const [oldest] = made;
  const newest = made[made.length - 1];

  const group = new GroupPage(asParticipant2);
  await group.goto(slug);
  await expect(group.threadList.getByRole("listitem")).toHaveCount(30);
  await expect(group.thread(newest.title)).toHaveCount(1);
  await expect(group.thread(oldest.title)).toHaveCount(0);

  const pages = asParticipant2.getByRole("navigation", { name: "Seiten der Themenliste" });
  await expect(pages.getByRole("link", { name: "Seite 1", exact: true })).toHaveAttribute("aria-current", "page");
  await pages.getByRole("link", { name: /Weiter/ }).click();
  await expect(asParticipant2).toHaveURL(/\?seite=2$/);
  // the oldest may be on a later page when earlier runs left threads here: follow "Weiter" to it
  await expect(pages.getByRole("link", { name: "Seite 2", exact: true })).toHaveAttribute("aria-current", "page");
  while (!(await group.thread(oldest.title).count())) {
    const next = Number(new URL(asParticipant2.url()).searchParams.get("seite")) + 1;
    await pages.getByRole("link", { name: /Weiter/ }).click();
    await expect(pages.getByRole("link", { name: `Seite ${next}`, exact: true })).toHaveAttribute("aria-current", "page");
  }
  await waitForLive(asParticipant2);

  // live on a later page: the row updates where it stands
  await make.post(oldest.id, "Neuer Beitrag im ältesten Thema");
  await expect(group.thread(oldest.title)).toContainText("2 Beiträge");

  // and on page 1 it is now the newest
  await pages.getByRole("link", { name: "Seite 1", exact: true }).click();
  await expect(group.threadList.getByRole("listitem").first()).toContainText(oldest.title);
});

test("[threads] the page links of a long thread lead to that page's posts and back", async ({ asParticipant2, make }) => {
  const thread = await make.thread({ slug: "umsetzung", title: make.name("Langes Thema"), body: "Beitrag 1" });
  for (let i = 2; i <= 53; i++) await make.post(thread.id, `Beitrag ${i}`);
  const view = new ThreadPage(asParticipant2);
  await view.goto(thread.url);
  await expect(view.posts).toHaveCount(50);
  const pages = asParticipant2.getByRole("navigation", { name: "Seiten des Themas" }).first();
  await pages.getByRole("link", { name: "Seite 2", exact: true }).click();
  await expect(asParticipant2).toHaveURL(/\?seite=2$/);
  await expect(view.posts).toHaveCount(3);
  await expect(view.post("Beitrag 51")).toHaveCount(1);
  await pages.getByRole("link", { name: /Zurück/ }).click();
  await expect(view.posts).toHaveCount(50);
  await expect(view.post("Beitrag 50")).toHaveCount(1);
});

/** A marker of letters and digits only, so the check does not depend on how excerpts treat punctuation. */
const plainMarker = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

test("[threads] the home page's activity feed updates live", async ({ asParticipant2, make }) => {
  const thread = await make.thread();
  await asParticipant2.goto("/");
  await expect(asParticipant2.getByRole("heading", { name: "Meine Arbeitsgruppen" })).toBeVisible();
  await waitForLive(asParticipant2);

  const body = plainMarker("Neuigkeit für die Startseite");
  await make.post(thread.id, body);
  const feed = asParticipant2.getByTestId("activity-feed");
  const item = feed.getByRole("listitem").filter({ hasText: body });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Thomas Tietz");
  await expect(item).toContainText("Arbeitsgruppe Technik");
  await expect(item.getByRole("link", { name: thread.title })).toBeVisible();

  await item.getByRole("link", { name: thread.title }).click();
  await expect(asParticipant2).toHaveURL(new RegExp(`/themen/${thread.id}\\?beitrag=2#beitrag-2$`));
  await expect(new ThreadPage(asParticipant2).post(body)).toHaveCount(1);
});

// FAILS ON THE CURRENT BUILD ONLY: .next predates commit 9c494dd ("activity excerpts come from rendered
// Markdown"); the bundled tRPC route still strips Markdown by regex and turns "Online-Antrag" into
// "Online Antrag". Expected to pass after `next build`.
test("[threads] activity feed excerpts show the post's plain text, live and after a reload", async ({ asParticipant2, make }) => {
  const thread = await make.thread();
  await asParticipant2.goto("/");
  await waitForLive(asParticipant2);

  const marker = plainMarker("Auszug");
  await make.post(thread.id, `**Wichtig:** der Online-Antrag für ${marker} – siehe [Leitfaden](https://example.org)`);
  const expected = `Wichtig: der Online-Antrag für ${marker} – siehe Leitfaden`;
  const feed = asParticipant2.getByTestId("activity-feed");
  const excerpt = () => feed.getByRole("listitem").filter({ hasText: marker }).getByText(expected, { exact: true });
  await expect(excerpt(), "excerpt delivered live").toBeVisible();
  await asParticipant2.reload();
  await expect(excerpt(), "excerpt rendered on the server").toBeVisible();
});

test("[threads] Markdown in a post is rendered", async ({ asParticipant, asParticipant2, make }) => {
  const thread = await make.thread();
  const page = new ThreadPage(asParticipant);
  await page.goto(thread.url);
  const watcher = new ThreadPage(asParticipant2);
  await watcher.goto(thread.url);
  await waitForLive(asParticipant2);

  const marker = make.name("Markdown");
  await page.reply(`${marker}: das ist **fett** und *kursiv*\n\n- erster Punkt\n- zweiter Punkt\n\n[Landesportal](https://www.sachsen-anhalt.de)`);
  for (const view of [page, watcher]) {
    const post = view.post(marker);
    await expect(post.locator("strong")).toHaveText("fett");
    await expect(post.locator("em")).toHaveText("kursiv");
    await expect(post.locator(".prose-post").getByRole("listitem")).toHaveText(["erster Punkt", "zweiter Punkt"]);
    await expect(post.getByRole("link", { name: "Landesportal" })).toHaveAttribute("href", "https://www.sachsen-anhalt.de");
    await expect(post).not.toContainText("**");
  }
});

test("[threads] HTML and script in posts show as literal text and never run", async ({ asParticipant, asParticipant2, make }) => {
  const thread = await make.thread({ title: make.name('Titel mit <img src=x onerror=alert("titel")>') });
  const dialogs = [...[asParticipant, asParticipant2].map(recordDialogs)];
  const page = new ThreadPage(asParticipant);
  await page.goto(thread.url);
  const watcher = new ThreadPage(asParticipant2);
  await watcher.goto(thread.url);
  await waitForLive(asParticipant2);
  await expect(page.title).toHaveText(thread.title);

  const payloads = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "Text mit <img src=x onerror=alert(2)> mittendrin",
    "[klick](javascript:alert(3))",
  ];
  for (const payload of payloads) {
    await page.reply(payload);
    await expect(page.composer).toHaveValue("");
  }
  for (const view of [page, watcher]) {
    await expect(view.posts).toHaveCount(1 + payloads.length);
    await expect(view.post("<script>alert(1)</script>")).toHaveCount(1);
    await expect(view.post("<img src=x onerror=alert(1)>")).toHaveCount(1);
    await expect(view.post("Text mit <img src=x onerror=alert(2)> mittendrin")).toHaveCount(1);
    await expect(view.posts.locator("img, script, [onerror]")).toHaveCount(0);
    await expect(view.posts.locator('a[href^="javascript:"]')).toHaveCount(0);
  }
  // the stored text is what was typed, so it can be edited back
  const { data } = await trpc(asParticipant.request, "post.list", { threadId: thread.id }, "query");
  const sources = [];
  for (const post of data.posts.slice(1) as { id: string }[]) {
    sources.push((await trpc(asParticipant.request, "post.source", { postId: post.id }, "query")).data.body);
  }
  expect(sources).toEqual(payloads);

  // a reload renders the same posts on the server
  await asParticipant2.reload();
  await expect(watcher.post("<img src=x onerror=alert(1)>")).toHaveCount(1);
  await expect(watcher.posts.locator("img, script")).toHaveCount(0);
  expect(dialogs.flat()).toEqual([]);
});

test("[threads] a participant edits their own post and others see the change live", async ({ asParticipant, asParticipant2, make }) => {
  const thread = await make.thread();
  const original = make.name("Ursprünglicher Text");
  await make.post(thread.id, original);
  const page = new ThreadPage(asParticipant);
  await page.goto(thread.url);
  const watcher = new ThreadPage(asParticipant2);
  await watcher.goto(thread.url);
  await waitForLive(asParticipant2);

  // Sabine sees no edit button on Thomas's posts
  await expect(watcher.post(original).getByRole("button", { name: /Bearbeiten/ })).toHaveCount(0);

  const post = page.post(original);
  await post.getByRole("button", { name: "Bearbeiten (Beitrag #2)" }).click();
  const changed = make.name("Geänderter Text");
  await asParticipant.getByLabel("Beitrag bearbeiten").fill(changed);
  await asParticipant.getByRole("button", { name: "Änderung speichern" }).click();
  await expect(page.post(changed)).toContainText("bearbeitet");
  await expect(page.post(original)).toHaveCount(0);

  await expect(watcher.post(changed)).toHaveCount(1);
  await expect(watcher.post(original)).toHaveCount(0);
  await expect(watcher.posts).toHaveCount(2);
});
