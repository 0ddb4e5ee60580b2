import assert from "node:assert/strict";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import type { Actor } from "../auth/policy";
import { db } from "../db";
import { makeThread, setThreadLocked } from "../test/factories";
import { openTestDatabase } from "../test/test-db";
import type { ClientEvents, ServerEvents } from "./events";
import { attachSocketServer } from "./io";
import { setIo, type IoServer } from "./publish";

type ClientSocket = Socket<ServerEvents, ClientEvents>;
type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Presence = Parameters<ServerEvents["thread.presence"]>[0];
type Typing = Parameters<ServerEvents["thread.typing"]>[0];

const SECRET = "presence-test-secret-0123456789abcdef";
process.env.NEXTAUTH_SECRET = SECRET;

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;
let httpServer: HttpServer;
let ioServer: IoServer;
let url: string;
const sockets: ClientSocket[] = [];

async function open(actor: Actor): Promise<ClientSocket> {
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { sessionVersion: true } });
  const token = await encode({ token: { sub: actor.id, email: actor.email, sv: sessionVersion }, secret: SECRET });
  const socket: ClientSocket = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { cookie: `next-auth.session-token=${token}` },
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

function call<T>(socket: ClientSocket, name: keyof ClientEvents, input: unknown): Promise<Ack<T>> {
  return new Promise((resolve) => (socket.emit as (...args: unknown[]) => void)(name, input, resolve));
}

/** Everything a socket receives of one event, in order. */
function record<E extends keyof ServerEvents>(socket: ClientSocket, name: E): Parameters<ServerEvents[E]>[0][] {
  const received: Parameters<ServerEvents[E]>[0][] = [];
  (socket.on as (e: string, l: (p: never) => void) => void)(name, (payload: never) => received.push(payload));
  return received;
}

/** Socket.IO keeps one socket's packets in order: once this answer arrives, what was sent before has too. */
const roundTrip = (socket: ClientSocket) => call(socket, "thread.watch", { threadId: "round-trip", afterSeq: 0 });

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), what);
}

const watch = (socket: ClientSocket, threadId: string) => call(socket, "thread.watch", { threadId, afterSeq: 0 });
const lastCount = (received: Presence[], threadId: string) => received.filter((p) => p.threadId === threadId).at(-1)?.readerCount;

before(async () => {
  httpServer = createServer();
  ioServer = await attachSocketServer(httpServer, {});
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

after(async () => {
  for (const socket of sockets) socket.disconnect();
  await new Promise<void>((resolve) => ioServer.close(() => resolve()));
  setIo(undefined);
});

test("[presence] the count of distinct people with a thread open follows joins, leaves and disconnects", async () => {
  const thread = await makeThread(participant);
  const anna = await open(participant);
  const annaSees = record(anna, "thread.presence");
  assert.ok((await watch(anna, thread.id)).ok);
  await roundTrip(anna);
  assert.equal(lastCount(annaSees, thread.id), 1);

  const ben = await open(participant2);
  const benSees = record(ben, "thread.presence");
  await watch(ben, thread.id);
  await until(() => lastCount(annaSees, thread.id) === 2, "Anna sees 2");
  await roundTrip(ben);
  assert.equal(lastCount(benSees, thread.id), 2);

  // a second tab of the same person does not count twice
  const annaTab = await open(participant);
  await watch(annaTab, thread.id);
  await roundTrip(ben);
  assert.equal(lastCount(benSees, thread.id), 2);
  annaTab.disconnect();

  ben.emit("thread.unwatch", { threadId: thread.id });
  await until(() => lastCount(annaSees, thread.id) === 1 && annaSees.length >= 4, "Anna sees 1 after Ben left");

  await watch(ben, thread.id);
  await until(() => lastCount(annaSees, thread.id) === 2, "Ben is back");
  ben.disconnect();
  await until(() => lastCount(annaSees, thread.id) === 1, "Anna sees 1 after Ben disconnected");
});

test("[presence] a reader cannot watch a thread and is not counted", async () => {
  const thread = await makeThread(participant);
  const anna = await open(participant);
  const annaSees = record(anna, "thread.presence");
  await watch(anna, thread.id);
  const lesend = await open(reader);
  const refused = await watch(lesend, thread.id);
  assert.ok(!refused.ok && refused.error.code === "FORBIDDEN");
  await roundTrip(anna);
  assert.deepEqual(annaSees.map((p) => p.readerCount), [1]);
});

test("[typing] others in the thread see who writes; the writer's own tabs and other threads do not", async () => {
  const thread = await makeThread(participant);
  const other = await makeThread(participant);
  const anna = await open(participant);
  const annaTab = await open(participant);
  const ben = await open(participant2);
  const elsewhere = await open(moderator);
  const [annaTabSees, benSees, elsewhereSees] = [record(annaTab, "thread.typing"), record(ben, "thread.typing"), record(elsewhere, "thread.typing")];
  for (const socket of [anna, annaTab, ben]) await watch(socket, thread.id);
  await watch(elsewhere, other.id);

  assert.deepEqual(await call(anna, "thread.typing", { threadId: thread.id }), { ok: true, data: null });
  // repeats faster than the server's minimum interval are acknowledged but not passed on
  assert.ok((await call(anna, "thread.typing", { threadId: thread.id })).ok);
  await Promise.all([roundTrip(ben), roundTrip(annaTab), roundTrip(elsewhere)]);
  assert.deepEqual(benSees, [{ threadId: thread.id, user: { id: participant.id, name: participant.name }, stopped: false }]);
  assert.deepEqual(annaTabSees, [], "one's own typing is not shown");
  assert.deepEqual(elsewhereSees, []);

  await call(anna, "thread.typing", { threadId: thread.id, stopped: true });
  await roundTrip(ben);
  assert.deepEqual(benSees.map((t) => t.stopped), [false, true]);
});

test("[typing] a writer who leaves or disconnects ends their notice", async () => {
  const thread = await makeThread(participant);
  const anna = await open(participant);
  const ben = await open(participant2);
  const benSees: Typing[] = record(ben, "thread.typing");
  await watch(anna, thread.id);
  await watch(ben, thread.id);
  await call(anna, "thread.typing", { threadId: thread.id });
  anna.emit("thread.unwatch", { threadId: thread.id });
  await until(() => benSees.length === 2, "the notice ends on leaving");
  assert.deepEqual(benSees.map((t) => t.stopped), [false, true]);

  await watch(anna, thread.id);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await call(anna, "thread.typing", { threadId: thread.id });
  anna.disconnect();
  await until(() => benSees.length === 4, "the notice ends on disconnecting");
  assert.deepEqual(benSees.map((t) => t.stopped), [false, true, false, true]);
});

test("[typing] readers, locked threads and garbage are refused, and nobody hears of it", async () => {
  const thread = await makeThread(participant);
  const ben = await open(participant2);
  const benSees = record(ben, "thread.typing");
  await watch(ben, thread.id);
  const lesend = await open(reader);
  const refused = await call(lesend, "thread.typing", { threadId: thread.id });
  assert.ok(!refused.ok && refused.error.code === "FORBIDDEN");
  const anna = await open(participant);
  const garbage = await call(anna, "thread.typing", { threadId: "kaputt" });
  assert.ok(!garbage.ok && garbage.error.code === "BAD_INPUT" && garbage.error.message === "Die Kennung ist ungültig.");
  await setThreadLocked(thread.id, true);
  const locked = await call(anna, "thread.typing", { threadId: thread.id });
  assert.ok(!locked.ok && locked.error.code === "THREAD_LOCKED");
  await roundTrip(ben);
  assert.deepEqual(benSees, []);
});
