import assert from "node:assert/strict";
import { createServer, request, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, test } from "node:test";
import { Server } from "socket.io";
import { io as connect } from "socket.io-client";
import { closeSocketServer } from "./close-sockets";
import { shutdownGracefully } from "./shutdown";
import { trackWork, workFinished } from "./in-flight";
import { isShuttingDown, markShuttingDown } from "./state";

async function listen(server: HttpServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A GET whose response the test ends by calling the returned `finish`. */
function slowRoute(server: HttpServer) {
  let finish: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    server.on("request", (_req, res) => {
      finish = () => res.end("fertig");
      resolve();
    });
  });
  return { started, finish: () => finish() };
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

afterEach(() => markShuttingDown(false));

describe("graceful shutdown", () => {
  test("a running request finishes, new connections are refused, and the database closes last", async () => {
    const server = createServer();
    const route = slowRoute(server);
    const url = await listen(server);
    const order: string[] = [];

    const running = get(url);
    await route.started;
    const done = shutdownGracefully({
      httpServer: server,
      closeSockets: async () => void order.push("sockets"),
      stopTimers: () => void order.push("timers"),
      workFinished,
      closeDatabase: async () => void order.push("database"),
      graceMs: 60_000,
    });
    assert.equal(isShuttingDown(), true, "readiness sees the shutdown at once");
    await assert.rejects(get(url), /ECONNREFUSED/, "no new connection is accepted");
    assert.deepEqual(order, ["sockets", "timers"], "the database is not closed under the running request");

    route.finish();
    assert.deepEqual(await running, { status: 200, body: "fertig" });
    assert.deepEqual(await done, { drained: true });
    assert.deepEqual(order, ["sockets", "timers", "database"]);
  });

  test("a socket event's handler still running when the transports close finishes before the database closes", async () => {
    const server = createServer();
    await listen(server);
    const order: string[] = [];
    let finishHandler!: () => void;
    const handler = trackWork(new Promise<void>((resolve) => (finishHandler = resolve)).then(() => void order.push("handler")));

    const done = shutdownGracefully({
      httpServer: server,
      closeSockets: async () => void order.push("sockets"),
      stopTimers: () => void order.push("timers"),
      workFinished,
      closeDatabase: async () => void order.push("database"),
      graceMs: 60_000,
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ["sockets", "timers"], "the database waits for the handler");
    finishHandler();
    await handler;
    assert.deepEqual(await done, { drained: true });
    assert.deepEqual(order, ["sockets", "timers", "handler", "database"]);
  });

  test("a request that outlasts the grace period is cut, and the database still closes", async () => {
    const server = createServer();
    const route = slowRoute(server);
    const url = await listen(server);
    const running = get(url).catch((error: Error) => error);
    await route.started;
    let databaseClosed = false;

    const result = await shutdownGracefully({
      httpServer: server,
      closeSockets: async () => {},
      stopTimers: () => {},
      workFinished,
      closeDatabase: async () => void (databaseClosed = true),
      graceMs: 0,
    });
    assert.deepEqual(result, { drained: false });
    assert.ok((await running) instanceof Error, "the cut request sees its connection end");
    assert.equal(databaseClosed, true);
  });

  test("Socket.IO clients are sent away in a way they reconnect from (not 'io server disconnect')", async () => {
    const server = createServer();
    const ioServer = new Server(server, { path: "/socket.io", serveClient: false });
    const url = await listen(server);
    const client = connect(url, { path: "/socket.io", transports: ["websocket"], reconnectionDelay: 50, reconnectionDelayMax: 100 });
    await new Promise<void>((resolve) => client.once("connect", () => resolve()));
    const reason = new Promise<string>((resolve) => client.once("disconnect", (why) => resolve(why)));

    await closeSocketServer(ioServer);
    assert.equal(await reason, "transport close");
    assert.equal(client.active, true, "the client keeps trying to reconnect (elsewhere, behind the proxy)");
    client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
