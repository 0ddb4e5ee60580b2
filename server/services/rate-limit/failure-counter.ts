import { createHash } from "node:crypto";
import { limitKeyPrefix, sharedRedis, type SharedRedis } from "./rate-limit";

/**
 * Counts failures per key in a window that starts with the first failure (unlike the rate limit's
 * fixed windows): the sign-in throttle blocks an address for the window after its first failure.
 */
export interface FailureCounterStore {
  /** failures of `key` whose window has not yet passed */
  count(key: string, now: number): Promise<number>;
  /** one more failure; answers the count including it */
  add(key: string, windowSeconds: number, now: number): Promise<number>;
  /** forget `key`, e.g. after a successful sign-in */
  clear(key: string): Promise<void>;
}

/** Bounds the memory a flood of made-up keys can take; expired entries go first. */
const MAX_TRACKED = 10_000;

/** One process: enough without Redis, where there is only one process. */
export function memoryFailureCounter(): FailureCounterStore {
  const failures = new Map<string, { count: number; expiresAt: number }>();
  const forgetExpired = (now: number) => {
    for (const [key, entry] of failures) if (entry.expiresAt <= now) failures.delete(key);
    // still full of fresh entries: drop the oldest (Map keeps insertion order)
    for (const key of failures.keys()) {
      if (failures.size < MAX_TRACKED) break;
      failures.delete(key);
    }
  };
  return {
    async count(key, now) {
      const entry = failures.get(key);
      if (!entry) return 0;
      if (entry.expiresAt <= now) {
        failures.delete(key);
        return 0;
      }
      return entry.count;
    },
    async add(key, windowSeconds, now) {
      const entry = failures.get(key);
      if (entry && entry.expiresAt > now) return ++entry.count;
      if (failures.size >= MAX_TRACKED) forgetExpired(now);
      failures.set(key, { count: 1, expiresAt: now + windowSeconds * 1000 });
      return 1;
    },
    async clear(key) {
      failures.delete(key);
    },
  };
}

const INCREMENT_WITH_EXPIRY = `
local count = redis.call("INCR", KEYS[1])
if count == 1 or redis.call("TTL", KEYS[1]) < 0 then redis.call("EXPIRE", KEYS[1], ARGV[1]) end
return count`;

/**
 * Shared by every process: INCR on one key per subject that expires a window after the first
 * failure. Keys carry a hash, not the subject (an e-mail address has no business in Redis).
 */
export function redisFailureCounter(client: SharedRedis, prefix: string): FailureCounterStore {
  const redisKey = (key: string) => `${prefix}:${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
  return {
    async count(key) {
      return Number((await client.get(redisKey(key))) ?? 0);
    },
    async add(key, windowSeconds) {
      // one script, so the count never lives on without its expiry (a process dying between INCR and
      // EXPIRE would lock the address out for good once it reached the limit)
      return Number(await client.eval(INCREMENT_WITH_EXPIRY, { keys: [redisKey(key)], arguments: [String(windowSeconds)] }));
    },
    async clear(key) {
      await client.del(redisKey(key));
    },
  };
}

const globalForCounter = globalThis as typeof globalThis & { __gdstSignInFailures?: Promise<FailureCounterStore> };

/** The process's sign-in failure counter: in Redis (the rate limit's connection) when REDIS_URL is set. */
export function defaultSignInFailureCounter(): Promise<FailureCounterStore> {
  globalForCounter.__gdstSignInFailures ??= sharedRedis().then((client) =>
    client ? redisFailureCounter(client, limitKeyPrefix("sign-in-failures")) : memoryFailureCounter(),
  );
  return globalForCounter.__gdstSignInFailures;
}
