import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "gdst-demo";
export const demo = {
  admin: "admin@gdst.example",
  moderator: "moderation@gdst.example",
  participant: "teilnehmer@gdst.example",
  participant2: "teilnehmerin@gdst.example",
  reader: "lesend@gdst.example",
} as const;

/** Signs a browser context in through next-auth's credentials endpoint (the UI form is tested in auth.spec.ts). */
export async function signInByApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok(), `sign-in of ${email}`).toBeTruthy();
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `session of ${email}`).toBe(email);
}

export async function pageAs(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByApi(page.request, email, password);
  return page;
}

/** Calls a tRPC procedure over HTTP as the signed-in user of `request`; returns the raw response. */
export async function trpc(request: APIRequestContext, path: string, input: unknown, kind: "query" | "mutation" = "mutation") {
  const response =
    kind === "mutation"
      ? await request.post(`/api/trpc/${path}`, { data: input, failOnStatusCode: false })
      : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { failOnStatusCode: false });
  const body = (await response.json()) as { result?: { data: unknown }; error?: { message: string; data: { code: string; appErrorCode?: string } } };
  return { status: response.status(), data: body.result?.data as any, error: body.error };
}

/** Fails on any serious or critical WCAG 2.1 AA violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

interface Fixtures {
  asAdmin: Page;
  asModerator: Page;
  asParticipant: Page;
  asParticipant2: Page;
  asReader: Page;
  make: Maker;
}

export interface Maker {
  /** a unique name for this test and worker */
  name(prefix: string): string;
  groupId(slug: string): Promise<string>;
  thread(options?: { slug?: string; title?: string; body?: string; as?: Page }): Promise<{ id: string; title: string; url: string }>;
  post(threadId: string, body: string, as?: Page): Promise<{ id: string; number: number }>;
}

export const test = base.extend<Fixtures>({
  asAdmin: async ({ browser }, use) => {
    const page = await pageAs(browser, demo.admin);
    await use(page);
    await page.context().close();
  },
  asModerator: async ({ browser }, use) => {
    const page = await pageAs(browser, demo.moderator);
    await use(page);
    await page.context().close();
  },
  asParticipant: async ({ browser }, use) => {
    const page = await pageAs(browser, demo.participant);
    await use(page);
    await page.context().close();
  },
  asParticipant2: async ({ browser }, use) => {
    const page = await pageAs(browser, demo.participant2);
    await use(page);
    await page.context().close();
  },
  asReader: async ({ browser }, use) => {
    const page = await pageAs(browser, demo.reader);
    await use(page);
    await page.context().close();
  },
  make: async ({ browser }, use, testInfo) => {
    let counter = 0;
    let author: Page | undefined;
    const authorPage = async () => (author ??= await pageAs(browser, demo.participant));
    const groupIds = new Map<string, string>();
    const maker: Maker = {
      name: (prefix) => `${prefix} w${testInfo.workerIndex}-${testInfo.testId.slice(0, 6)}-${++counter}`,
      async groupId(slug) {
        if (!groupIds.has(slug)) {
          const { data } = await trpc((await authorPage()).request, "group.bySlug", { slug }, "query");
          groupIds.set(slug, data.id);
        }
        return groupIds.get(slug)!;
      },
      async thread({ slug = "technik", title, body = "Erster Beitrag des Testthemas.", as } = {}) {
        const page = as ?? (await authorPage());
        const threadTitle = title ?? maker.name("Testthema");
        const { data, error } = await trpc(page.request, "thread.create", {
          groupId: await maker.groupId(slug),
          firstPostId: crypto.randomUUID(),
          title: threadTitle,
          body,
        });
        expect(error).toBeUndefined();
        return { id: data.id, title: threadTitle, url: `/arbeitsgruppen/${slug}/themen/${data.id}` };
      },
      async post(threadId, body, as) {
        const page = as ?? (await authorPage());
        const { data, error } = await trpc(page.request, "post.create", { id: crypto.randomUUID(), threadId, body });
        expect(error).toBeUndefined();
        return { id: data.id, number: data.number };
      },
    };
    await use(maker);
    await author?.context().close();
  },
});

export { expect };
