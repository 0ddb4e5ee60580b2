import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { toBerlinLocal } from "../server/schemas/berlin-time";

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
  expect((await sessionOf(request)).user?.email, `session of ${email}`).toBe(email);
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * Session cookies per account, kept for this worker process: signing in costs a deliberately slow
 * password hash, and the suite opens some six hundred signed-in pages.
 */
const sessionCookies = new Map<string, StorageState>();

async function sessionOf(request: APIRequestContext) {
  return (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
}

export async function pageAs(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const key = `${email}\n${password}`;
  const known = sessionCookies.get(key);
  if (known) {
    // newContext() inside a test takes the test's `use` options (baseURL, locale, javaScriptEnabled, …)
    const page = await (await browser.newContext({ storageState: known })).newPage();
    // a role change or deactivation ends sessions (sessionVersion): then sign in afresh
    if ((await sessionOf(page.request)).user?.email === email) return page;
    await page.context().close();
    sessionCookies.delete(key);
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByApi(page.request, email, password);
  sessionCookies.set(key, await context.storageState());
  return page;
}

/** Calls a tRPC procedure over HTTP as the signed-in user of `request`; returns the raw response. */
/** Berlin wall-clock time some hours from now, "YYYY-MM-DDTHH:mm", as the talk form sends it. */
export const berlinLocal = (hoursFromNow: number) => toBerlinLocal(new Date(Date.now() + hoursFromNow * 3_600_000));

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

declare global {
  interface Window {
    /** the page's socket.io-client Socket, exposed by app/_lib/socket.tsx */
    __gdstSocket?: { connected: boolean; connect(): void; disconnect(): void; emit(event: string, ...args: unknown[]): void };
  }
}

/** Waits until the page's live connection stands (after a page load it connects asynchronously). */
export async function waitForLive(page: Page) {
  await page.waitForFunction(() => window.__gdstSocket?.connected === true);
}

/**
 * A dialog would mean injected script ran. Records every dialog on `page`; assert the returned list
 * is empty at the end (a throw inside the listener would not reach the test).
 */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** How far the page scrolls sideways at its current width: more than 0 means something is too wide. */
export async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export const SCREENS_DIR = path.join("test-results", "screens");
export const SCREEN_WIDTHS = [1280, 320] as const;

/**
 * Screenshots are for people to look at while building; CI has nobody looking and two busy cores, so
 * there they are taken only with E2E_SCREENSHOTS=1. Locally they are on unless E2E_SCREENSHOTS=0.
 */
const takeScreenshots = process.env.E2E_SCREENSHOTS ? process.env.E2E_SCREENSHOTS === "1" : !process.env.CI;

/** Full-page screenshots at desktop and narrow width into test-results/screens/<name>-<width>.png. */
export async function screens(page: Page, name: string) {
  if (!takeScreenshots) return;
  mkdirSync(SCREENS_DIR, { recursive: true });
  const before = page.viewportSize();
  for (const width of SCREEN_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-${width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

/**
 * Screenshots of the first screen (1280×800 and 320×800) into test-results/screens/<name>-<width>.png,
 * for pages too long to be worth a full-page capture (a table of 50 rows is 4,000–6,000 px high).
 */
export async function firstScreens(page: Page, name: string) {
  if (!takeScreenshots) return;
  mkdirSync(SCREENS_DIR, { recursive: true });
  const before = page.viewportSize();
  for (const width of SCREEN_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-${width}.png`) });
  }
  if (before) await page.setViewportSize(before);
}

/**
 * Short tag unique to this test, worker and attempt. testId starts with a hash of the file, shared by
 * every test in it; the part after the dash identifies the test.
 */
export function testTag(testInfo: TestInfo) {
  const testHash = testInfo.testId.split("-").pop()!.slice(0, 8);
  return `w${testInfo.workerIndex}-${testHash}${testInfo.retry ? `-r${testInfo.retry}` : ""}`;
}

/** An e-mail address nobody else in this run uses. */
export function uniqueEmail(testInfo: TestInfo, prefix = "e2e") {
  return `${prefix}-w${testInfo.workerIndex}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.example`;
}

export type RoleName = "READER" | "PARTICIPANT" | "MODERATOR" | "ADMIN";
export interface InvitedUser {
  id: string;
  email: string;
  password: string;
  name: string;
  organisation: string;
  role: RoleName;
}

/** Creates an invitation as admin (over tRPC) and returns the link's token. */
export async function createInvitation(adminRequest: APIRequestContext, input: { email: string; organisation: string; role: RoleName }) {
  const { data, error } = await trpc(adminRequest, "invitation.create", input);
  expect(error, "invitation.create").toBeUndefined();
  return data.token as string;
}

/**
 * Waits until no other worker of this run holds the lock `name`, then holds it until the test ends.
 * For the few tests that need a shared thing to themselves for a while, e.g. publishing the one
 * results document: another worker's publication would take their edits along.
 */
export type Exclusive = (name: string) => Promise<void>;

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function acquireLock(dir: string): Promise<void> {
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(path.join(dir, "pid"), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // a worker that died holding it (killed by a timeout) leaves its directory behind
      const holder = Number((() => { try { return readFileSync(path.join(dir, "pid"), "utf8"); } catch { return "0"; } })());
      if (holder && !isRunning(holder)) rmSync(dir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

interface Fixtures {
  exclusive: Exclusive;
  asAdmin: Page;
  asModerator: Page;
  asParticipant: Page;
  asParticipant2: Page;
  asReader: Page;
  make: Maker;
  users: Users;
}

export interface Users {
  /** a fresh account made through an invitation, for tests that change or end accounts */
  invite(options?: { role?: RoleName; name?: string; organisation?: string }): Promise<InvitedUser>;
  /** an open invitation link's token (not accepted) */
  invitationToken(options?: { role?: RoleName }): Promise<string>;
  /** a page in a new browser context, signed in as `user` */
  pageOf(user: InvitedUser): Promise<Page>;
}

export interface Maker {
  /** a unique name for this test and worker */
  name(prefix: string): string;
  groupId(slug: string): Promise<string>;
  thread(options?: { slug?: string; title?: string; body?: string; as?: Page }): Promise<{ id: string; title: string; url: string }>;
  post(threadId: string, body: string, as?: Page): Promise<{ id: string; number: number }>;
  /** a spotlight proposed over tRPC (by the demo participant unless `as`) */
  spotlight(options?: { slug?: string; title?: string; problem?: string; requestedAction?: string; as?: Page }): Promise<{ id: string; number: number; title: string; url: string }>;
  /**
   * an impulse talk scheduled over tRPC by the demo moderator, starting `startsInHours` from now (default a
   * week) for `durationHours` (default 1)
   */
  talk(options?: {
    title?: string;
    category?: "OTHER_STATES" | "LIGHTHOUSE" | "FUTURE";
    slugs?: string[];
    startsInHours?: number;
    durationHours?: number;
    abstract?: string;
  }): Promise<{ id: string; title: string; url: string; updatedAt: string }>;
}

export const test = base.extend<Fixtures>({
  exclusive: async ({ baseURL }, use) => {
    const held: string[] = [];
    await use(async (name) => {
      const dir = path.join(os.tmpdir(), `gdst-e2e-${new URL(baseURL!).port}-${name}.lock`);
      await acquireLock(dir);
      held.push(dir);
    });
    for (const dir of held) rmSync(dir, { recursive: true, force: true });
  },
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
    let moderation: Page | undefined;
    const moderatorPage = async () => (moderation ??= await pageAs(browser, demo.moderator));
    const groupIds = new Map<string, string>();
    const maker: Maker = {
      name: (prefix) => `${prefix} ${testTag(testInfo)}-${++counter}`,
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
      async spotlight({ slug = "technik", title, problem = "Das Problem aus Sicht der Kommunen.", requestedAction = "Das Anliegen an das Ministerium.", as } = {}) {
        const page = as ?? (await authorPage());
        const spotlightTitle = title ?? maker.name("Testspotlight");
        const { data, error } = await trpc(page.request, "spotlight.create", {
          id: crypto.randomUUID(),
          title: spotlightTitle,
          problem,
          requestedAction,
          groupIds: [await maker.groupId(slug)],
        });
        expect(error).toBeUndefined();
        return { id: data.id, number: data.number, title: spotlightTitle, url: `/spotlights/${data.id}` };
      },
      async talk({ title, category = "OTHER_STATES", slugs = ["technik"], startsInHours = 24 * 7, durationHours = 1, abstract = "Wie das Land die Leistung digitalisiert hat." } = {}) {
        const talkTitle = title ?? maker.name("Testvortrag");
        const { data, error } = await trpc((await moderatorPage()).request, "impulseTalk.create", {
          id: crypto.randomUUID(),
          title: talkTitle,
          speakers: ["Dr. Anna Beispiel"],
          organisation: "Digitalagentur Hamburg",
          federalState: "Hamburg",
          category,
          startsAt: berlinLocal(startsInHours),
          endsAt: berlinLocal(startsInHours + durationHours),
          onlineUrl: "https://konferenz.example.org/impuls",
          abstract,
          groupIds: await Promise.all(slugs.map((slug) => maker.groupId(slug))),
        });
        expect(error).toBeUndefined();
        return { id: data.id, title: talkTitle, url: `/impulse/${data.id}`, updatedAt: data.updatedAt };
      },
    };
    await use(maker);
    await author?.context().close();
    await moderation?.context().close();
  },
  users: async ({ browser }, use, testInfo) => {
    let admin: Page | undefined;
    const adminPage = async () => (admin ??= await pageAs(browser, demo.admin));
    const pages: Page[] = [];
    let counter = 0;
    const users: Users = {
      async invitationToken({ role = "PARTICIPANT" } = {}) {
        return createInvitation((await adminPage()).request, { email: uniqueEmail(testInfo), organisation: "Testkommune E2E", role });
      },
      async invite({ role = "PARTICIPANT", name, organisation: givenOrganisation } = {}) {
        const email = uniqueEmail(testInfo);
        const organisation = givenOrganisation ?? `Testkommune ${testInfo.workerIndex}-${++counter}`;
        const personName = name ?? `Erika Test ${testTag(testInfo)}-${counter}`;
        const password = "e2e-passwort-sicher";
        const adminRequest = (await adminPage()).request;
        const token = await createInvitation(adminRequest, { email, organisation, role });
        const { data, error } = await trpc(adminRequest, "invitation.accept", { token, name: personName, password });
        expect(error, "invitation.accept").toBeUndefined();
        return { id: data.id, email, password, name: personName, organisation, role };
      },
      async pageOf(user) {
        const page = await pageAs(browser, user.email, user.password);
        pages.push(page);
        return page;
      },
    };
    await use(users);
    for (const page of pages) await page.context().close();
    await admin?.context().close();
  },
});

export { expect };
