import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import nextAuthModule from "next-auth";
import { io as connect, type Socket } from "socket.io-client";
import { parseCookies } from "./auth/session";
import { toAppError } from "./errors";
import { createLogger, log, requestId, scrubSecrets, withLogContext } from "./log";
import type { ClientEvents, ServerEvents } from "./realtime/events";
import { attachSocketServer } from "./realtime/io";
import { setIo, type IoServer } from "./realtime/publish";
import { loggablePath, withRequestLog } from "./request-log";
import { appRouter } from "./routers/_app";
import { findOpenInvitation } from "./services/invitations/invitations";
import { captureLog } from "./test/capture-log";
import { DEMO_PASSWORD, demoEmails, openTestDatabase } from "./test/test-db";
import { createContext } from "./trpc";

const SECRET = `log-test-secret-${randomBytes(16).toString("hex")}`;
process.env.NEXTAUTH_SECRET = SECRET;
// as server.ts does without NEXTAUTH_URL: next-auth takes its URLs from the Host header
process.env.AUTH_TRUST_HOST = "1";
await openTestDatabase();
// authOptions reads the secret when loaded
const { authOptions } = await import("./auth/options");
// plain Node hands over the CommonJS module.exports as the default import
const NextAuth = (nextAuthModule as unknown as { default?: typeof nextAuthModule }).default ?? nextAuthModule;

describe("[log] request lines", () => {
  test("paths lose their query string and invitation tokens", () => {
    assert.equal(loggablePath("/einladung/abcDEF123_-xyz"), "/einladung/[redacted]");
    assert.equal(loggablePath("/einladung/abcDEF123?x=1"), "/einladung/[redacted]");
    assert.equal(loggablePath("/Einladung/abc/weiter"), "/Einladung/[redacted]/weiter");
    assert.equal(loggablePath("/%65inladung/abc"), "/%65inladung/[redacted]");
    assert.equal(loggablePath("//einladung/abc"), "//einladung/[redacted]");
    assert.equal(loggablePath("/einladung/"), "/einladung/");
    assert.equal(loggablePath('/api/trpc/invitation.byToken?input={"token":"abc"}'), "/api/trpc/invitation.byToken");
    assert.equal(loggablePath("/api/auth/callback/credentials?callbackUrl=%2F"), "/api/auth/callback/credentials");
    assert.equal(loggablePath("/arbeitsgruppen/technik#anker"), "/arbeitsgruppen/technik");
    assert.equal(loggablePath(undefined), "/");
    assert.equal(loggablePath(`/${"x".repeat(1000)}`).length, 301);
  });

  test("an incoming request id is kept only when short and harmless", () => {
    assert.equal(requestId("proxy-id_1.2:3"), "proxy-id_1.2:3");
    assert.equal(requestId(["first", "second"]), "first");
    for (const unsafe of ["a b", "<script>", "x".repeat(65), "", "zeile\nneu", undefined, null]) {
      assert.match(requestId(unsafe), /^[0-9a-f-]{36}$/, String(unsafe));
    }
  });
});

describe("[log] redaction", () => {
  test("secret keys are censored in logged objects, at the top and one level down", (t) => {
    const captured = captureLog();
    t.after(captured.restore);
    log().info(
      {
        password: "pw-1",
        passwordHash: "hash-1",
        token: "tok-1",
        NEXTAUTH_SECRET: "env-1",
        input: { password: "pw-2", token: "tok-2", csrfToken: "csrf-1" },
        user: { passwordHash: "hash-2" },
        headers: { cookie: "c-1", authorization: "Bearer auth-1", "set-cookie": "c-2", "x-gdst-path": "/einladung/tok-3" },
        req: { headers: { cookie: "c-3", authorization: "auth-2" } },
      },
      "object",
    );
    const text = captured.text();
    for (const secret of ["pw-1", "pw-2", "hash-1", "hash-2", "tok-1", "tok-2", "tok-3", "env-1", "csrf-1", "c-1", "c-2", "c-3", "auth-1", "auth-2"]) {
      assert.ok(!text.includes(secret), `${secret} was logged: ${text}`);
    }
    assert.match(text, /\[redacted\]/);
  });

  test("error messages and stacks lose secret values, URL passwords and the session secret", (t) => {
    const captured = captureLog();
    t.after(captured.restore);
    const prismaLike = new Error(`Invalid \`prisma.user.create()\` invocation: { data: { passwordHash: "$argon2id$v=19$geheim", token: 'tok-9' } }`);
    log().error({ err: prismaLike }, "prisma");
    log().error({ err: new Error("connect ECONNREFUSED postgresql://gdst:db-passwort@db:5432/gdst") }, "pg");
    log().error({ err: new Error(`jwt ${SECRET} failed; cookie=next-auth.session-token=sess-9`) }, "jwt");
    const text = captured.text();
    for (const secret of ["geheim", "tok-9", "db-passwort", SECRET, "sess-9"]) assert.ok(!text.includes(secret), `${secret} was logged: ${text}`);
    assert.ok(text.includes("postgresql://gdst:[redacted]@db:5432/gdst"));
    assert.equal(scrubSecrets("Unexpected token } in JSON"), "Unexpected token } in JSON");
  });

  test("LOG_LEVEL chooses the level, silent included; unknown values fall back to info", (t) => {
    const previous = process.env.LOG_LEVEL;
    t.after(() => (previous === undefined ? delete process.env.LOG_LEVEL : (process.env.LOG_LEVEL = previous)));
    process.env.LOG_LEVEL = "silent";
    assert.equal(createLogger().level, "silent");
    process.env.LOG_LEVEL = "DEBUG";
    assert.equal(createLogger().level, "debug");
    process.env.LOG_LEVEL = "laut";
    assert.equal(createLogger().level, "info");
  });

  test("an unexpected error logged deep in a request carries that request's id", (t) => {
    const captured = captureLog();
    t.after(captured.restore);
    withLogContext({ reqId: "req-42", event: "post.create" }, () => toAppError(new Error("boom")));
    const [line] = captured.lines();
    assert.equal(line.reqId, "req-42");
    assert.equal(line.event, "post.create");
    assert.equal((line.err as { message: string }).message, "boom");
  });
});

type ClientSocket = Socket<ServerEvents, ClientEvents>;

/**
 * The request path of server.ts in one process: the same wrapper, with next-auth's API handler,
 * the tRPC route handler and, for the invitation page, the service the page calls.
 */
async function appHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
  req.headers["x-forwarded-proto"] ??= "http";
  req.headers["x-gdst-path"] = req.url ?? "/";
  const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");

  if (url.pathname.startsWith("/api/auth/")) {
    // what Next gives a pages API route: parsed query, form body and cookies, res.status/json/send
    const apiReq = Object.assign(req, {
      query: { ...Object.fromEntries(url.searchParams), nextauth: url.pathname.split("/").slice(3) },
      body: Object.fromEntries(new URLSearchParams(body)),
      cookies: Object.fromEntries(parseCookies(req.headers.cookie)),
    });
    const apiRes = Object.assign(res, {
      status: (code: number) => ((res.statusCode = code), apiRes),
      json: (value: unknown) => res.setHeader("content-type", "application/json").end(JSON.stringify(value)),
      send: (value: unknown) => res.end(typeof value === "string" ? value : JSON.stringify(value)),
    });
    await NextAuth(apiReq as never, apiRes as never, authOptions);
    return;
  }
  if (url.pathname.startsWith("/api/trpc/")) {
    const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === "POST" ? body : undefined });
    const response = await fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext: () => createContext({ req: request }) });
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    return;
  }
  const invitation = /^\/einladung\/([^/]+)$/.exec(url.pathname);
  if (invitation) {
    const found = await findOpenInvitation({ token: invitation[1] }).catch(() => null);
    res.writeHead(found ? 200 : 404, { "content-type": "text/html" }).end(found ? "<h1>Einladung</h1>" : "");
    return;
  }
  if (url.pathname === "/fehler") {
    toAppError(new Error("password: hunter2-im-fehler"));
    res.writeHead(500).end();
    return;
  }
  res.writeHead(url.pathname.startsWith("/_next/static/") ? 200 : 404).end();
}

describe("[log] sign-in and invitation through the HTTP handler leak no secrets", () => {
  let baseUrl: string;
  let ioServer: IoServer;
  let captured: ReturnType<typeof captureLog>;
  const sockets: ClientSocket[] = [];
  const httpServer = createServer(withRequestLog((req, res) => appHandler(req, res)));

  before(async () => {
    captured = captureLog("debug");
    ioServer = await attachSocketServer(httpServer, {});
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });

  after(async () => {
    for (const socket of sockets) socket.disconnect();
    await new Promise<void>((resolve) => ioServer.close(() => resolve()));
    setIo(undefined);
    captured.restore();
  });

  /** csrf, then the credentials form; returns every cookie value seen and the session cookie, if any */
  async function signIn(email: string, password: string) {
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
    const jar = new Map(csrf.headers.getSetCookie().map((c) => c.split(";")[0].split("=") as [string, string]));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...jar].map(([n, v]) => `${n}=${v}`).join("; ") },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    for (const c of response.headers.getSetCookie()) {
      const [name, value] = c.split(";")[0].split("=");
      jar.set(name, value);
    }
    const session = jar.get("next-auth.session-token");
    return { secrets: [csrfToken, ...jar.values()].filter((v) => v.length > 8), cookie: session ? `next-auth.session-token=${session}` : null };
  }

  async function trpc<T>(cookie: string | null, procedure: string, input: unknown, kind: "query" | "mutation"): Promise<T> {
    const headers: Record<string, string> = { "content-type": "application/json", ...(cookie ? { cookie } : {}) };
    const response =
      kind === "mutation"
        ? await fetch(`${baseUrl}/api/trpc/${procedure}`, { method: "POST", headers, body: JSON.stringify(input) })
        : await fetch(`${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
    const body = (await response.json()) as { result?: { data: T }; error?: unknown };
    assert.ok(body.result, `${procedure}: ${JSON.stringify(body.error)}`);
    return body.result.data;
  }

  function openSocket(cookie?: string): ClientSocket {
    const socket: ClientSocket = connect(baseUrl, { path: "/socket.io", transports: ["websocket"], reconnection: false, extraHeaders: cookie ? { cookie } : {} });
    sockets.push(socket);
    return socket;
  }
  const handshake = (socket: ClientSocket) =>
    new Promise<boolean>((resolve) => {
      socket.once("connect", () => resolve(true));
      socket.once("connect_error", () => resolve(false));
    });
  const emit = (socket: ClientSocket, name: keyof ClientEvents, input: unknown) =>
    new Promise<{ ok: boolean }>((resolve) => (socket.emit as (...args: unknown[]) => void)(name, input, resolve));

  test("the whole flow logs request lines with ids, and none of the secrets", async () => {
    const secrets = [SECRET, DEMO_PASSWORD];

    const failed = await signIn(demoEmails.admin, "falsches-passwort-123");
    assert.equal(failed.cookie, null);
    secrets.push("falsches-passwort-123", ...failed.secrets);

    const admin = await signIn(demoEmails.admin, DEMO_PASSWORD);
    assert.ok(admin.cookie, "admin signed in");
    secrets.push(...admin.secrets);

    const email = `eingeladen-${randomBytes(4).toString("hex")}@test.example`;
    const { token } = await trpc<{ token: string }>(admin.cookie, "invitation.create", { email, role: "PARTICIPANT", organisation: "Testkommune" }, "mutation");
    secrets.push(token);

    const page = await fetch(`${baseUrl}/einladung/${token}`, { headers: { "x-request-id": "proxy-req-1" } });
    assert.equal(page.status, 200);
    assert.equal(page.headers.get("x-request-id"), "proxy-req-1");
    await trpc(null, "invitation.byToken", { token }, "query");

    const password = `Neues-Passwort-${randomBytes(6).toString("hex")}`;
    secrets.push(password);
    await trpc(null, "invitation.accept", { token, name: "Erika Eingeladen", password }, "mutation");

    const invitee = await signIn(email, password);
    assert.ok(invitee.cookie, "the invitee signed in");
    secrets.push(...invitee.secrets);

    const socket = openSocket(invitee.cookie);
    assert.equal(await handshake(socket), true);
    assert.equal((await emit(socket, "activity.watch", {})).ok, true);
    assert.equal((await emit(socket, "thread.watch", { threadId: "00000000-0000-4000-8000-000000000000" })).ok, false);
    const forged = `forged-${randomBytes(12).toString("hex")}`;
    secrets.push(forged);
    assert.equal(await handshake(openSocket(`next-auth.session-token=${forged}`)), false);

    const failing = await fetch(`${baseUrl}/fehler`);
    const failingId = failing.headers.get("x-request-id");
    secrets.push("hunter2-im-fehler");
    await fetch(`${baseUrl}/_next/static/chunks/app.js`);
    // the request line is written when the response closes, just after the client has it
    await new Promise((resolve) => setTimeout(resolve, 50));

    const text = captured.text();
    for (const secret of secrets) assert.ok(!text.includes(secret), `a secret was logged (${secret.slice(0, 4)}…):\n${text}`);

    const lines = captured.lines();
    const requests = lines.filter((line) => line.msg === "request");
    for (const line of requests) {
      assert.ok(typeof line.reqId === "string" && line.reqId.length > 0, JSON.stringify(line));
      assert.equal(typeof line.ms, "number");
      assert.equal(typeof line.status, "number");
    }
    const paths = requests.map((line) => `${line.method} ${line.path} ${line.status}`);
    for (const expected of [
      "GET /api/auth/csrf 200",
      "POST /api/auth/callback/credentials 200",
      "POST /api/trpc/invitation.create 200",
      "GET /einladung/[redacted] 200",
      "GET /api/trpc/invitation.byToken 200",
      "POST /api/trpc/invitation.accept 200",
      "GET /fehler 500",
    ]) {
      assert.ok(paths.includes(expected), `${expected} missing in:\n${paths.join("\n")}`);
    }
    assert.equal(requests.find((line) => line.path === "/einladung/[redacted]")?.reqId, "proxy-req-1");
    assert.equal(requests.find((line) => line.path === "/_next/static/chunks/app.js")?.level, "debug");
    assert.equal(lines.find((line) => line.msg === "unexpected error")?.reqId, failingId);

    const events = lines.filter((line) => line.msg === "socket event" || line.msg === "socket event failed");
    assert.deepEqual(events.map((line) => `${line.event} ${line.msg}`).sort(), ["activity.watch socket event", "thread.watch socket event failed"]);
    for (const line of events) assert.ok(line.reqId && line.userId && line.socketId, JSON.stringify(line));
    assert.equal(new Set(events.map((line) => line.reqId)).size, events.length, "one request id per event");
    assert.ok(lines.some((line) => line.msg === "socket handshake refused" && line.hasCookie === true));
  });
});
