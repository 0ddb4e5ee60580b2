import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test, trpc } from "./fixtures";
import { NewThreadPage } from "./pages/new-thread-page";
import { ThreadPage } from "./pages/thread-page";

/**
 * Nothing in the other specs opens threads in this group, so its thread count stays put while a
 * test here runs (the other worker never writes to it). Titles are unique besides.
 */
const QUIET_GROUP = "strategie";

const messages = {
  titleMissing: "Bitte geben Sie einen Titel ein.",
  titleTooLong: "Der Titel darf höchstens 200 Zeichen lang sein.",
  bodyMissing: "Bitte geben Sie einen Beitragstext ein.",
  bodyTooLong: "Der Beitrag darf höchstens 50.000 Zeichen lang sein.",
  badId: "Die Kennung ist ungültig.",
  signIn: "Bitte melden Sie sich an.",
  forbidden: "Dafür fehlt Ihnen die Berechtigung.",
  threadGone: "Dieses Thema gibt es nicht (mehr).",
  postGone: "Diesen Beitrag gibt es nicht (mehr).",
  groupGone: "Diese Arbeitsgruppe gibt es nicht.",
  locked: "Dieses Thema ist gesperrt: neue Beiträge sind nicht möglich.",
};

async function threadsOf(request: APIRequestContext, groupId: string) {
  const { data, error } = await trpc(request, "group.threads", { groupId }, "query");
  expect(error).toBeUndefined();
  return data.threads as { id: string; title: string; postCount: number }[];
}

async function postsOf(request: APIRequestContext, threadId: string) {
  const { data, error } = await trpc(request, "post.list", { threadId }, "query");
  expect(error).toBeUndefined();
  return data.posts as { id: string; html: string; number: number }[];
}

/** The Markdown source of a post, as its author or moderation sees it when editing. */
async function sourceOf(request: APIRequestContext, postId: string) {
  const { data, error } = await trpc(request, "post.source", { postId }, "query");
  expect(error).toBeUndefined();
  return data.body as string;
}

async function expectFieldError(page: Page, label: string, message: string) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.()]/g, "\\$&")));
  await expect(page.getByText(message, { exact: true })).toBeVisible();
}

test.describe("[bad-input] new thread form", () => {
  const cases = [
    { name: "empty title", title: "", body: "Ein Beitrag ohne Titel.", field: "Titel", message: messages.titleMissing },
    { name: "whitespace-only title", title: "   \t  ", body: "Ein Beitrag mit leerem Titel.", field: "Titel", message: messages.titleMissing },
    { name: "201-character title", title: "T".repeat(201), body: "Ein Beitrag mit zu langem Titel.", field: "Titel", message: messages.titleTooLong },
    { name: "empty first post", title: "Titel ohne Beitrag", body: "", field: "Erster Beitrag", message: messages.bodyMissing },
    { name: "whitespace-only first post", title: "Titel mit leerem Beitrag", body: "  \n\n   ", field: "Erster Beitrag", message: messages.bodyMissing },
  ];
  for (const bad of cases) {
    test(`[bad-input] new thread with ${bad.name} shows "${bad.message}" and creates nothing`, async ({ asParticipant: page, make }) => {
      const groupId = await make.groupId(QUIET_GROUP);
      const before = await threadsOf(page.request, groupId);
      const title = bad.title.startsWith("Titel") ? make.name(bad.title) : bad.title;
      const form = new NewThreadPage(page);
      await form.goto(QUIET_GROUP);
      await form.open(title, bad.body);

      await expectFieldError(page, bad.field, bad.message);
      await expect(page).toHaveURL(new RegExp(`/arbeitsgruppen/${QUIET_GROUP}/themen/neu$`));
      await expect(form.title).toHaveValue(title);
      const after = await threadsOf(page.request, groupId);
      expect(after.length).toBe(before.length);
      expect(after.map((thread) => thread.title)).not.toContain(title.trim());
    });
  }

  test("[bad-input] new thread with both fields empty shows both messages", async ({ asParticipant: page }) => {
    const form = new NewThreadPage(page);
    await form.goto(QUIET_GROUP);
    await form.submit.click();
    await expectFieldError(page, "Titel", messages.titleMissing);
    await expectFieldError(page, "Erster Beitrag", messages.bodyMissing);
  });
});

test.describe("[bad-input] composer", () => {
  const cases = [
    { name: "empty", body: "", message: messages.bodyMissing },
    { name: "whitespace-only", body: "   \n \t \n ", message: messages.bodyMissing },
    { name: "over 50,000 characters", body: "x".repeat(50_001), message: messages.bodyTooLong },
  ];
  for (const bad of cases) {
    test(`[bad-input] ${bad.name} post shows "${bad.message}" and creates nothing`, async ({ asParticipant: page, make }) => {
      const thread = await make.thread({ slug: QUIET_GROUP });
      const view = new ThreadPage(page);
      await view.goto(thread.url);
      // set programmatically: typing 50,000 characters would only slow the test down
      await view.composer.evaluate((element, value) => {
        const textarea = element as HTMLTextAreaElement;
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
        setter.call(textarea, value);
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      }, bad.body);
      await view.send.click();

      await expectFieldError(page, "Ihr Beitrag", bad.message);
      await expect(view.composer).toHaveValue(bad.body);
      await expect(view.posts).toHaveCount(1);
      expect(await postsOf(page.request, thread.id)).toHaveLength(1);
    });
  }

  test("[bad-input] a post of exactly 50,000 characters is accepted", async ({ asParticipant: page, make }) => {
    const thread = await make.thread({ slug: QUIET_GROUP });
    const view = new ThreadPage(page);
    await view.goto(thread.url);
    const body = "Lang ".repeat(10_000);
    await view.composer.fill(body);
    await view.send.click();
    await expect(view.composer).toHaveValue("");
    await expect(view.posts).toHaveCount(2);
    const posts = await postsOf(page.request, thread.id);
    expect(await sourceOf(page.request, posts[1].id)).toBe(body.trim());
  });
});

test.describe("[bad-input] tRPC", () => {
  test("[bad-input] thread.create refuses missing, blank and over-long titles and bodies", async ({ asParticipant: page, make }) => {
    const groupId = await make.groupId(QUIET_GROUP);
    const before = await threadsOf(page.request, groupId);
    const title = make.name("API-Titel");
    const cases = [
      { input: { title: "", body: "Text" }, field: "title", message: messages.titleMissing },
      { input: { title: "   ", body: "Text" }, field: "title", message: messages.titleMissing },
      { input: { title: "T".repeat(201), body: "Text" }, field: "title", message: messages.titleTooLong },
      { input: { body: "Text" }, field: "title", message: messages.titleMissing },
      { input: { title, body: "" }, field: "body", message: messages.bodyMissing },
      { input: { title, body: " \n " }, field: "body", message: messages.bodyMissing },
      { input: { title, body: "x".repeat(50_001) }, field: "body", message: messages.bodyTooLong },
      { input: { title, body: 42 }, field: "body", message: messages.bodyMissing },
    ];
    for (const { input, field, message } of cases) {
      const response = await trpc(page.request, "thread.create", { groupId, firstPostId: crypto.randomUUID(), ...input });
      expect(response.status, JSON.stringify(input).slice(0, 80)).toBe(400);
      expect(response.error?.message).toBe(message);
      expect((response.error?.data as { fieldErrors?: Record<string, string[]> }).fieldErrors?.[field]).toContain(message);
      expect(response.data).toBeUndefined();
    }
    const after = await threadsOf(page.request, groupId);
    expect(after.length).toBe(before.length);
    expect(after.map((thread) => thread.title)).not.toContain(title);
  });

  test("[bad-input] post.create refuses blank and over-long bodies", async ({ asParticipant: page, make }) => {
    const thread = await make.thread({ slug: QUIET_GROUP });
    for (const [body, message] of [
      ["", messages.bodyMissing],
      ["   \n\t ", messages.bodyMissing],
      ["x".repeat(50_001), messages.bodyTooLong],
      [null, messages.bodyMissing],
    ] as const) {
      const response = await trpc(page.request, "post.create", { id: crypto.randomUUID(), threadId: thread.id, body });
      expect(response.status).toBe(400);
      expect(response.error?.message).toBe(message);
    }
    const { data } = await trpc(page.request, "thread.byId", { threadId: thread.id }, "query");
    expect(data.postCount).toBe(1);
    expect(await postsOf(page.request, thread.id)).toHaveLength(1);
  });

  test("[bad-input] unknown ids get 404 with a German message", async ({ asParticipant: page, make }) => {
    const unknown = crypto.randomUUID();
    const post = await trpc(page.request, "post.create", { id: crypto.randomUUID(), threadId: unknown, body: "Ins Leere" });
    expect(post.status).toBe(404);
    expect(post.error?.message).toBe(messages.threadGone);

    const thread = await trpc(page.request, "thread.byId", { threadId: unknown }, "query");
    expect(thread.status).toBe(404);
    expect(thread.error?.message).toBe(messages.threadGone);

    const list = await trpc(page.request, "post.list", { threadId: unknown }, "query");
    expect(list.status).toBe(404);
    expect(list.error?.message).toBe(messages.threadGone);

    const edit = await trpc(page.request, "post.edit", { postId: unknown, body: "Geändert" });
    expect(edit.status).toBe(404);
    expect(edit.error?.message).toBe(messages.postGone);

    const title = make.name("Thema ohne Gruppe");
    const created = await trpc(page.request, "thread.create", { groupId: unknown, firstPostId: crypto.randomUUID(), title, body: "Text" });
    expect(created.status).toBe(404);
    expect(created.error?.message).toBe(messages.groupGone);

    const moderated = await trpc(page.request, "thread.moderate", { threadId: unknown, isLocked: true });
    expect([403, 404]).toContain(moderated.status);

    // the page answers with the German not-found page
    const response = await page.goto(`/arbeitsgruppen/technik/themen/${unknown}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Seite nicht gefunden" })).toBeVisible();
  });

  test("[bad-input] malformed ids get 400 and change nothing", async ({ asParticipant: page, make }) => {
    const thread = await make.thread({ slug: QUIET_GROUP });
    const calls: [string, unknown, "query" | "mutation"][] = [
      ["post.create", { id: "123", threadId: thread.id, body: "Text" }, "mutation"],
      ["post.create", { id: crypto.randomUUID(), threadId: "nicht-eine-kennung", body: "Text" }, "mutation"],
      ["post.create", { id: crypto.randomUUID(), threadId: `${thread.id}' OR '1'='1`, body: "Text" }, "mutation"],
      ["post.edit", { postId: "../../etc/passwd", body: "Text" }, "mutation"],
      ["thread.byId", { threadId: "1" }, "query"],
      ["post.list", { threadId: 12345 }, "query"],
      ["thread.create", { groupId: "technik", firstPostId: crypto.randomUUID(), title: make.name("Titel"), body: "Text" }, "mutation"],
      ["group.join", { groupId: "" }, "mutation"],
    ];
    for (const [path, input, kind] of calls) {
      const response = await trpc(page.request, path, input, kind);
      expect(response.status, `${path} ${JSON.stringify(input)}`).toBe(400);
      expect(response.error?.message).toBe(messages.badId);
    }
    expect(await postsOf(page.request, thread.id)).toHaveLength(1);

    const page404 = await page.goto(`/arbeitsgruppen/${QUIET_GROUP}/themen/kein-thema`);
    expect(page404?.status()).toBe(404);
  });

  test("[bad-input] requests without a session get 401 with a German message", async ({ request, make }) => {
    const thread = await make.thread({ slug: QUIET_GROUP });
    const calls: [string, unknown, "query" | "mutation"][] = [
      ["post.create", { id: crypto.randomUUID(), threadId: thread.id, body: "Anonym" }, "mutation"],
      ["thread.create", { groupId: await make.groupId(QUIET_GROUP), firstPostId: crypto.randomUUID(), title: make.name("Anonym"), body: "Anonym" }, "mutation"],
      ["post.list", { threadId: thread.id }, "query"],
      ["group.list", undefined, "query"],
      ["invitation.create", { email: "anonym@e2e.example", organisation: "Anonym", role: "ADMIN" }, "mutation"],
      ["user.list", undefined, "query"],
    ];
    for (const [path, input, kind] of calls) {
      const response = await trpc(request, path, input, kind);
      expect(response.status, path).toBe(401);
      expect(response.error?.message).toBe(messages.signIn);
      expect(response.data).toBeUndefined();
    }
    const anonymous = await trpc(request, "thread.byId", { threadId: thread.id }, "query");
    expect(anonymous.status).toBe(401);
    expect(anonymous.data).toBeUndefined();
    const signedOutPage = await request.get(thread.url, { maxRedirects: 0 });
    expect(signedOutPage.status()).toBeGreaterThanOrEqual(300);
    expect(signedOutPage.status()).toBeLessThan(400);
    expect(signedOutPage.headers()["location"]).toContain("/anmelden");
  });

  test("[bad-input] a participant cannot edit someone else's post", async ({ asParticipant, asParticipant2, make }) => {
    const thread = await make.thread({ slug: QUIET_GROUP });
    const original = make.name("Sabines Beitrag");
    const post = await make.post(thread.id, original, asParticipant2);

    const response = await trpc(asParticipant.request, "post.edit", { postId: post.id, body: "Von Thomas überschrieben" });
    expect(response.status).toBe(403);
    expect(response.error?.message).toBe(messages.forbidden);

    const posts = await postsOf(asParticipant.request, thread.id);
    expect(posts.some((p) => p.id === post.id)).toBe(true);
    expect(await sourceOf(asParticipant2.request, post.id)).toBe(original);

    // and the UI offers no edit button on it
    const view = new ThreadPage(asParticipant);
    await view.goto(thread.url);
    await expect(view.post(original)).toHaveCount(1);
    await expect(view.post(original).getByRole("button", { name: /Bearbeiten/ })).toHaveCount(0);
  });

  test("[bad-input] a reused post id returns the first post and never duplicates it", async ({ asParticipant, asParticipant2, make }) => {
    const thread = await make.thread({ slug: QUIET_GROUP });
    const id = crypto.randomUUID();
    const first = await trpc(asParticipant.request, "post.create", { id, threadId: thread.id, body: "Einmal gesendet" });
    const again = await trpc(asParticipant.request, "post.create", { id, threadId: thread.id, body: "Einmal gesendet" });
    expect(again.error).toBeUndefined();
    expect(again.data.id).toBe(first.data.id);
    expect(again.data.number).toBe(first.data.number);

    // someone else reusing the id is a conflict, not a way to read or take over the post
    const stolen = await trpc(asParticipant2.request, "post.create", { id, threadId: thread.id, body: "Gestohlen" });
    expect(stolen.status).toBe(409);
    expect(stolen.data).toBeUndefined();

    const posts = await postsOf(asParticipant.request, thread.id);
    expect(posts).toHaveLength(2);
    expect(await sourceOf(asParticipant.request, posts[1].id)).toBe("Einmal gesendet");
  });

  test("[bad-input] a participant cannot post into a locked thread", async ({ asParticipant, asModerator, make }) => {
    const thread = await make.thread({ slug: QUIET_GROUP });
    const locked = await trpc(asModerator.request, "thread.moderate", { threadId: thread.id, isLocked: true });
    expect(locked.error).toBeUndefined();
    const response = await trpc(asParticipant.request, "post.create", { id: crypto.randomUUID(), threadId: thread.id, body: "Trotzdem" });
    expect(response.status).toBe(403);
    expect(response.error?.message).toBe(messages.locked);
    expect(await postsOf(asParticipant.request, thread.id)).toHaveLength(1);

    const moderate = await trpc(asParticipant.request, "thread.moderate", { threadId: thread.id, isLocked: false });
    expect(moderate.status).toBe(403);
    expect(moderate.error?.message).toBe(messages.forbidden);
  });
});
