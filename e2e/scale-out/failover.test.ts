// Failover under load: the shipped deploy/nginx.conf (Debian's nginx, TLS on loopback) in front of
// two app processes on one PostgreSQL database and Redis. 50 clients sit in one thread, each posting
// at a steady pace over tRPC and listening over Socket.IO (WebSocket only, through nginx, reconnecting
// and catching up by the thread's seq exactly as app/_components/threads/thread-view.tsx does).
//   Phase 1: one process is killed (SIGKILL) mid-run, then started again.
//   Phase 2: a rolling restart (SIGTERM, start, ready; then the other process).
// A post whose HTTP call failed or got no answer is sent again with the same id until acknowledged.
// In the end every acknowledged post is stored once and reached every listener; the counts are printed.
//
//   npm run test:scaleout        (needs `npm run build`: the processes run dist/server.mjs)
//
// Environment: SCALEOUT_DATABASE_URL, REDIS_URL (as scale-out.test.ts), FAILOVER_PORT (first of
// four ports: nginx https, app 1, app 2, nginx http; default 3610), FAILOVER_CLIENTS (default 50),
// FAILOVER_PACE_MS (pause between one client's posts, default 2000), SCALEOUT_VERBOSE=1.
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { io } from "socket.io-client";
import { ThreadCursor } from "../../app/_lib/thread-cursor.ts";
import type { PostDto } from "../../server/services/posts/dto.ts";
import type { CatchUp } from "../../server/services/posts/list-posts.ts";
import { deleteRedisKeys, DEMO_PASSWORD, sleep, startServer, type ClientSocket, type ServerProcess } from "./harness.ts";
import { startNginx, type NginxProcess } from "./nginx.ts";

// the test's nginx has a self-signed certificate made for this run: fetch cannot be given it, the
// sockets trust it explicitly (ca)
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

const BASE_DATABASE_URL = process.env.SCALEOUT_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const FIRST_PORT = Number(process.env.FAILOVER_PORT ?? 3610);
const CLIENTS = Number(process.env.FAILOVER_CLIENTS ?? 50);
const PACE_MS = Number(process.env.FAILOVER_PACE_MS ?? 2_000);
const VERBOSE = process.env.SCALEOUT_VERBOSE === "1";
/** how long one post may stay unacknowledged, retries included, before the test gives up on it */
const SEND_GIVE_UP_MS = 90_000;
const REQUEST_TIMEOUT_MS = 10_000;
const RETRY_PAUSE_MS = 300;
/** as the thread view (app/_components/threads/thread-view.tsx) */
const GAP_WAIT_MS = 2_000;
const WRITERS = ["teilnehmer@gdst.example", "teilnehmerin@gdst.example"];

const runId = randomBytes(5).toString("hex");
const dbName = `gdst_failover_${runId}`;
const redisPrefix = `gdst-failover-${runId}`;
const secret = randomBytes(32).toString("base64url");
const ports = { https: FIRST_PORT, app: [FIRST_PORT + 1, FIRST_PORT + 2] as [number, number], http: FIRST_PORT + 3 };
const publicUrl = `https://127.0.0.1:${ports.https}`;

function databaseUrl(name: string): string {
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const serverEnv = {
  DATABASE_URL: databaseUrl(dbName),
  SEED_DEMO: "1",
  REDIS_URL,
  REDIS_KEY_PREFIX: redisPrefix,
  DATABASE_POOL_SIZE: "5",
  // as in production: the public https address; cookies are __Secure- then
  NEXTAUTH_URL: publicUrl,
  SHUTDOWN_GRACE_MS: "10000",
};

/** Signs in through nginx and returns the Cookie header with the session (secure name behind TLS). */
async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const collect = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(";")[0];
      const index = pair.indexOf("=");
      if (index > 0) jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrfResponse = await fetch(`${publicUrl}/api/auth/csrf`);
  collect(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${publicUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true" }),
  });
  collect(response);
  await response.body?.cancel();
  for (const name of ["__Secure-next-auth.session-token", "next-auth.session-token"]) {
    if (jar.has(name)) return `${name}=${jar.get(name)}`;
  }
  throw new Error(`sign-in of ${email} through nginx failed: HTTP ${response.status}`);
}

/** One tRPC call through nginx; resolves with the result or rejects on any failure or timeout. */
async function trpc<T>(cookie: string, procedure: string, input: unknown, kind: "query" | "mutation"): Promise<T> {
  const url = `${publicUrl}/api/trpc/${procedure}`;
  const response =
    kind === "mutation"
      ? await fetch(url, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(input), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
      : await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = (await response.json().catch(() => ({}))) as { result?: { data: T }; error?: { message: string } };
  if (!response.ok || !body.result) throw new Error(`tRPC ${procedure}: HTTP ${response.status} ${body.error?.message ?? ""}`);
  return body.result.data;
}

type Phase = "kill" | "rolling";

interface SentPost {
  id: string;
  phase: Phase;
  attempts: number;
  acked: boolean;
  /** ms since the test started, for failure messages */
  ackedAt?: number;
}

const startedAt = Date.now();
/** why attempts failed (message without ids) → how often, printed with the counts */
const failureReasons = new Map<string, number>();
const since = () => Date.now() - startedAt;

/**
 * A browser tab on the thread: one socket through nginx that reconnects on its own, joins the
 * thread and catches up on every (re)connection, and fetches a change missing between live ones
 * after GAP_WAIT_MS, with the thread view's own cursor (app/_lib/thread-cursor.ts). It counts every
 * delivery of a post (live event, catch-up or gap fetch) by id. The browser merges by id
 * (mergePosts), so a second delivery would not show twice; the raw count still tells whether it happened.
 */
class Tab {
  readonly socket: ClientSocket;
  readonly cursor = new ThreadCursor(0);
  connects = 0;
  truncatedCatchUps = 0;
  failedWatches = 0;
  gapFetches = 0;
  /** connects and disconnects with their time, for failure messages */
  readonly history: string[] = [];
  readonly deliveries = new Map<string, number>();
  private gapCheck: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly cookie: string,
    readonly threadId: string,
    ca: string,
  ) {
    // the browser's options (app/_lib/socket.tsx), with the session cookie a browser would send
    this.socket = io(publicUrl, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie }, forceNew: true, autoConnect: false, ca });
    this.socket.on("post.created", (payload) => {
      if (payload.post.threadId !== this.threadId) return;
      this.count([payload.post]);
      this.liveChange(payload.seq);
    });
    this.socket.on("disconnect", (reason) => this.history.push(`${since()} disconnect ${reason}`));
    this.socket.on("connect", () => {
      this.connects++;
      this.cursor.connected();
      this.history.push(`${since()} connect afterSeq ${this.cursor.afterSeq}`);
      this.socket.emit("thread.watch", { threadId: this.threadId, afterSeq: this.cursor.afterSeq }, (response) => {
        if (!response.ok) {
          // the browser ignores a refused watch as well; counted to explain a gap if there is one
          this.failedWatches++;
          return;
        }
        this.history.push(`${since()} caught up ${response.data.posts.length} to seq ${response.data.seq}`);
        this.caughtUp(response.data);
      });
    });
  }

  private caughtUp(answer: CatchUp) {
    if (answer.isTruncated) this.truncatedCatchUps++;
    this.cursor.caughtUpTo(Math.max(answer.seq, ...answer.posts.map((post) => post.changeSeq)));
    this.count(answer.posts);
  }

  private liveChange(seq: number) {
    this.cursor.live(seq);
    if (!this.cursor.hasGap || this.gapCheck) return;
    this.gapCheck = setTimeout(() => {
      this.gapCheck = undefined;
      if (!this.cursor.hasGap || !this.socket.connected) return;
      this.gapFetches++;
      this.history.push(`${since()} gap after seq ${this.cursor.afterSeq}`);
      trpc<CatchUp>(this.cookie, "post.since", { threadId: this.threadId, afterSeq: this.cursor.afterSeq }, "query").then(
        (answer) => this.caughtUp(answer),
        // as in the browser: a failed fetch waits for the next live change or reconnection
        () => undefined,
      );
    }, GAP_WAIT_MS);
  }

  private count(posts: PostDto[]) {
    for (const post of posts) this.deliveries.set(post.id, (this.deliveries.get(post.id) ?? 0) + 1);
  }

  stopGapChecks() {
    clearTimeout(this.gapCheck);
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", (error) => {
        const cause = (error as Error & { description?: { message?: string } }).description?.message;
        reject(new Error(`socket through nginx refused: ${error.message}${cause ? ` (${cause})` : ""}`));
      });
      this.socket.connect();
    });
  }
}

describe("failover under load: nginx, two processes, SIGKILL and rolling restart", { timeout: 10 * 60_000 }, () => {
  const servers: [ServerProcess | undefined, ServerProcess | undefined] = [undefined, undefined];
  let nginx: NginxProcess | undefined;
  let databaseCreated = false;
  let threadId = "";
  let cookies: string[] = [];
  const tabs: Tab[] = [];
  const sent: SentPost[] = [];
  const exitCodes: Record<string, number | null> = {};

  const start = (index: 0 | 1) =>
    startServer({ port: ports.app[index], secret, env: serverEnv, name: `failover-${index + 1}`, echo: VERBOSE }).then((server) => (servers[index] = server));
  const diagnostics = () =>
    [...servers.map((server, index) => (server ? `--- process ${index + 1} (port ${server.port}) ---\n${server.log()}` : "")), `--- nginx ---\n${nginx?.log() ?? ""}`].join("\n");

  before(
    async () => {
      await withAdmin(BASE_DATABASE_URL, (client) => client.query(`CREATE DATABASE "${dbName}"`));
      databaseCreated = true;
      // one after the other: the demo seed runs once, on the empty database
      await start(0);
      await start(1);
      nginx = await startNginx({ httpsPort: ports.https, httpPort: ports.http, upstreamPorts: ports.app });
      cookies = await Promise.all(WRITERS.map((email) => signIn(email)));
      const group = await trpc<{ id: string }>(cookies[0], "group.bySlug", { slug: "technik" }, "query");
      const thread = await trpc<{ id: string }>(
        cookies[0],
        "thread.create",
        { groupId: group.id, firstPostId: randomUUID(), title: `Ausfalltest ${runId}`, body: "Hier schreiben 50 Clients gleichzeitig." },
        "mutation",
      );
      threadId = thread.id;
      for (let i = 0; i < CLIENTS; i++) tabs.push(new Tab(cookies[i % cookies.length], threadId, nginx.certificate));
      await Promise.all(tabs.map((tab) => tab.connect())).catch((error: Error) => {
        throw new Error(`${error.message}\n${diagnostics()}`);
      });
    },
    { timeout: 6 * 60_000 },
  );

  after(
    async () => {
      for (const tab of tabs) {
        tab.stopGapChecks();
        tab.socket.close();
      }
      await nginx?.stop();
      await Promise.allSettled(servers.map((server) => server?.stop()));
      if (databaseCreated) {
        await withAdmin(BASE_DATABASE_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((error: Error) =>
          console.error(`could not drop ${dbName}: ${error.message}`),
        );
      }
      await deleteRedisKeys(REDIS_URL, redisPrefix);
    },
    { timeout: 90_000 },
  );

  /** Sends one post until it is acknowledged, always with the same id. */
  async function sendUntilAcked(tab: Tab, post: SentPost) {
    const giveUpAt = Date.now() + SEND_GIVE_UP_MS;
    const body = `Beitrag ${post.id} (${post.phase})`;
    while (Date.now() < giveUpAt) {
      post.attempts++;
      try {
        const stored = await trpc<PostDto>(tab.cookie, "post.create", { id: post.id, threadId, body }, "mutation");
        assert.equal(stored.id, post.id);
        post.acked = true;
        post.ackedAt = since();
        return;
      } catch (error) {
        const reason = (error as Error).message.replace(/[0-9a-f-]{36}/g, "").slice(0, 60);
        failureReasons.set(reason, (failureReasons.get(reason) ?? 0) + 1);
        await sleep(RETRY_PAUSE_MS);
      }
    }
  }

  /** Every client posts at its pace until `done()` says stop; resolves when every send has ended. */
  function load(phase: Phase, done: () => boolean): Promise<void> {
    return Promise.all(
      tabs.map(async (tab, index) => {
        // spread the clients over the pace instead of posting in bursts
        await sleep((PACE_MS * index) / tabs.length);
        while (!done()) {
          const post: SentPost = { id: randomUUID(), phase, attempts: 0, acked: false };
          sent.push(post);
          await sendUntilAcked(tab, post);
          await sleep(PACE_MS);
        }
      }),
    ).then(() => undefined);
  }

  /** Waits (polling) until every tab has every acknowledged post, or the deadline; no assertion on time. */
  async function settle(deadlineMs = 60_000) {
    const deadline = Date.now() + deadlineMs;
    const complete = () => tabs.every((tab) => tab.socket.connected && sent.every((post) => !post.acked || tab.deliveries.has(post.id)));
    while (!complete() && Date.now() < deadline) await sleep(200);
  }

  async function waitReady(server: ServerProcess) {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const status = await fetch(`${server.url}/api/ready`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return;
      await sleep(250);
    }
    throw new Error(`process on port ${server.port} not ready in time:\n${server.log()}`);
  }

  function report(phase: Phase | "total") {
    const posts = sent.filter((post) => phase === "total" || post.phase === phase);
    const acked = posts.filter((post) => post.acked);
    let raw = 0;
    let deduped = 0;
    for (const tab of tabs) {
      for (const post of acked) {
        const count = tab.deliveries.get(post.id) ?? 0;
        raw += count;
        deduped += Math.min(count, 1);
      }
    }
    return {
      phase,
      clients: tabs.length,
      postsSent: posts.length,
      acknowledged: acked.length,
      retried: posts.filter((post) => post.attempts > 1).length,
      failedAttempts: posts.reduce((sum, post) => sum + post.attempts - 1, 0),
      deliveriesExpected: acked.length * tabs.length,
      deliveriesReceived: raw,
      deliveriesDeduped: deduped,
      duplicates: raw - deduped,
    };
  }

  test("phase 1: one process killed mid-run (SIGKILL), then started again", { timeout: 5 * 60_000 }, async () => {
    let stop = false;
    const running = load("kill", () => stop);
    // the kill lands while every client is mid-stream: a few rounds of posts first
    while (sent.filter((post) => post.acked).length < CLIENTS * 2) await sleep(100);
    await servers[1]!.kill();
    exitCodes["process 2 (SIGKILL)"] = await servers[1]!.exited;
    const afterKill = sent.length;
    // posts go on through the surviving process for a few rounds, then the killed one comes back
    while (sent.length < afterKill + CLIENTS * 2) await sleep(100);
    const killedDataDir = servers[1]!;
    await start(1);
    await killedDataDir.stop();
    await waitReady(servers[1]!);
    const afterRestart = sent.length;
    while (sent.length < afterRestart + CLIENTS) await sleep(100);
    stop = true;
    await running;
    await settle();
    console.log("failover phase 1 (SIGKILL):", JSON.stringify(report("kill")));
    assertNothingLost("kill");
  });

  test("phase 2: rolling restart (SIGTERM, start, ready; then the other)", { timeout: 5 * 60_000 }, async () => {
    let stop = false;
    const running = load("rolling", () => stop);
    while (sent.filter((post) => post.phase === "rolling" && post.acked).length < CLIENTS) await sleep(100);
    for (const index of [0, 1] as const) {
      const old = servers[index]!;
      await old.stop();
      exitCodes[`process ${index + 1} (SIGTERM)`] = await old.exited;
      await start(index);
      await waitReady(servers[index]!);
    }
    const afterRestart = sent.length;
    while (sent.length < afterRestart + CLIENTS) await sleep(100);
    stop = true;
    await running;
    await settle();
    console.log("failover phase 2 (rolling restart):", JSON.stringify(report("rolling")));
    assertNothingLost("rolling");
    assert.equal(exitCodes["process 1 (SIGTERM)"], 0, "process 1 ended its graceful shutdown cleanly");
    assert.equal(exitCodes["process 2 (SIGTERM)"], 0, "process 2 ended its graceful shutdown cleanly");
  });

  test("in total: every acknowledged post stored once and delivered to every listener", async () => {
    const total = report("total");
    const reconnects = tabs.reduce((sum, tab) => sum + tab.connects - 1, 0);
    const gapFetches = tabs.reduce((sum, tab) => sum + tab.gapFetches, 0);
    console.log("failover total:", JSON.stringify({ ...total, reconnects, gapFetches, exitCodes, failureReasons: Object.fromEntries(failureReasons) }));
    assert.equal(total.acknowledged, total.postsSent, "every post was acknowledged in the end (retried with the same id)");

    const rows = await withAdmin(serverEnv.DATABASE_URL, (client) =>
      client.query<{ id: string; body: string }>(`SELECT id, body FROM "Post" WHERE "threadId" = $1 AND body LIKE 'Beitrag %'`, [threadId]),
    );
    const stored = new Map<string, number>();
    for (const row of rows.rows) stored.set(row.id, (stored.get(row.id) ?? 0) + 1);
    const bodies = new Set(rows.rows.map((row) => row.body));
    console.log("failover stored:", JSON.stringify({ rows: rows.rowCount, distinctIds: stored.size, distinctBodies: bodies.size }));
    assert.equal(rows.rowCount, total.postsSent, "one row per post sent: nothing stored twice, nothing extra");
    assert.equal(bodies.size, rows.rowCount, "no body stored twice under another id");
    for (const post of sent) assert.equal(stored.get(post.id), 1, `post ${post.id} stored exactly once`);
    assert.equal(total.deliveriesDeduped, total.deliveriesExpected, "every listener got every acknowledged post");
  });

  function assertNothingLost(phase: Phase) {
    const posts = sent.filter((post) => post.phase === phase);
    const unacked = posts.filter((post) => !post.acked);
    assert.equal(unacked.length, 0, `posts never acknowledged: ${unacked.map((post) => post.id).join(", ")}\n${diagnostics()}`);
    const disconnected = tabs.filter((tab) => !tab.socket.connected).length;
    assert.equal(disconnected, 0, `${disconnected} clients did not reconnect through nginx\n${diagnostics()}`);
    const missing: string[] = [];
    const gaps: string[] = [];
    tabs.forEach((tab, index) => {
      const lost = posts.filter((post) => !tab.deliveries.has(post.id));
      for (const post of lost) missing.push(`client ${index}: ${post.id}`);
      if (lost.length && gaps.length < 3) {
        gaps.push(`client ${index} missed ${lost.length}, acknowledged at ${lost.map((post) => post.ackedAt).join(",")} ms; ${tab.history.join("; ")}`);
      }
    });
    const explain = `truncated catch-ups: ${tabs.reduce((s, t) => s + t.truncatedCatchUps, 0)}, refused watches: ${tabs.reduce((s, t) => s + t.failedWatches, 0)}, gap fetches: ${tabs.reduce((s, t) => s + t.gapFetches, 0)}`;
    assert.equal(missing.length, 0, `${missing.length} deliveries missing (${explain}), e.g. ${missing.slice(0, 5).join("; ")}\n${gaps.join("\n")}`);
  }
});
