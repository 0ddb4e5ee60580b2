// Scale-out: two server processes on one PostgreSQL database, one NEXTAUTH_SECRET and the Socket.IO
// Redis adapter. Live events must cross processes, and a client whose process died must catch up on
// another one with exactly the posts it missed.
//
//   npm run test:scaleout
//
// Environment: SCALEOUT_DATABASE_URL (a PostgreSQL URL whose user may CREATE DATABASE; default
// postgresql://postgres@127.0.0.1:5432/postgres), REDIS_URL (default redis://127.0.0.1:6379),
// SCALEOUT_PORT (first of two ports, default 3420), SCALEOUT_VERBOSE=1 echoes the servers' output.
// A fresh database and a unique Redis key prefix are made for the run and removed afterwards.
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import type { PostDto } from "../../server/services/posts/dto.ts";
import {
  deleteRedisKeys,
  PARTICIPANT,
  connectSocket,
  request,
  seededThread,
  sessionEmail,
  signIn,
  sleep,
  startServer,
  trpc,
  type ClientSocket,
  type ServerProcess,
} from "./harness.ts";

const BASE_DATABASE_URL = process.env.SCALEOUT_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const FIRST_PORT = Number(process.env.SCALEOUT_PORT ?? 3420);
const VERBOSE = process.env.SCALEOUT_VERBOSE === "1";
const EVENT_TIMEOUT_MS = 15_000;

const runId = randomBytes(5).toString("hex");
const dbName = `gdst_scaleout_${runId}`;
const redisPrefix = `gdst-scaleout-${runId}`;
const secret = randomBytes(32).toString("base64url");

function databaseUrl(name: string): string {
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BASE_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

type PostCreated = { post: PostDto; seq: number; postCount: number };

/**
 * Records every `post.created` on a socket from now on. Start it before the post is made: the event
 * may well arrive before the HTTP response of the write does.
 */
function recordPostCreated(socket: ClientSocket) {
  const events: PostCreated[] = [];
  const waiters = new Set<() => void>();
  socket.on("post.created", (payload) => {
    events.push(payload);
    for (const wake of waiters) wake();
  });
  return {
    count: (postId: string) => events.filter((e) => e.post.id === postId).length,
    get lastSeq() {
      return Math.max(0, ...events.map((e) => e.seq));
    },
    /** the first event for `postId`, waiting up to `timeoutMs` for it */
    waitFor(postId: string, timeoutMs = EVENT_TIMEOUT_MS): Promise<PostCreated> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find((e) => e.post.id === postId);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`post.created for ${postId} did not arrive within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

const postThrough = (server: ServerProcess, cookie: string, threadId: string, body: string) =>
  trpc<PostDto>(server.url, cookie, "post.create", { id: randomUUID(), threadId, body }, "mutation");

describe("scale-out: two processes, one PostgreSQL database, Socket.IO over Redis", { timeout: 10 * 60_000 }, () => {
  let process1: ServerProcess | undefined;
  let process2: ServerProcess | undefined;
  let databaseCreated = false;
  let cookie = "";
  let threadId = "";
  const sockets: ClientSocket[] = [];
  const open = async (server: ServerProcess) => {
    const socket = await connectSocket(server.url, cookie);
    sockets.push(socket);
    return socket;
  };
  const serverLogs = () =>
    [process1, process2].map((server, index) => (server ? `--- process ${index + 1} (port ${server.port}) ---\n${server.log()}` : "")).join("\n");

  before(
    async () => {
      await withAdmin((client) => client.query(`CREATE DATABASE "${dbName}"`));
      databaseCreated = true;
      const env = {
        DATABASE_URL: databaseUrl(dbName),
        SEED_DEMO: "1",
        REDIS_URL,
        REDIS_KEY_PREFIX: redisPrefix,
        DATABASE_POOL_SIZE: "5",
      };
      // one after the other: the demo seed runs only on an empty users table, and two seeds at once would race
      process1 = await startServer({ port: FIRST_PORT, secret, env, name: "scaleout-1", echo: VERBOSE });
      process2 = await startServer({ port: FIRST_PORT + 1, secret, env, name: "scaleout-2", echo: VERBOSE });

      cookie = await signIn(process1.url, PARTICIPANT);
      // the session cookie is a JWT signed with the shared secret: process 2 accepts it as well
      assert.equal(await sessionEmail(process2.url, cookie), PARTICIPANT, "process 2 accepts the cookie issued by process 1");
      threadId = (await seededThread(process1.url, cookie)).id;
    },
    { timeout: 6 * 60_000 },
  );

  after(
    async () => {
      for (const socket of sockets) socket.close();
      await Promise.allSettled([process1?.stop(), process2?.stop()]);
      if (databaseCreated) {
        await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((error: Error) =>
          console.error(`could not drop ${dbName}: ${error.message}`),
        );
      }
      await deleteRedisKeys(REDIS_URL, redisPrefix);
    },
    { timeout: 60_000 },
  );

  test("each process runs as production does: Next on the build's configuration without its compiler, one malloc arena", async () => {
    for (const server of [process1, process2]) {
      assert.ok(server);
      // loading next.config.ts would load Next's SWC compiler (24 MiB, two threads) for the process's life
      assert.doesNotMatch(readFileSync(`/proc/${server.pid}/maps`, "utf8"), /next-swc/, "Next's SWC compiler is not loaded");
      assert.ok(readFileSync(`/proc/${server.pid}/environ`, "utf8").split("\0").includes("MALLOC_ARENA_MAX=1"), "one malloc arena (scripts/server-env.mjs)");
      // the build's configuration is in force: the headers of next.config.ts, and no X-Powered-By (poweredByHeader: false)
      const response = await fetch(`${server.url}/anmelden`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("x-frame-options"), "DENY");
      assert.equal(response.headers.get("x-powered-by"), null);
    }
  });

  test("a post created through process 1 (tRPC) reaches a socket on process 2", async () => {
    const listener = await open(process2!);
    const watch = await request(listener, "thread.watch", { threadId, afterSeq: 0 });
    const events = recordPostCreated(listener);

    const body = `Über Prozessgrenzen hinweg ${randomUUID()}`;
    const created = await postThrough(process1!, cookie, threadId, body);
    const event = await events.waitFor(created.id).catch((error: Error) => {
      throw new Error(`${error.message}\n${serverLogs()}`);
    });

    assert.equal(event.post.html, `<p>${body}</p>`);
    assert.equal(event.post.threadId, threadId);
    assert.equal(event.seq, watch.seq + 1, "seq continues from the one thread.watch returned");
    assert.equal(event.post.changeSeq, event.seq);
    assert.equal(event.postCount, watch.thread.postCount + 1);
    await sleep(300);
    assert.equal(events.count(created.id), 1, "delivered once");
  });

  test("and the other way round: post.create on a process-2 socket reaches a process-1 socket", async () => {
    const listener = await open(process1!);
    await request(listener, "thread.watch", { threadId, afterSeq: 0 });
    const events = recordPostCreated(listener);
    const sender = await open(process2!);

    const body = `Zurück über Redis ${randomUUID()}`;
    const id = randomUUID();
    const { post } = await request(sender, "post.create", { id, threadId, body });
    assert.equal(post.id, id);
    assert.equal((await events.waitFor(id)).post.html, `<p>${body}</p>`);
  });

  test("presence counts the people on both processes, and typing crosses them", async () => {
    const { groupId } = await seededThread(process1!.url, cookie);
    // a thread of its own: the sockets of the tests above still sit in the seeded one
    const fresh = await trpc<{ id: string }>(
      process1!.url,
      cookie,
      "thread.create",
      { groupId, firstPostId: randomUUID(), title: `Wer ist da ${runId}`, body: "Anwesenheit über zwei Prozesse" },
      "mutation",
    );
    const presence: Record<string, number[]> = { anna: [], ben: [] };
    const typing: string[] = [];
    const until = async (condition: () => boolean, what: string) => {
      const deadline = Date.now() + EVENT_TIMEOUT_MS;
      while (!condition() && Date.now() < deadline) await sleep(50);
      assert.ok(condition(), `${what}; presence seen: ${JSON.stringify(presence)}\n${serverLogs()}`);
    };

    const anna = await open(process1!);
    anna.on("thread.presence", (p) => p.threadId === fresh.id && presence.anna.push(p.readerCount));
    anna.on("thread.typing", (t) => t.threadId === fresh.id && typing.push(`${t.user.name}${t.stopped ? " fertig" : ""}`));
    await request(anna, "thread.watch", { threadId: fresh.id, afterSeq: 0 });
    await until(() => presence.anna.at(-1) === 1, "Anna alone sees 1");

    const ben = await connectSocket(process2!.url, await signIn(process2!.url, "teilnehmerin@gdst.example"));
    sockets.push(ben);
    ben.on("thread.presence", (p) => p.threadId === fresh.id && presence.ben.push(p.readerCount));
    await request(ben, "thread.watch", { threadId: fresh.id, afterSeq: 0 });
    await until(() => presence.anna.at(-1) === 2 && presence.ben.at(-1) === 2, "both see 2 across the processes");

    // a second socket of Anna's on process 2 is still one person
    const annaAgain = await open(process2!);
    await request(annaAgain, "thread.watch", { threadId: fresh.id, afterSeq: 0 });
    await until(() => presence.ben.length >= 2 && presence.ben.at(-1) === 2, "Anna's second socket does not count twice");

    await request(ben, "thread.typing", { threadId: fresh.id });
    await until(() => typing.includes("Sabine Schulze"), "Anna on process 1 sees Sabine typing on process 2");

    ben.close();
    await until(() => presence.anna.at(-1) === 1, "Anna sees 1 after Ben's process-2 socket closed");
    assert.ok(typing.includes("Sabine Schulze fertig"), "closing ended the typing notice");
    annaAgain.close();
  });

  test("after process 2 is killed, a client catching up on process 1 gets the missed post exactly once", async () => {
    // a client on process 2 that has seen everything up to lastSeq, the last post live
    const doomed = await open(process2!);
    const watch = await request(doomed, "thread.watch", { threadId, afterSeq: 0 });
    const seenLive = recordPostCreated(doomed);
    const seenBeforeCrash = await postThrough(process1!, cookie, threadId, `Noch live gesehen ${randomUUID()}`);
    const seenEvent = await seenLive.waitFor(seenBeforeCrash.id);
    const lastSeq = Math.max(watch.seq, seenLive.lastSeq);
    assert.equal(lastSeq, seenEvent.seq);

    const disconnected = new Promise<void>((resolve) => doomed.once("disconnect", () => resolve()));
    await process2!.kill();
    await disconnected;

    // written while the client has no connection
    const missedBody = `Verpasst, während Prozess 2 weg war ${randomUUID()}`;
    const missed = await postThrough(process1!, cookie, threadId, missedBody);
    const health = await fetch(`${process1!.url}/api/health`);
    assert.equal(health.status, 200, "process 1 keeps serving while process 2 is gone");

    // the client reconnects to the surviving process and catches up from its last seen seq
    const survivor = await open(process1!);
    const live = recordPostCreated(survivor);
    const catchUp = await request(survivor, "thread.watch", { threadId, afterSeq: lastSeq });

    const missedInCatchUp = catchUp.posts.filter((post) => post.id === missed.id);
    assert.equal(missedInCatchUp.length, 1, "the missed post is in the catch-up");
    assert.equal(missedInCatchUp[0].html, `<p>${missedBody}</p>`);
    assert.deepEqual(
      catchUp.posts.map((post) => post.id),
      [missed.id],
      "the catch-up holds exactly the missed post, nothing the client had already seen",
    );
    assert.equal(catchUp.seq, lastSeq + 1);
    assert.equal(catchUp.isTruncated, false);

    // no second copy arrives live: it was committed before the socket joined the room
    await sleep(500);
    assert.equal(live.count(missed.id), 0, "the missed post is not delivered live a second time");

    // and live updates go on on the surviving process
    const next = await postThrough(process1!, cookie, threadId, `Nach dem Absturz ${randomUUID()}`);
    assert.equal((await live.waitFor(next.id)).seq, catchUp.seq + 1);
  });
});
