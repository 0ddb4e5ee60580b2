import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, test } from "node:test";
import { createClient } from "redis";
import { AppError } from "../../errors";
import { rejectsWithAppError } from "../../test/assertions";
import { assertWithinRateLimit, memoryStore, rateLimits, redisStore, waitMessage, type RateLimitRule, type RateLimitStore } from "./rate-limit";

const rule: RateLimitRule = { name: "test", limit: () => 3, windowSeconds: 60 };
const start = Date.UTC(2026, 10, 26, 4, 0, 0);

async function checkLimit(store: RateLimitStore) {
  const user = randomUUID();
  for (let i = 0; i < 3; i++) await assertWithinRateLimit(rule, user, store, start + i * 1000);
  // 20 seconds into the minute: 40 seconds to wait
  await rejectsWithAppError(() => assertWithinRateLimit(rule, user, store, start + 20_000), "RATE_LIMITED", "Sie waren gerade sehr aktiv. Bitte warten Sie noch 40 Sekunden.");
  // another user is not affected, and the next window starts afresh
  await assertWithinRateLimit(rule, randomUUID(), store, start + 20_000);
  await assertWithinRateLimit(rule, user, store, start + 60_000);
}

test("[rate-limit] in memory: the limit per user and window, with the wait in German", async () => {
  await checkLimit(memoryStore());
});

test("[rate-limit] the wait is said in whole seconds, singular for one", () => {
  assert.equal(waitMessage(1), "Sie waren gerade sehr aktiv. Bitte warten Sie noch 1 Sekunde.");
  assert.equal(new AppError("RATE_LIMITED").message, "Das war zu viel auf einmal. Bitte warten Sie einen Moment.");
});

test("[rate-limit] limits come from the environment and fall back to the defaults", () => {
  const saved = process.env.POST_RATE_LIMIT_PER_MINUTE;
  try {
    process.env.POST_RATE_LIMIT_PER_MINUTE = "25";
    assert.equal(rateLimits.post.limit(), 25);
    process.env.POST_RATE_LIMIT_PER_MINUTE = "kaputt";
    assert.equal(rateLimits.post.limit(), 10);
    delete process.env.POST_RATE_LIMIT_PER_MINUTE;
    assert.equal(rateLimits.post.limit(), 10);
  } finally {
    if (saved === undefined) delete process.env.POST_RATE_LIMIT_PER_MINUTE;
    else process.env.POST_RATE_LIMIT_PER_MINUTE = saved;
  }
});

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `gdst-test-rate-limit-${randomUUID()}`;
const client = createClient({ url: redisUrl });
const redisAvailable = await client.connect().then(
  () => true,
  () => false,
);
after(async () => {
  if (!redisAvailable) return;
  const keys = await client.keys(`${prefix}:*`);
  if (keys.length) await client.del(keys);
  await client.quit();
});

test("[rate-limit] against Redis: shared by every process (two stores, one count) and keys expire", { skip: !redisAvailable && "Redis is not reachable" }, async () => {
  await checkLimit(redisStore(client, prefix));
  const user = randomUUID();
  const processA = redisStore(client, prefix);
  const processB = redisStore(client, prefix);
  await assertWithinRateLimit(rule, user, processA, start);
  await assertWithinRateLimit(rule, user, processB, start);
  await assertWithinRateLimit(rule, user, processA, start);
  await rejectsWithAppError(() => assertWithinRateLimit(rule, user, processB, start), "RATE_LIMITED");
  const [key] = await client.keys(`${prefix}:test:${user}:*`);
  const ttl = await client.ttl(key);
  assert.ok(ttl > 0 && ttl <= 61, `ttl ${ttl}`);
});
