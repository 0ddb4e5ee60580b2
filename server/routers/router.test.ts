import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { encode } from "next-auth/jwt";
import type { Actor } from "../auth/policy";
import { db } from "../db";
import { makePost, makeThread, setThreadLocked } from "../test/factories";
import { createTestUser, openTestDatabase } from "../test/test-db";
import { createCallerFactory, createContext } from "../trpc";
import { appRouter } from "./_app";

const SECRET = "test-secret-for-router-tests-0123456789";
process.env.NEXTAUTH_SECRET = SECRET;

const { actors } = await openTestDatabase();
const { admin, moderator, participant, participant2, reader } = actors;

const caller = createCallerFactory(appRouter);
const as = (actor: Actor | null) => caller({ actor });

/** Asserts a TRPCError with this code and German message. */
async function rejectsWith(fn: () => Promise<unknown>, code: TRPCError["code"], message: string | RegExp) {
  await assert.rejects(fn, (error: unknown) => {
    assert.ok(error instanceof TRPCError, `expected a TRPCError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (typeof message === "string") assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
}

test("[router] signed out: post.create is UNAUTHORIZED with a German message", async () => {
  const thread = await makeThread(participant);
  const before = await db().post.count();
  await rejectsWith(
    () => as(null).post.create({ id: randomUUID(), threadId: thread.id, body: "Anonym" }),
    "UNAUTHORIZED",
    "Bitte melden Sie sich an.",
  );
  await rejectsWith(() => as(null).group.list(), "UNAUTHORIZED", "Bitte melden Sie sich an.");
  assert.equal(await db().post.count(), before);
});

test("[router] a reader creating a post is FORBIDDEN with a German message", async () => {
  const thread = await makeThread(participant);
  const before = await db().post.count();
  await rejectsWith(
    () => as(reader).post.create({ id: randomUUID(), threadId: thread.id, body: "Lesend" }),
    "FORBIDDEN",
    "Dafür fehlt Ihnen die Berechtigung.",
  );
  await rejectsWith(() => as(reader).group.list(), "FORBIDDEN", "Dafür fehlt Ihnen die Berechtigung.");
  assert.equal(await db().post.count(), before);
});

test("[router] invalid input is BAD_REQUEST with the schema's German message, nothing written", async () => {
  const thread = await makeThread(participant);
  const before = await db().post.count();
  const send = (body: string) => () => as(participant).post.create({ id: randomUUID(), threadId: thread.id, body });
  await rejectsWith(send(""), "BAD_REQUEST", "Bitte geben Sie einen Beitragstext ein.");
  await rejectsWith(send("  \n "), "BAD_REQUEST", "Bitte geben Sie einen Beitragstext ein.");
  await rejectsWith(send("x".repeat(50_001)), "BAD_REQUEST", "Der Beitrag darf höchstens 50.000 Zeichen lang sein.");
  await rejectsWith(
    () => as(participant).post.create({ id: "123", threadId: thread.id, body: "Text" }),
    "BAD_REQUEST",
    "Die Kennung ist ungültig.",
  );
  assert.equal(await db().post.count(), before);
});

test("[router] zod's own messages are German too", async () => {
  const thread = await makeThread(participant);
  // page has no custom message: the German locale answers
  await rejectsWith(() => as(participant).post.list({ threadId: thread.id, page: 0 }), "BAD_REQUEST", /^Zu klein/);
  await rejectsWith(
    () => as(participant).post.since({ threadId: thread.id, afterSeq: "drei" as unknown as number }),
    "BAD_REQUEST",
    /^Ungültige Eingabe/,
  );
});

test("[router] a participant editing someone else's post is FORBIDDEN and the body stays", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Original");
  await rejectsWith(
    () => as(participant2).post.edit({ postId: post.id, body: "Überschrieben" }),
    "FORBIDDEN",
    "Dafür fehlt Ihnen die Berechtigung.",
  );
  const row = await db().post.findUniqueOrThrow({ where: { id: post.id } });
  assert.equal(row.body, "Original");
  assert.equal(row.editedAt, null);

  const edited = await as(moderator).post.edit({ postId: post.id, body: "Moderiert" });
  assert.equal(edited.html, "<p>Moderiert</p>");
});

test("[router] state and lookup errors keep their German messages: THREAD_LOCKED, NOT_FOUND", async () => {
  const thread = await makeThread(participant);
  await setThreadLocked(thread.id, true);
  await rejectsWith(
    () => as(participant).post.create({ id: randomUUID(), threadId: thread.id, body: "Noch was" }),
    "FORBIDDEN",
    "Dieses Thema ist gesperrt: neue Beiträge sind nicht möglich.",
  );
  await rejectsWith(
    () => as(participant).post.create({ id: randomUUID(), threadId: randomUUID(), body: "Ins Leere" }),
    "NOT_FOUND",
    "Dieses Thema gibt es nicht (mehr).",
  );
  await rejectsWith(() => as(participant).thread.byId({ threadId: randomUUID() }), "NOT_FOUND", "Dieses Thema gibt es nicht (mehr).");
});

test("[router] a post goes through the router, a retry with the same id returns it once", async () => {
  const thread = await makeThread(participant);
  const input = { id: randomUUID(), threadId: thread.id, body: "Über den Router" };
  const first = await as(participant2).post.create(input);
  const second = await as(participant2).post.create(input);
  assert.deepEqual(second, first);
  assert.equal(first.number, 2);
  const page = await as(participant).post.list({ threadId: thread.id });
  assert.deepEqual(page.posts.map((p) => p.html), ["<p>Erster Beitrag</p>", "<p>Über den Router</p>"]);
});

test("[router] moderation and administration are refused below their role", async () => {
  const thread = await makeThread(participant);
  await rejectsWith(() => as(participant).thread.moderate({ threadId: thread.id, isLocked: true }), "FORBIDDEN", "Dafür fehlt Ihnen die Berechtigung.");
  await rejectsWith(() => as(moderator).user.list(), "FORBIDDEN", "Dafür fehlt Ihnen die Berechtigung.");
  await rejectsWith(() => as(moderator).user.audit({}), "FORBIDDEN", "Dafür fehlt Ihnen die Berechtigung.");
  await rejectsWith(() => as(admin).user.setRole({ userId: admin.id, role: "READER" }), "FORBIDDEN", "Dafür fehlt Ihnen die Berechtigung.");
  const locked = await as(moderator).thread.moderate({ threadId: thread.id, isLocked: true });
  assert.equal(locked.isLocked, true);
});

test("[router] the last admin is protected with a German CONFLICT", async () => {
  const stale = await createTestUser("ADMIN");
  await as(admin).user.setRole({ userId: stale.id, role: "PARTICIPANT" });
  await rejectsWith(
    () => as(stale).user.setActive({ userId: admin.id, isActive: false }),
    "CONFLICT",
    "Die letzte aktive Administration kann nicht entfernt werden.",
  );
  assert.equal((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt, null);
});

test("[router] invitations: the public procedures answer in German", async () => {
  await rejectsWith(() => as(null).invitation.byToken({ token: "kurz" }), "BAD_REQUEST", "Dieser Einladungslink ist unvollständig.");
  await rejectsWith(
    () => as(null).invitation.byToken({ token: "z".repeat(43) }),
    "BAD_REQUEST",
    "Diese Einladung ist ungültig, abgelaufen oder wurde bereits verwendet.",
  );
  await rejectsWith(
    () => as(admin).invitation.create({ email: "teilnehmer@gdst.example", role: "READER", organisation: "X" }),
    "CONFLICT",
    "Für diese E-Mail-Adresse gibt es bereits einen Zugang.",
  );
  const { token } = await as(admin).invitation.create({ email: "router-test@kommune.example", role: "READER", organisation: "Stadt Zerbst" });
  await rejectsWith(
    () => as(null).invitation.accept({ token, name: "Rita Router", password: "kurz" }),
    "BAD_REQUEST",
    "Das Passwort muss mindestens 10 Zeichen lang sein.",
  );
  const user = await as(null).invitation.accept({ token, name: "Rita Router", password: "lang-genug-123" });
  assert.equal(user.email, "router-test@kommune.example");
});

// --- over HTTP: the cookie, createContext and the errorFormatter as the browser sees them ---

async function http(path: string, options: { cookie?: string; input?: unknown; method?: "GET" | "POST" } = {}) {
  const method = options.method ?? "POST";
  const url = new URL(`http://localhost/api/trpc/${path}`);
  if (method === "GET" && options.input !== undefined) url.searchParams.set("input", JSON.stringify(options.input));
  const req = new Request(url, {
    method,
    headers: { "content-type": "application/json", ...(options.cookie ? { cookie: options.cookie } : {}) },
    body: method === "POST" ? JSON.stringify(options.input ?? null) : undefined,
  });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext({ req }) });
  return { status: res.status, body: (await res.json()) as { result?: { data: unknown }; error?: { message: string; data: Record<string, unknown> } } };
}

const cookieFor = async (actor: Actor) =>
  `next-auth.session-token=${await encode({ token: { sub: actor.id, sv: 0, email: actor.email }, secret: SECRET })}`;

test("[router] over HTTP the session cookie identifies the caller", async () => {
  const ok = await http("group.list", { cookie: await cookieFor(participant), method: "GET" });
  assert.equal(ok.status, 200);
  assert.deepEqual((ok.body.result?.data as { slug: string }[]).map((g) => g.slug), ["strategie", "organisation", "umsetzung", "technik"]);

  const anonymous = await http("group.list", { method: "GET" });
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.body.error?.message, "Bitte melden Sie sich an.");
  assert.equal(anonymous.body.error?.data.appErrorCode, "UNAUTHORIZED");
});

test("[router] over HTTP errors carry appErrorCode and German field errors", async () => {
  const thread = await makeThread(participant);
  const cookie = await cookieFor(participant);

  const invalid = await http("post.create", { cookie, input: { id: randomUUID(), threadId: thread.id, body: " " } });
  assert.equal(invalid.status, 400);
  assert.equal(invalid.body.error?.message, "Bitte geben Sie einen Beitragstext ein.");
  assert.equal(invalid.body.error?.data.appErrorCode, "BAD_INPUT");
  assert.deepEqual(invalid.body.error?.data.fieldErrors, { body: ["Bitte geben Sie einen Beitragstext ein."] });

  const forbidden = await http("post.create", { cookie: await cookieFor(reader), input: { id: randomUUID(), threadId: thread.id, body: "Hallo" } });
  assert.equal(forbidden.status, 403);
  assert.equal(forbidden.body.error?.data.appErrorCode, "FORBIDDEN");
  assert.equal(forbidden.body.error?.message, "Dafür fehlt Ihnen die Berechtigung.");

  await setThreadLocked(thread.id, true);
  const locked = await http("post.create", { cookie, input: { id: randomUUID(), threadId: thread.id, body: "Hallo" } });
  assert.equal(locked.status, 403);
  assert.equal(locked.body.error?.data.appErrorCode, "THREAD_LOCKED");
  assert.equal(locked.body.error?.data.fieldErrors, null);
});

test("[router] over HTTP a session ended by a role change is UNAUTHORIZED", async () => {
  const user = await createTestUser("PARTICIPANT");
  const cookie = await cookieFor(user);
  assert.equal((await http("group.list", { cookie, method: "GET" })).status, 200);
  await as(admin).user.setRole({ userId: user.id, role: "READER" });
  const after = await http("group.list", { cookie, method: "GET" });
  assert.equal(after.status, 401);
});
