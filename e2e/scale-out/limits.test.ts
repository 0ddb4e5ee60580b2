// Limits across processes: two server processes on one PostgreSQL database and one Redis. Failed
// sign-ins and posts alternate between them; the sign-in throttle and the post rate limit must
// count them together, as one process would.
//
//   npm run test:scaleout
//
// Environment as scale-out.test.ts: SCALEOUT_DATABASE_URL (default
// postgresql://postgres@127.0.0.1:5432/postgres, may CREATE DATABASE), REDIS_URL (default
// redis://127.0.0.1:6379), SCALEOUT_LIMITS_PORT (first of two ports, default 3430),
// SCALEOUT_VERBOSE=1. A fresh database and Redis key prefix are made and removed afterwards.
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { MAX_FAILURES } from "../../server/auth/sign-in-throttle.ts";
import { deleteRedisKeys, DEMO_PASSWORD, PARTICIPANT, seededThread, signIn, startServer, trpc, trySignIn, type ServerProcess } from "./harness.ts";

const BASE_DATABASE_URL = process.env.SCALEOUT_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const FIRST_PORT = Number(process.env.SCALEOUT_LIMITS_PORT ?? 3430);
const VERBOSE = process.env.SCALEOUT_VERBOSE === "1";
const POST_LIMIT = 5;

const runId = randomBytes(5).toString("hex");
const dbName = `gdst_scaleout_limits_${runId}`;
const redisPrefix = `gdst-scaleout-limits-${runId}`;
const adminUrl = (name?: string) => {
  const url = new URL(BASE_DATABASE_URL);
  if (name) url.pathname = `/${name}`;
  return url.toString();
};

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("limits across two processes (PostgreSQL + Redis)", { timeout: 5 * 60_000 }, () => {
  const servers: ServerProcess[] = [];
  let databaseCreated = false;

  before(
    async () => {
      await admin(`CREATE DATABASE "${dbName}"`);
      databaseCreated = true;
      const env = {
        DATABASE_URL: adminUrl(dbName),
        SEED_DEMO: "1",
        REDIS_URL,
        REDIS_KEY_PREFIX: redisPrefix,
        DATABASE_POOL_SIZE: "5",
        POST_RATE_LIMIT_PER_MINUTE: String(POST_LIMIT),
      };
      const secret = randomBytes(32).toString("base64url");
      // one after the other: the demo seed runs only on an empty users table
      servers.push(await startServer({ port: FIRST_PORT, secret, env, name: "limits-1", echo: VERBOSE }));
      servers.push(await startServer({ port: FIRST_PORT + 1, secret, env, name: "limits-2", echo: VERBOSE }));
    },
    { timeout: 4 * 60_000 },
  );

  after(async () => {
    await Promise.allSettled(servers.map((server) => server.stop()));
    if (databaseCreated) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((error: Error) => console.error(`could not drop ${dbName}: ${error.message}`));
    await deleteRedisKeys(REDIS_URL, redisPrefix);
  });

  test("ten failed sign-ins, alternating between the processes, block the address on both", async () => {
    const email = "teilnehmerin@gdst.example";
    // the right password works on both before
    for (const server of servers) assert.ok((await trySignIn(server.url, email, DEMO_PASSWORD)).cookie, `sign-in on port ${server.port}`);
    for (let attempt = 0; attempt < MAX_FAILURES; attempt++) {
      const server = servers[attempt % 2];
      assert.equal((await trySignIn(server.url, email, `falsch-${attempt}`)).cookie, null);
    }
    // the 11th attempt is refused on either process, even with the right password
    for (const server of servers) assert.equal((await trySignIn(server.url, email, DEMO_PASSWORD)).cookie, null, `refused on port ${server.port}`);
    // another address is not affected
    assert.ok((await trySignIn(servers[1].url, PARTICIPANT, DEMO_PASSWORD)).cookie);
  });

  test(`posts alternating between the processes are refused after ${POST_LIMIT} a minute`, async () => {
    // the limit counts in fixed minutes: a run that straddles a minute boundary proves nothing, so
    // it is repeated once with another person (whose count starts at 0)
    for (const email of [PARTICIPANT, "moderation@gdst.example"]) {
      const cookie = await signIn(servers[0].url, email);
      const { id: threadId } = await seededThread(servers[0].url, cookie);
      const minute = Math.floor(Date.now() / 60_000);
      const outcomes: string[] = [];
      for (let index = 0; index <= POST_LIMIT; index++) {
        const server = servers[index % 2];
        outcomes.push(
          await trpc(server.url, cookie, "post.create", { id: randomUUID(), threadId, body: `Grenztest ${index + 1}` }, "mutation").then(
            () => "ok",
            (error: Error) => error.message,
          ),
        );
      }
      if (Math.floor(Date.now() / 60_000) !== minute) continue;
      assert.deepEqual(outcomes.slice(0, POST_LIMIT), Array(POST_LIMIT).fill("ok"));
      assert.match(outcomes[POST_LIMIT], /HTTP 429 Sie waren gerade sehr aktiv\. Bitte warten Sie noch \d+ Sekunden?\./);
      return;
    }
    assert.fail("both runs straddled a minute boundary");
  });
});
