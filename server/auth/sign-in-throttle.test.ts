import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, test } from "node:test";
import { createClient } from "redis";
import { memoryFailureCounter, redisFailureCounter, type FailureCounterStore } from "../services/rate-limit/failure-counter";
import { isSignInBlocked, MAX_FAILURES, recordSignInResult } from "./sign-in-throttle";

const start = 1_000_000;

/** `first` and `second` stand for two processes; with memory they are the same store. */
async function checkThrottle(first: FailureCounterStore, second: FailureCounterStore) {
  const email = `rate-${randomUUID()}@test.example`;
  for (let i = 0; i < MAX_FAILURES - 1; i++) await recordSignInResult(email, false, i % 2 ? second : first, start + i);
  assert.equal(await isSignInBlocked(email, first, start + 10), false);
  assert.equal(await isSignInBlocked(email, second, start + 10), false);
  await recordSignInResult(email, false, second, start + 10);
  assert.equal(await isSignInBlocked(email, first, start + 11), true);
  assert.equal(await isSignInBlocked(email, second, start + 11), true);
  // another address is not affected
  assert.equal(await isSignInBlocked(`other-${email}`, first, start + 11), false);

  const other = `ok-${randomUUID()}@test.example`;
  for (let i = 0; i < MAX_FAILURES - 1; i++) await recordSignInResult(other, false, first, start);
  await recordSignInResult(other, true, second, start + 1);
  await recordSignInResult(other, false, first, start + 2);
  assert.equal(await isSignInBlocked(other, second, start + 3), false, "a success clears the count");
  return email;
}

test("[auth] in memory: ten failed sign-ins block the address for the window; success or expiry clears it", async () => {
  const store = memoryFailureCounter();
  const email = await checkThrottle(store, store);
  assert.equal(await isSignInBlocked(email, store, start + 16 * 60 * 1000), false);
  // the window starts with the first failure, not a clock boundary
  await recordSignInResult(email, false, store, start + 16 * 60 * 1000);
  assert.equal(await store.count(email, start + 16 * 60 * 1000 + 1), 1);
});

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `gdst-test-sign-in-${randomUUID()}`;
const clientA = createClient({ url: redisUrl });
const clientB = createClient({ url: redisUrl });
const redisAvailable = await Promise.all([clientA.connect(), clientB.connect()]).then(
  () => true,
  () => false,
);
after(async () => {
  if (!redisAvailable) return;
  const keys = await clientA.keys(`${prefix}:*`);
  if (keys.length) await clientA.del(keys);
  await Promise.all([clientA.quit(), clientB.quit()]);
});

test("[auth] against Redis: two processes (two connections, one prefix) share one count; keys expire with the window and hold no address", { skip: !redisAvailable && "Redis is not reachable" }, async () => {
  const email = await checkThrottle(redisFailureCounter(clientA, prefix), redisFailureCounter(clientB, prefix));
  const keys = await clientA.keys(`${prefix}:*`);
  assert.ok(keys.length > 0);
  for (const key of keys) {
    assert.ok(!key.includes("@"), `key ${key} names no address`);
    const ttl = await clientA.ttl(key);
    assert.ok(ttl > 0 && ttl <= 15 * 60, `ttl ${ttl}`);
  }
  // a different prefix (another installation) does not see the count
  assert.equal(await isSignInBlocked(email, redisFailureCounter(clientB, `${prefix}-other`)), false);
});
