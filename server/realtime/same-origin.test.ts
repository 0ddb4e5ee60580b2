import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { io as connect } from "socket.io-client";
import { connected, refused, socketTestServer, type ClientSocket } from "../test/socket-harness";
import { openTestDatabase } from "../test/test-db";

const { cookieFor, io } = socketTestServer();
const { actors } = await openTestDatabase();

const opened: ClientSocket[] = [];
after(() => opened.forEach((socket) => socket.disconnect()));

/** The harness's address, read from the listening server. */
function serverUrl(): string {
  const address = io().httpServer.address();
  assert.ok(address && typeof address === "object");
  return `http://127.0.0.1:${address.port}`;
}

async function openWith(headers: Record<string, string>, transport: "websocket" | "polling" = "websocket"): Promise<ClientSocket> {
  const socket: ClientSocket = connect(serverUrl(), {
    path: "/socket.io",
    transports: [transport],
    reconnection: false,
    extraHeaders: { cookie: await cookieFor(actors.participant), ...headers },
  });
  opened.push(socket);
  return socket;
}

/** The handshake as a browser on another site would send it: the answer's status and body. */
async function pollingHandshake(origin: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${serverUrl()}/socket.io/?EIO=4&transport=polling`, { headers: { origin, cookie: await cookieFor(actors.participant) } });
  return { status: response.status, body: await response.text() };
}

describe("socket handshake origin", () => {
  test("a browser on the app's own origin connects", async () => {
    await connected(await openWith({ origin: serverUrl() }));
  });

  test("a handshake from another site is refused, over WebSocket and polling", async () => {
    await refused(await openWith({ origin: "https://evil.example" }));
    await refused(await openWith({ origin: "https://evil.example" }, "polling"));
    const answer = await pollingHandshake("https://evil.example");
    assert.equal(answer.status, 403);
    assert.match(answer.body, /Verbindungen von fremden Seiten werden abgelehnt/);
  });

  test("the same host on another scheme or port is another origin", async () => {
    await refused(await openWith({ origin: serverUrl().replace("http:", "https:") }));
    await refused(await openWith({ origin: `${serverUrl()}1` }));
  });

  test("behind the TLS proxy the origin is https", async () => {
    await connected(await openWith({ origin: serverUrl().replace("http:", "https:"), "x-forwarded-proto": "https" }));
  });

  test("clients without Origin (not browsers: load tests, the scale-out harness) connect", async () => {
    await connected(await openWith({}));
  });

  test("with NEXTAUTH_URL only its origin is the app's own", async () => {
    process.env.NEXTAUTH_URL = "https://gdst.example/";
    try {
      await connected(await openWith({ origin: "https://gdst.example" }));
      await refused(await openWith({ origin: serverUrl() }));
    } finally {
      delete process.env.NEXTAUTH_URL;
    }
  });
});
