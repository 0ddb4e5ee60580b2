import { expect, expectAccessible, horizontalOverflow, screens, test, trpc, waitForLive } from "./fixtures";
import { ThreadPage } from "./pages/thread-page";

test("[quotes] quoting a post puts a Markdown quote with a link back into the composer; the reply says whom it answers", async ({ asParticipant2, make }) => {
  const thread = await make.thread({ body: make.name("Wir brauchen eine gemeinsame Schnittstelle für die Aktenablage") });
  const page = new ThreadPage(asParticipant2);
  await page.goto(thread.url);
  // the live socket means the page is hydrated: a click before that would reach a button without its handler
  await waitForLive(asParticipant2);
  await page.posts.first().getByRole("button", { name: "Zitieren (Beitrag #1)" }).click();
  await expect(page.composer).toBeFocused();
  await expect(page.composer).toHaveValue(/^> \*\*Thomas Tietz\*\* schrieb in \[#1\]\(\/beitraege\/[0-9a-f-]{36}\):\n>\n> Wir brauchen eine gemeinsame Schnittstelle/);
  await expect(asParticipant2.getByText("Antwort auf Thomas Tietz (#1)")).toBeVisible();
  const answer = make.name("Dem stimme ich zu");
  await page.composer.press("End");
  await page.composer.pressSequentially(answer);
  await page.send.click();

  const reply = page.post(answer);
  await expect(reply).toHaveCount(1);
  await expect(reply.locator("blockquote")).toContainText("Wir brauchen eine gemeinsame Schnittstelle");
  const back = reply.getByRole("link", { name: "Thomas Tietz (#1)" });
  await expect(back).toBeVisible();
  await expectAccessible(asParticipant2);
  await screens(asParticipant2, "quote-reply");

  await back.click();
  await expect(asParticipant2).toHaveURL(new RegExp(`${thread.url}\\?seite=1#beitrag-1$`));
  await expect(page.posts.first()).toBeFocused();
});

test("[permalink] a permalink opens the right page of a long thread, scrolls to the post and highlights it", async ({ asParticipant, asParticipant2, make }) => {
  // 560 posts through the API take a few minutes on a busy machine
  test.setTimeout(480_000);
  const thread = await make.thread({ body: "Beginn eines langen Themas" });
  // 560 posts straight into the thread through the API: post #561 is on page 12
  const { request } = asParticipant;
  for (let batch = 0; batch < 112; batch++) {
    await Promise.all(Array.from({ length: 5 }, (_, i) => make.post(thread.id, `Füllbeitrag ${batch * 5 + i + 2}`)));
  }
  const target = await make.post(thread.id, make.name("Der gesuchte Beitrag"));
  expect(target.number).toBe(562);
  expect((await trpc(request, "post.list", { threadId: thread.id, page: 12 }, "query")).data.pageCount).toBe(12);

  const page = new ThreadPage(asParticipant2);
  await asParticipant2.goto(`/beitraege/${target.id}`);
  await expect(asParticipant2).toHaveURL(new RegExp(`${thread.url}\\?seite=12#beitrag-562$`));
  const post = asParticipant2.locator("#beitrag-562");
  await expect(post).toBeFocused();
  await expect(post).toHaveAttribute("data-highlighted", "true");
  await expect(post).toBeInViewport();
  await expect(page.posts.first()).toContainText("#551");

  // the post's "Link" copies the permalink (or shows it where the clipboard is closed)
  await asParticipant2.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await post.getByRole("button", { name: "Link zu Beitrag #562 kopieren" }).click();
  await expect(post.getByRole("status")).toHaveText("Link kopiert.");
  expect(await asParticipant2.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/beitraege/${target.id}$`));
  await expectAccessible(asParticipant2);
  await screens(asParticipant2, "permalink-page-12");
  await asParticipant2.setViewportSize({ width: 320, height: 800 });
  expect(await horizontalOverflow(asParticipant2)).toBeLessThanOrEqual(0);
});

test("[permalink] a reader and an unknown post get no way into the thread", async ({ asReader, asParticipant, make }) => {
  const thread = await make.thread();
  const { data } = await trpc(asParticipant.request, "post.list", { threadId: thread.id }, "query");
  expect((await asReader.goto(`/beitraege/${data.posts[0].id}`))?.status()).toBe(403);
  await expect(asReader.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
  await expect(asReader).toHaveURL(/\/beitraege\//);
  const missing = await asParticipant.goto(`/beitraege/${crypto.randomUUID()}`);
  expect(missing?.status()).toBe(404);
  const garbage = await asParticipant.goto("/beitraege/kaputt");
  expect(garbage?.status()).toBe(404);
});
