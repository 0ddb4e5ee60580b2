import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { TRPCError } from "@trpc/server";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import type { Actor } from "../auth/policy";
import { db } from "../db";
import { AppError, appErrors } from "../errors";
import { clientEventNames, type ClientEvents, type EventPayload, type ServerEvents } from "../realtime/events";
import { attachSocketServer } from "../realtime/io";
import { publish, setIo } from "../realtime/publish";
import { createInvitation } from "../services/invitations/invitations";
import { notify } from "../services/notifications/notify";
import { createPost } from "../services/posts/create-post";
import { reportPost } from "../services/reports/report-post";
import { createUser } from "../services/users/create-user";
import {
  callerNames,
  procedureExpectations,
  socketExpectations,
  type AuthzFixtures,
  type CallerName,
  type InputBuilder,
  type ProcedureOutcome,
  type Row,
  type SocketOutcome,
} from "../test/authz-expectations";
import { groupIdBySlug, makeImpulseTalk, makePost, makeSpotlight, makeThread } from "../test/factories";
import { openTestDatabase } from "../test/test-db";
import { createCallerFactory } from "../trpc";
import { appRouter } from "./_app";

const SECRET = "authz-matrix-secret-0123456789abcdef";
process.env.NEXTAUTH_SECRET = SECRET;

const { actors } = await openTestDatabase();
const signedIn: AuthzFixtures["actors"] = {
  reader: actors.reader,
  participant: actors.participant,
  otherParticipant: actors.participant2,
  moderator: actors.moderator,
  admin: actors.admin,
};
const actorOf: Record<CallerName, Actor | null> = { signedOut: null, ...signedIn };

const uniqueEmail = () => `authz-${randomUUID().slice(0, 8)}@test.example`;
const GROUP_SLUG = "technik";
const fixtures: AuthzFixtures = {
  actors: signedIn,
  group: { id: await groupIdBySlug(GROUP_SLUG), slug: GROUP_SLUG },
  thread: await makeThread(actors.participant, { group: GROUP_SLUG }),
  freshThread: () => makeThread(actors.participant, { group: GROUP_SLUG }),
  freshPost: async () => makePost(actors.participant, (await makeThread(actors.participant, { group: GROUP_SLUG })).id),
  otherGroup: { id: await groupIdBySlug("umsetzung"), slug: "umsetzung" },
  freshReport: async () => {
    const post = await makePost(actors.participant, (await makeThread(actors.participant, { group: GROUP_SLUG })).id);
    return (await reportPost(actors.participant2, { postId: post.id, reason: "OFFENSIVE" })).result.id;
  },
  freshInvitation: async () => {
    const { invitation, token } = await createInvitation(actors.admin, { email: uniqueEmail(), role: "READER", organisation: "Testkommune" });
    return { id: invitation.id, token };
  },
  freshUser: async () => {
    // never signs in, so no scrypt hash is needed
    const user = await createUser({ email: uniqueEmail(), name: "Neu Angelegt", organisation: "Testkommune", role: "PARTICIPANT", passwordHash: "unused" });
    return { id: user.id, name: user.name, email: user.email, organisation: user.organisation, role: user.role };
  },
  freshSpotlight: (status) => makeSpotlight(actors.participant, { status }),
  freshTalk: () => makeImpulseTalk(actors.moderator),
  freshNotification: async () => {
    const [created] = await notify(db(), [
      { kind: "REPORT_OUTCOME", recipientIds: [actors.participant.id], actorId: actors.moderator.id, title: "Meldung", excerpt: "Erledigt", link: "/", readAction: null },
    ]);
    return { id: (created.payload as EventPayload<"notification.created">).notification.id };
  },
};

// appRouter._def.procedures is typed as the nested record but holds the flat "router.procedure" keys
const procedurePaths = Object.keys(appRouter._def.procedures).sort();
const procedureRows: Record<string, { expect: Row<ProcedureOutcome>; input?: InputBuilder<unknown> }> = procedureExpectations;
const socketRows: Record<string, { expect: Row<SocketOutcome>; acknowledged: boolean; input: InputBuilder<unknown>; onNewPost: keyof ServerEvents | null }> =
  socketExpectations;

interface Mismatch {
  subject: string;
  caller: CallerName;
  expected: string;
  actual: string;
  detail: string;
}

function mismatchTable(mismatches: Mismatch[]): string {
  const header: Mismatch = { subject: "what", caller: "caller" as CallerName, expected: "expected", actual: "actual", detail: "detail" };
  const rows = [header, ...mismatches];
  const columns = ["subject", "caller", "expected", "actual"] as const;
  const widths = columns.map((column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => [...columns.map((column, i) => row[column].padEnd(widths[i])), row.detail].join(" | "));
  return [
    `${mismatches.length} cell(s) of the authorisation matrix differ from server/test/authz-expectations.ts:`,
    lines[0],
    lines[0].replace(/[^|]/g, "-"),
    ...lines.slice(1),
  ].join("\n");
}

const outcomeOf = (row: Row<string>, caller: CallerName) => row[callerNames.indexOf(caller)];

const difference = (a: readonly string[], b: readonly string[]) => a.filter((name) => !b.includes(name));

test("[authz] every procedure and socket event has a row in the expectation table, and every row a target", () => {
  const problems = [
    ...difference(procedurePaths, Object.keys(procedureRows)).map((path) => `procedure "${path}" has no row in procedureExpectations`),
    ...difference(Object.keys(procedureRows), procedurePaths).map((path) => `procedureExpectations has a row "${path}", but appRouter has no such procedure`),
    ...difference(clientEventNames, Object.keys(socketRows)).map((name) => `socket event "${name}" has no row in socketExpectations`),
    ...difference(Object.keys(socketRows), clientEventNames).map((name) => `socketExpectations has a row "${name}", but clientEventNames has no such event`),
  ];
  assert.equal(problems.length, 0, `server/test/authz-expectations.ts is out of date:\n  ${problems.join("\n  ")}`);
});

const createCaller = createCallerFactory(appRouter);

async function callProcedure(path: string, caller: CallerName): Promise<{ actual: string; detail: string }> {
  let input: unknown;
  try {
    input = await procedureRows[path].input?.(fixtures, caller);
  } catch (error) {
    return { actual: "input failed", detail: String(error) };
  }
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], createCaller({ actor: actorOf[caller] })) as (input: unknown) => Promise<unknown>;
  try {
    await procedure(input);
    return { actual: "ok", detail: "" };
  } catch (error) {
    if (!(error instanceof TRPCError)) return { actual: "not a TRPCError", detail: String(error) };
    // a refusal for another reason (THREAD_LOCKED is FORBIDDEN too) must not pass for the role check
    const cause = error.cause instanceof AppError && error.cause.code !== error.code ? ` (${error.cause.code})` : "";
    return { actual: `${error.code}${cause}`, detail: error.message };
  }
}

test("[authz] every procedure answers each role as the table says", async () => {
  const mismatches: Mismatch[] = [];
  for (const path of procedurePaths.filter((p) => p in procedureRows)) {
    for (const caller of callerNames) {
      const expected = outcomeOf(procedureRows[path].expect, caller);
      const { actual, detail } = await callProcedure(path, caller);
      if (actual !== expected) mismatches.push({ subject: `procedure ${path}`, caller, expected, actual, detail });
    }
  }
  assert.equal(mismatches.length, 0, mismatchTable(mismatches));
});

type ClientSocket = Socket<ServerEvents, ClientEvents>;
type AckResponse = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** Socket.IO's own listeners on a server socket, not client events. */
const RESERVED_SOCKET_EVENTS = ["error", "disconnect", "disconnecting"];

/** Guards against a handler that never answers; not a speed expectation. */
const ACK_TIMEOUT_MS = 5_000;

async function cookieFor(actor: Actor): Promise<string> {
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { sessionVersion: true } });
  return `next-auth.session-token=${await encode({ token: { sub: actor.id, email: actor.email, sv: sessionVersion }, secret: SECRET })}`;
}

function emitWithAck(socket: ClientSocket, name: string, input: unknown): Promise<AckResponse | { timedOut: true }> {
  return new Promise((resolve) =>
    (socket.timeout(ACK_TIMEOUT_MS).emit as (...args: unknown[]) => void)(name, input, (error: Error | null, response: AckResponse) =>
      resolve(error ? { timedOut: true } : response),
    ),
  );
}

/**
 * Socket.IO delivers one socket's packets in order: once this answer arrives, everything the server
 * sent this socket before has arrived too. An invalid id is refused before any room is joined.
 */
const roundTrip = (socket: ClientSocket) => emitWithAck(socket, "thread.watch", { threadId: "round-trip", afterSeq: 0 });

test("[authz] every socket event answers each role as the table says, and nothing reaches a refused caller", async () => {
  const httpServer = createServer();
  const ioServer = await attachSocketServer(httpServer, {});
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const sockets: ClientSocket[] = [];
  const watching: { socket: ClientSocket; received: string[]; subject: string; caller: CallerName; onNewPost: string | null }[] = [];
  const mismatches: Mismatch[] = [];

  async function open(caller: CallerName): Promise<{ socket: ClientSocket; received: string[]; refusal: string | null }> {
    const actor = actorOf[caller];
    const socket: ClientSocket = connect(url, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: actor ? { cookie: await cookieFor(actor) } : {},
    });
    const received: string[] = [];
    socket.onAny((name: string) => received.push(name));
    sockets.push(socket);
    const refusal = await new Promise<string | null>((resolve) => {
      socket.once("connect", () => resolve(null));
      socket.once("connect_error", (error) => resolve(error.message));
    });
    return { socket, received, refusal };
  }

  try {
    const probe = await open("participant");
    const handlers = (ioServer.sockets.sockets.get(probe.socket.id!)?.eventNames() ?? []).map(String);
    assert.deepEqual(
      handlers.filter((name) => !RESERVED_SOCKET_EVENTS.includes(name)).sort(),
      [...clientEventNames].sort(),
      "the handlers io.ts registers and clientEventNames in server/realtime/events.ts differ",
    );

    for (const name of clientEventNames.filter((n) => n in socketRows)) {
      const row = socketRows[name];
      for (const caller of callerNames) {
        const expected = outcomeOf(row.expect, caller);
        const subject = `socket ${name}`;
        const { socket, received, refusal } = await open(caller);
        if (refusal !== null) {
          const actual = refusal === appErrors.UNAUTHORIZED.message ? "UNAUTHORIZED" : "handshake refused";
          if (actual !== expected) mismatches.push({ subject, caller, expected, actual, detail: refusal });
          continue;
        }
        let input: unknown;
        try {
          input = await row.input(fixtures, caller);
        } catch (error) {
          mismatches.push({ subject, caller, expected, actual: "input failed", detail: String(error) });
          continue;
        }
        let actual: string;
        let detail = "";
        if (row.acknowledged) {
          const response = await emitWithAck(socket, name, input);
          if ("timedOut" in response) actual = "no acknowledgement";
          else if (response.ok) actual = "ok";
          else [actual, detail] = [response.error.code, response.error.message];
        } else {
          (socket.emit as (...args: unknown[]) => void)(name, input);
          await roundTrip(socket);
          actual = socket.connected ? "ok" : "disconnected";
        }
        if (actual !== expected) mismatches.push({ subject, caller, expected, actual, detail });
        watching.push({ socket, received, subject, caller, onNewPost: expected === "ok" ? row.onNewPost : null });
      }
    }

    // the matrix's own posts went to watchers; wait them out, then start counting
    await Promise.all(watching.map(({ socket }) => roundTrip(socket)));
    for (const { received } of watching) received.length = 0;

    const { events } = await createPost(actors.participant2, { id: randomUUID(), threadId: fixtures.thread.id, body: "Nach der Matrix" });
    publish(events);
    await Promise.all(watching.map(({ socket }) => roundTrip(socket)));
    for (const { received, subject, caller, onNewPost } of watching) {
      const expected = onNewPost ?? "nothing";
      // whoever posted in the thread follows it: the notification reaches every socket of theirs,
      // whatever that socket watches (notify.test.ts covers who gets one); a reader must get none
      const addressed = caller === "reader" ? received : received.filter((name) => name !== "notification.created");
      const actual = addressed.join(", ") || "nothing";
      if (actual !== expected) mismatches.push({ subject: `${subject}, then a new post`, caller, expected, actual, detail: "events received" });
    }
  } finally {
    for (const socket of sockets) socket.disconnect();
    await new Promise<void>((resolve) => ioServer.close(() => resolve()));
    setIo(undefined);
  }
  assert.equal(mismatches.length, 0, mismatchTable(mismatches));
});
