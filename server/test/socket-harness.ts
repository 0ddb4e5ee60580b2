import assert from "node:assert/strict";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before } from "node:test";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import type { Actor } from "../auth/policy";
import { db } from "../db";
import type { ClientEvents, ServerEvents } from "../realtime/events";
import { attachSocketServer } from "../realtime/io";
import { setIo, type IoServer } from "../realtime/publish";

export type ClientSocket = Socket<ServerEvents, ClientEvents>;
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
export type Payload<E extends keyof ServerEvents> = Parameters<ServerEvents[E]>[0];

/**
 * A Socket.IO server on a loopback port for one test file, started before its tests and closed after
 * them, with sockets that sign in the way browsers do: a next-auth session cookie in the handshake.
 * Call it at the top of the file, before `openTestDatabase()`: it sets the session secret.
 */
export function socketTestServer(secret = `socket-test-secret-${process.pid}-0123456789abcdef`) {
  process.env.NEXTAUTH_SECRET = secret;
  let httpServer: HttpServer;
  let ioServer: IoServer;
  let url = "";
  const sockets: ClientSocket[] = [];

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

  /** The session cookie a browser of this user would send (with their current session version). */
  async function cookieFor(actor: Actor): Promise<string> {
    const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { sessionVersion: true } });
    const token = await encode({ token: { sub: actor.id, email: actor.email, sv: sessionVersion }, secret });
    return `next-auth.session-token=${token}`;
  }

  /** A socket that starts connecting, with this cookie or none. */
  function open(cookie?: string): ClientSocket {
    const socket: ClientSocket = connect(url, { path: "/socket.io", transports: ["websocket"], reconnection: false, extraHeaders: cookie ? { cookie } : {} });
    sockets.push(socket);
    return socket;
  }

  /** A connected socket signed in as `actor`. */
  async function openAs(actor: Actor): Promise<ClientSocket> {
    const socket = open(await cookieFor(actor));
    await connected(socket);
    return socket;
  }

  return { cookieFor, open, openAs, io: () => ioServer };
}

export const connected = (socket: ClientSocket) =>
  new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });

/** The handshake's refusal message; fails if the socket is accepted. */
export const refused = (socket: ClientSocket) =>
  new Promise<string>((resolve, reject) => {
    socket.once("connect", () => reject(new Error("the socket was accepted")));
    socket.once("connect_error", (error) => resolve(error.message));
  });

/** Emits a client event and resolves with its acknowledgement. */
export function call<T>(socket: ClientSocket, name: keyof ClientEvents, input: unknown): Promise<Ack<T>> {
  return new Promise((resolve) => (socket.emit as (...args: unknown[]) => void)(name, input, resolve));
}

export const nextEvent = <E extends keyof ServerEvents>(socket: ClientSocket, name: E) =>
  new Promise<Payload<E>>((resolve) => (socket.once as (e: string, l: (p: never) => void) => void)(name, resolve));

/** Everything a socket receives of one event, in order. */
export function record<E extends keyof ServerEvents>(socket: ClientSocket, name: E): Payload<E>[] {
  const received: Payload<E>[] = [];
  (socket.on as (e: string, l: (p: never) => void) => void)(name, (payload: never) => received.push(payload));
  return received;
}

/** Socket.IO keeps one socket's packets in order: once this answer arrives, what was sent before has too. */
export const roundTrip = (socket: ClientSocket) => call(socket, "thread.watch", { threadId: "round-trip", afterSeq: 0 });

/** Polls until `condition` holds (at most two seconds), then asserts it. */
export async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), what);
}
