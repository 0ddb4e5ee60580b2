import { expect, expectAccessible, screens, test, trpc, waitForLive } from "./fixtures";
import { ThreadPage } from "./pages/thread-page";

test("[reactions] participant reacts and another browser sees it live, with names on hover and in the accessible name", async ({ asParticipant, asParticipant2, make }) => {
  // three browsers (or two plus a full-page screenshot at two widths): slow on a busy machine
  test.slow();
  const thread = await make.thread({ body: make.name("Beitrag für Reaktionen") });
  const viewer = new ThreadPage(asParticipant);
  await viewer.goto(thread.url);
  await waitForLive(asParticipant);

  const reactor = new ThreadPage(asParticipant2);
  await reactor.goto(thread.url);
  const thumbs = reactor.posts.first().getByRole("button", { name: /^👍/ });
  await expect(thumbs).toHaveAttribute("aria-pressed", "false");
  await thumbs.click();
  await expect(thumbs).toHaveAttribute("aria-pressed", "true");
  await expect(thumbs).toHaveAccessibleName("👍 Daumen hoch: 1 – Sie. Zurücknehmen");

  // the other browser: count and name arrive over the socket, no reload
  const seen = viewer.posts.first().getByRole("button", { name: /^👍/ });
  await expect(seen).toHaveAccessibleName("👍 Daumen hoch: 1 – Sabine Schulze. Reagieren");
  await expect(seen).toHaveAttribute("aria-pressed", "false");
  await seen.click();
  await expect(seen).toHaveAccessibleName("👍 Daumen hoch: 2 – Sabine Schulze, Sie. Zurücknehmen");
  await expect(thumbs).toHaveAccessibleName("👍 Daumen hoch: 2 – Thomas Tietz, Sie. Zurücknehmen");

  // the names show in a tooltip on keyboard focus
  await seen.focus();
  await asParticipant.keyboard.press("Shift+Tab");
  await asParticipant.keyboard.press("Tab");
  await expect(viewer.posts.first().getByRole("tooltip")).toHaveText("Sabine Schulze, Sie");
  // the kinds nobody chose yet wait behind "+"
  await expect(viewer.posts.first().getByRole("button", { name: /^🎉/ })).toHaveCount(0);
  await viewer.posts.first().getByRole("button", { name: "Weitere Reaktionen" }).click();
  await expect(viewer.posts.first().getByRole("button", { name: /^🎉 Feiern: 0/ })).toBeVisible();
  await expectAccessible(asParticipant);
  await screens(asParticipant, "reactions");

  // taking it back
  await thumbs.click();
  await expect(seen).toHaveAccessibleName("👍 Daumen hoch: 1 – Sie. Zurücknehmen");
});

test("[reactions] reacting twice and a reaction outside the set are refused in German and change nothing", async ({ asParticipant2, make }) => {
  const thread = await make.thread({ body: make.name("Beitrag für doppelte Reaktion") });
  const { data: page } = await trpc(asParticipant2.request, "post.list", { threadId: thread.id }, "query");
  const postId = page.posts[0].id as string;
  expect((await trpc(asParticipant2.request, "post.react", { postId, kind: "🎉", active: true })).error).toBeUndefined();
  const twice = await trpc(asParticipant2.request, "post.react", { postId, kind: "🎉", active: true });
  expect(twice.error?.message).toBe("Sie haben bereits mit 🎉 reagiert.");
  const outside = await trpc(asParticipant2.request, "post.react", { postId, kind: "💩", active: true });
  expect(outside.status).toBe(400);
  expect(outside.error?.message).toBe("Diese Reaktion gibt es nicht. Möglich sind 👍 ❤️ 🎉 🤔 👀.");
  const { data: after } = await trpc(asParticipant2.request, "post.list", { threadId: thread.id }, "query");
  expect(after.posts[0].reactions).toEqual([{ kind: "🎉", users: [{ id: expect.any(String), name: "Sabine Schulze" }] }]);
});
