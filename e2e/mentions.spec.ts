import { expect, expectAccessible, screens, test, trpc } from "./fixtures";
import { ThreadPage } from "./pages/thread-page";

test("[mentions] typing @ offers members by name and municipality, chosen by keyboard; the post shows the mention", async ({ asParticipant, make }) => {
  // three browsers (or two plus a full-page screenshot at two widths): slow on a busy machine
  test.slow();
  const thread = await make.thread({ body: make.name("Wer kennt sich mit XDOMEA aus?") });
  const page = new ThreadPage(asParticipant);
  await page.goto(thread.url);
  await page.composer.click();
  await page.composer.pressSequentially("Frage an @Sabine");
  const list = asParticipant.getByRole("listbox", { name: "Personen erwähnen" });
  await expect(list).toBeVisible();
  const option = list.getByRole("option", { name: /Sabine Schulze · Stadt Wernigerode/ });
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(page.composer).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await expectAccessible(asParticipant);
  await screens(asParticipant, "mention-autocomplete");
  await page.composer.press("Enter");
  await expect(list).toBeHidden();
  await expect(page.composer).toHaveValue(/^Frage an @\[Sabine Schulze\]\(user:[0-9a-f-]{36}\) $/);
  const text = make.name("wie lief es bei Ihnen?");
  await page.composer.pressSequentially(text);
  await page.send.click();
  const post = page.post(text);
  await expect(post.locator(".mention")).toHaveText("@Sabine Schulze");

  // the notification itself is checked in server/services/posts/reply-mention.test.ts (notify() has no page yet on this branch)
});

test("[mentions] Escape closes the list, arrow keys move, and a reader is not offered", async ({ asParticipant, make }) => {
  const thread = await make.thread();
  const page = new ThreadPage(asParticipant);
  await page.goto(thread.url);
  await page.composer.click();
  await page.composer.pressSequentially("@Lena");
  const list = asParticipant.getByRole("listbox", { name: "Personen erwähnen" });
  await expect(asParticipant.getByRole("status").filter({ hasText: "Niemand gefunden" })).toHaveCount(1);
  await expect(list).toBeHidden();
  await page.composer.fill("");
  await page.composer.pressSequentially("@");
  await expect(list).toBeVisible();
  const options = list.getByRole("option");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await page.composer.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await page.composer.press("Escape");
  await expect(list).toBeHidden();
  await expect(page.composer).toHaveValue("@");
});

test("[mentions] readers are never offered, and a reader cannot ask for the list", async ({ asParticipant, asReader, make }) => {
  const thread = await make.thread();
  const offered = await trpc(asParticipant.request, "user.mentionable", { threadId: thread.id, query: "Lena" }, "query");
  expect(offered.data).toEqual([]);
  const asked = await trpc(asReader.request, "user.mentionable", { threadId: thread.id, query: "" }, "query");
  expect(asked.status).toBe(403);
  expect(asked.error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");
});
