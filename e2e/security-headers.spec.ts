import { request as playwrightRequest, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { samplePdf } from "../seeds/sample-files";
import { demo, expect, test, trpc, waitForLive } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { ThreadPage } from "./pages/thread-page";

const HSTS = "max-age=63072000; includeSubDomains";
const EVIL = "http://evil.example";

/** One response of each kind the app sends, fetched with `headers` added (e.g. the TLS proxy's). */
interface Probe {
  name: string;
  /** pages (and their redirects) get the nonce policy; API routes and built assets are not documents */
  kind: "page" | "api" | "asset";
  html?: true;
  fetch(headers: Record<string, string>): Promise<APIResponse>;
}

async function probesFor(signedIn: APIRequestContext, signedOut: APIRequestContext, threadId: string): Promise<Probe[]> {
  const page = await signedIn.get("/");
  const asset = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(await page.text())?.[1];
  expect(asset, "a built script on the start page").toBeTruthy();
  const uploaded = await signedIn.post(`/api/anhaenge?thema=${threadId}`, {
    multipart: { datei: { name: "Kopfzeilen.pdf", mimeType: "application/pdf", buffer: samplePdf("Kopfzeilen") } },
  });
  expect(uploaded.status()).toBe(201);
  const { attachment } = (await uploaded.json()) as { attachment: { id: string } };
  const get = (context: APIRequestContext, url: string) => (headers: Record<string, string>) =>
    context.get(url, { headers, maxRedirects: 0, failOnStatusCode: false });
  return [
    { name: "signed-in page", kind: "page", html: true, fetch: get(signedIn, "/") },
    { name: "sign-in page", kind: "page", html: true, fetch: get(signedOut, "/anmelden") },
    { name: "German 404 page", kind: "page", html: true, fetch: get(signedIn, "/diese-seite-gibt-es-nicht") },
    { name: "redirect to sign-in", kind: "page", fetch: get(signedOut, "/") },
    { name: "tRPC answer", kind: "api", fetch: get(signedIn, "/api/trpc/group.list") },
    { name: "tRPC refusal", kind: "api", fetch: get(signedOut, "/api/trpc/group.list") },
    { name: "CSV download", kind: "api", fetch: get(signedIn, "/api/ozg/export.csv") },
    { name: "spotlight export", kind: "api", fetch: get(signedIn, "/api/spotlights/export") },
    { name: "attachment", kind: "api", fetch: get(signedIn, `/api/anhaenge/${attachment.id}`) },
    { name: "built script", kind: "asset", fetch: get(signedOut, asset!) },
    { name: "next-auth session", kind: "api", fetch: get(signedIn, "/api/auth/session") },
    { name: "next-auth csrf", kind: "api", fetch: get(signedOut, "/api/auth/csrf") },
    { name: "liveness", kind: "api", fetch: get(signedOut, "/api/health") },
  ];
}

function nonceOf(policy: string): string {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  return nonce!;
}

/** The browser's CSP violation reports and console complaints about the policy, from the first script on. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective}: ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  return violations;
}

test.describe("[security] headers", () => {
  let signedOut: APIRequestContext;
  test.beforeEach(async ({ baseURL }) => {
    signedOut = await playwrightRequest.newContext({ baseURL });
  });
  test.afterEach(async () => {
    await signedOut.dispose();
  });

  test("[shell] /favicon.ico, which browsers request on their own, leads to the app's icon instead of a 404", async () => {
    const redirect = await signedOut.get("/favicon.ico", { maxRedirects: 0, failOnStatusCode: false });
    expect(redirect.status()).toBe(308);
    expect(redirect.headers()["location"]).toBe("/icon.svg");
    const icon = await signedOut.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test("[security] every kind of response carries the security headers; pages get a fresh nonce on every script; no HSTS without TLS", async ({ asParticipant, make }) => {
    const thread = await make.thread({ as: asParticipant });
    for (const probe of await probesFor(asParticipant.request, signedOut, thread.id)) {
      const response = await probe.fetch({});
      const headers = response.headers();
      const what = `${probe.name} (${response.status()} ${response.url()})`;
      expect(response.status(), what).toBeLessThan(500);
      expect(headers["x-content-type-options"], what).toBe("nosniff");
      expect(headers["referrer-policy"], what).toBe("same-origin");
      expect(headers["x-frame-options"], what).toBe("DENY");
      expect(headers["strict-transport-security"], what).toBeUndefined();
      const policy = headers["content-security-policy"] ?? "";
      expect(policy, what).not.toContain("unsafe-eval");
      // an attachment keeps its own, stricter policy (server/http/attachments.ts)
      if (probe.name === "attachment") expect(policy, what).toMatch(/^default-src 'none'/);
      if (probe.kind !== "page") continue;
      for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'", "connect-src 'self'"]) {
        expect(policy, what).toContain(directive);
      }
      expect(policy, what).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
      expect(policy, what).not.toContain("upgrade-insecure-requests");
      if (!probe.html) continue;

      expect(headers["content-type"], what).toContain("text/html");
      const nonce = nonceOf(policy);
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, what).toBeGreaterThan(0);
      for (const script of scripts) expect(script, what).toContain(`nonce="${nonce}"`);
      const again = nonceOf((await probe.fetch({})).headers()["content-security-policy"]);
      expect(again, `${what}: a new nonce per response`).not.toBe(nonce);
    }
  });

  test("[security] behind the TLS proxy every response carries HSTS and the policy upgrades insecure requests", async ({ asParticipant, make }) => {
    const thread = await make.thread({ as: asParticipant });
    for (const probe of await probesFor(asParticipant.request, signedOut, thread.id)) {
      const response = await probe.fetch({ "x-forwarded-proto": "https" });
      const what = `${probe.name} (${response.status()} ${response.url()})`;
      expect(response.headers()["strict-transport-security"], what).toBe(HSTS);
      if (probe.kind === "page") expect(response.headers()["content-security-policy"], what).toContain("upgrade-insecure-requests");
    }
  });

  test("[security] next-auth's cookies are HttpOnly and SameSite=Lax, and Secure only behind TLS", async ({ baseURL }) => {
    for (const tls of [false, true]) {
      const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: tls ? { "x-forwarded-proto": "https" } : {} });
      const setCookies: string[] = [];
      const collect = (response: APIResponse) => setCookies.push(...response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value));
      const csrf = await context.get("/api/auth/csrf");
      collect(csrf);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const signIn = await context.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: demo.participant, password: "gdst-demo", json: "true", callbackUrl: "/" },
      });
      expect(signIn.ok()).toBeTruthy();
      collect(signIn);
      await context.dispose();

      const names = setCookies.map((cookie) => cookie.split("=")[0]);
      expect(names.some((name) => name.endsWith("next-auth.session-token")), `session cookie set (TLS: ${tls})`).toBe(true);
      expect(names.some((name) => name.endsWith("next-auth.csrf-token")), `csrf cookie set (TLS: ${tls})`).toBe(true);
      for (const cookie of setCookies) {
        const attributes = cookie.split(";").map((part) => part.trim().toLowerCase());
        expect(attributes, cookie).toContain("httponly");
        expect(attributes, cookie).toContain("samesite=lax");
        expect(attributes.includes("secure"), `${cookie} (TLS: ${tls})`).toBe(tls);
        if (tls) expect(cookie, "secure cookies carry their prefix").toMatch(/^__(Secure|Host)-/);
      }
    }
  });

  test("[security] a socket handshake from another site is refused, one from the app's own origin accepted", async ({ asParticipant, baseURL }) => {
    const handshake = (origin: string) =>
      asParticipant.request.get("/socket.io/?EIO=4&transport=polling", { headers: { origin }, failOnStatusCode: false });
    const foreign = await handshake(EVIL);
    expect(foreign.status()).toBe(403);
    expect(await foreign.text()).toContain("Verbindungen von fremden Seiten werden abgelehnt.");
    expect((await handshake(new URL(baseURL!).origin)).status()).toBe(200);

    // a browser on another site: its WebSocket to the app never opens
    const evilPage = await asParticipant.context().newPage();
    await evilPage.route(`${EVIL}/`, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Fremde Seite</title>" }));
    await evilPage.goto(`${EVIL}/`);
    const socketUrl = `${baseURL!.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`;
    const outcome = (page: Page) =>
      page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(url);
            socket.onopen = () => {
              socket.close();
              resolve("open");
            };
            socket.onerror = () => resolve("refused");
          }),
        socketUrl,
      );
    expect(await outcome(evilPage)).toBe("refused");
    await evilPage.close();
    await asParticipant.goto("/");
    expect(await outcome(asParticipant)).toBe("open");
  });
});

test("[security] with the policy in force, signing in, opening a thread and a live post raise no CSP violation", async ({ browser, asParticipant2, make }) => {
  test.slow();
  const thread = await make.thread();
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await recordViolations(page);
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(demo.participant, "gdst-demo");
  await expect(page).not.toHaveURL(/\/anmelden/);

  const mine = new ThreadPage(page);
  await mine.goto(thread.url);
  await waitForLive(page);
  const watcherViolations = await recordViolations(asParticipant2);
  const watcher = new ThreadPage(asParticipant2);
  await watcher.goto(thread.url);
  await waitForLive(asParticipant2);

  const body = make.name("Unter strenger Richtlinie");
  await mine.reply(body);
  await expect(watcher.post(body)).toHaveCount(1);
  await expect(mine.post(body)).toHaveCount(1);
  // the watcher's post reaches the writer live as well
  const answer = make.name("Antwort live");
  const { error } = await trpc(asParticipant2.request, "post.create", { id: crypto.randomUUID(), threadId: thread.id, body: answer });
  expect(error).toBeUndefined();
  await expect(mine.post(answer)).toHaveCount(1);

  expect(violations).toEqual([]);
  expect(watcherViolations).toEqual([]);
  await context.close();
});
