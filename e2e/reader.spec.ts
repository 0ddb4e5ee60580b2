import { expect, test, trpc, waitForLive } from "./fixtures";
import { AppShell } from "./pages/app-shell";

test("[reader] reader sees no Arbeitsgruppen navigation and gets Kein Zugriff on group and thread pages", async ({ asReader: page, make }) => {
  const thread = await make.thread();
  const shell = new AppShell(page);
  await page.goto("/");
  await expect(shell.welcome("Lena Lorenz")).toBeVisible();
  await expect(shell.navLink("Start")).toBeVisible();
  await expect(shell.navLink("Arbeitsgruppen")).toHaveCount(0);
  await expect(shell.navLink("Verwaltung")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Neueste Aktivität" })).toHaveCount(0);

  for (const url of ["/arbeitsgruppen", "/arbeitsgruppen/technik", "/arbeitsgruppen/technik/themen/neu", thread.url]) {
    expect((await page.goto(url))?.status(), url).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Kein Zugriff" }), url).toBeVisible();
    // pages with a fixed title keep it; those that name what they show say "Kein Zugriff" instead
    if (url !== "/arbeitsgruppen" && !url.endsWith("/neu")) await expect(page, url).toHaveTitle(/^Kein Zugriff/);
    await expect(page.getByText(thread.title)).toHaveCount(0);
    await expect(page.getByText("Erster Beitrag des Testthemas.")).toHaveCount(0);
  }
});

test("[reader] reader cannot read threads or posts over tRPC", async ({ asReader: page, make }) => {
  const thread = await make.thread();
  const byId = await trpc(page.request, "thread.byId", { threadId: thread.id }, "query");
  expect(byId.status).toBe(403);
  expect(byId.error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");
  const posts = await trpc(page.request, "post.list", { threadId: thread.id }, "query");
  expect(posts.status).toBe(403);
  expect(posts.data).toBeUndefined();
});

test("[reader] reader posting over tRPC gets 403 and nothing is created", async ({ asReader: page, asParticipant, make }) => {
  const thread = await make.thread();
  const postId = crypto.randomUUID();
  const response = await trpc(page.request, "post.create", { id: postId, threadId: thread.id, body: "Leser versucht zu schreiben" });
  expect(response.status).toBe(403);
  expect(response.error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");
  expect(response.error?.data.code).toBe("FORBIDDEN");

  const created = await trpc(page.request, "thread.create", {
    groupId: await make.groupId("technik"),
    firstPostId: crypto.randomUUID(),
    title: make.name("Leserthema"),
    body: "Leser versucht ein Thema",
  });
  expect(created.status).toBe(403);
  expect(created.error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");

  const { data } = await trpc(asParticipant.request, "thread.byId", { threadId: thread.id }, "query");
  expect(data.postCount).toBe(1);
  const list = await trpc(asParticipant.request, "post.list", { threadId: thread.id }, "query");
  expect(list.data.posts.map((post: { id: string }) => post.id)).not.toContain(postId);
});

test("[reader] reader posting over the socket gets ok:false with a German message and nothing is created", async ({
  asReader: page,
  asParticipant,
  make,
}) => {
  const thread = await make.thread();
  await page.goto("/");
  await waitForLive(page);
  const postId = crypto.randomUUID();
  const response = await page.evaluate(
    (input) =>
      new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve) =>
        window.__gdstSocket!.emit("post.create", input, resolve),
      ),
    { id: postId, threadId: thread.id, body: "Leser versucht es über die Live-Verbindung" },
  );
  expect(response.ok).toBe(false);
  expect(response.error?.code).toBe("FORBIDDEN");
  expect(response.error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");

  // watching a thread is refused as well: no content leaks through the socket
  const watch = await page.evaluate(
    (threadId) =>
      new Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>((resolve) =>
        window.__gdstSocket!.emit("thread.watch", { threadId, afterSeq: 0 }, resolve),
      ),
    thread.id,
  );
  expect(watch.ok).toBe(false);
  expect(watch.data).toBeUndefined();
  expect(watch.error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");

  const { data } = await trpc(asParticipant.request, "thread.byId", { threadId: thread.id }, "query");
  expect(data.postCount).toBe(1);
  const list = await trpc(asParticipant.request, "post.list", { threadId: thread.id }, "query");
  expect(list.data.posts).toHaveLength(1);
});
