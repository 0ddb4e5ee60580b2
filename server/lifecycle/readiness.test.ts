import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { createClient } from "redis";
import { GET } from "../../app/api/ready/route";
import { hasDatabase, openDatabase, setDatabase } from "../db";
import { openTestDatabase, type TestDatabase } from "../test/test-db";
import { checkReadiness } from "./readiness";
import { closeRedisPings } from "./redis-ping";
import { markShuttingDown } from "./state";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const probe = createClient({ url: redisUrl });
const redisAvailable = await probe.connect().then(
  () => probe.quit().then(() => true),
  () => false,
);
// nothing listens on port 1 of the loopback: a connection is refused at once
const NOTHING_LISTENS = "127.0.0.1:1";

// at the top level: the database helper registers its own cleanup with after()
const database: TestDatabase = await openTestDatabase({ seedDemo: false });

describe("readiness (/api/ready)", () => {
  after(async () => {
    markShuttingDown(false);
    await closeRedisPings();
    await database.close();
  });

  test("ready with the database answering and no Redis configured: 200", async () => {
    const response = await GET();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.deepEqual(await response.json(), { status: "ready", checks: { database: "ok" } });
  });

  test("ready with Redis configured and answering", { skip: !redisAvailable && "Redis is not reachable" }, async () => {
    assert.deepEqual(await checkReadiness({ redisUrl }), { ready: true, status: "ready", checks: { database: "ok", redis: "ok" } });
  });

  test("Redis configured but not reachable: not ready", async () => {
    const readiness = await checkReadiness({ redisUrl: `redis://${NOTHING_LISTENS}` });
    assert.deepEqual(readiness, { ready: false, status: "unavailable", checks: { database: "ok", redis: "unavailable" } });
  });

  test("the database does not answer: not ready", async () => {
    const saved = (globalThis as typeof globalThis & { __gdstDb?: Parameters<typeof setDatabase>[0] }).__gdstDb;
    const unreachable = await openDatabase(`postgresql://postgres@${NOTHING_LISTENS}/gdst`);
    setDatabase(unreachable);
    try {
      assert.deepEqual(await checkReadiness({}), { ready: false, status: "unavailable", checks: { database: "unavailable" } });
    } finally {
      setDatabase(saved);
      await unreachable.close();
    }
    assert.equal(hasDatabase(), true);
  });

  test("while shutting down: 503 although everything answers", async () => {
    markShuttingDown();
    try {
      const response = await GET();
      assert.equal(response.status, 503);
      assert.deepEqual(await response.json(), { status: "shutting-down", checks: {} });
    } finally {
      markShuttingDown(false);
    }
  });
});
