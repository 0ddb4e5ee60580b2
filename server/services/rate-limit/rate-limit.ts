import { env } from "../../env";
import { AppError } from "../../errors";
import { log } from "../../log";

/** Counts hits per key in fixed windows; `hit` answers the count including this hit and the window's end. */
export interface RateLimitStore {
  hit(key: string, windowSeconds: number, now: number): Promise<{ count: number; resetAt: number }>;
}

/** One process: enough without Redis, where there is only one process. */
export function memoryStore(): RateLimitStore & { clear(): void } {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key, windowSeconds, now) {
      const windowMs = windowSeconds * 1000;
      const resetAt = (Math.floor(now / windowMs) + 1) * windowMs;
      const current = windows.get(key);
      const entry = current && current.resetAt === resetAt ? current : { count: 0, resetAt };
      entry.count++;
      windows.set(key, entry);
      if (windows.size > 10_000) {
        for (const [k, v] of windows) if (v.resetAt <= now) windows.delete(k);
      }
      return { count: entry.count, resetAt };
    },
    clear: () => windows.clear(),
  };
}

interface RedisLike {
  incr(key: string): Promise<number>;
  expire(key: string, seconds: number): Promise<number | boolean>;
}

/** Shared by every process: INCR on a key per window, which expires with it. */
export function redisStore(client: RedisLike, prefix: string): RateLimitStore {
  return {
    async hit(key, windowSeconds, now) {
      const windowMs = windowSeconds * 1000;
      const windowIndex = Math.floor(now / windowMs);
      const redisKey = `${prefix}:${key}:${windowIndex}`;
      const count = await client.incr(redisKey);
      if (count === 1) await client.expire(redisKey, windowSeconds + 1);
      return { count, resetAt: (windowIndex + 1) * windowMs };
    },
  };
}

export interface RateLimitRule {
  /** part of the key: "post", "reaction" */
  name: string;
  /** read when checked, so tests and benches can raise it through the environment */
  limit: () => number;
  windowSeconds: number;
}

const perMinuteFromEnv = (variable: string, fallback: number) => () => {
  const value = Number(process.env[variable]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Defaults fit a person writing; POST_RATE_LIMIT_PER_MINUTE / REACTION_RATE_LIMIT_PER_MINUTE change them. */
export const rateLimits = {
  post: { name: "post", limit: perMinuteFromEnv("POST_RATE_LIMIT_PER_MINUTE", 10), windowSeconds: 60 },
  reaction: { name: "reaction", limit: perMinuteFromEnv("REACTION_RATE_LIMIT_PER_MINUTE", 30), windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>;

const globalForStore = globalThis as typeof globalThis & {
  __gdstRedisForLimits?: Promise<SharedRedis | null>;
  __gdstRateLimitStore?: Promise<RateLimitStore>;
};

/** What the limit stores need of a Redis client (node-redis satisfies it). */
export interface SharedRedis extends RedisLike {
  get(key: string): Promise<string | null>;
  del(key: string): Promise<number>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

async function connectRedis(): Promise<SharedRedis | null> {
  if (!env.redisUrl) return null;
  const { createClient } = await import("redis");
  const client = createClient({ url: env.redisUrl });
  client.on("error", (error: Error) => log().error({ err: error }, "Redis (Ratenbegrenzung) meldet einen Fehler"));
  await client.connect();
  return client;
}

/** One Redis connection per process for every limit (rate limit, sign-in throttle); null without REDIS_URL. */
export function sharedRedis(): Promise<SharedRedis | null> {
  globalForStore.__gdstRedisForLimits ??= connectRedis();
  return globalForStore.__gdstRedisForLimits;
}

/** Every limit key starts with this, so several installations can share one Redis. */
export const limitKeyPrefix = (name: string) => `${process.env.REDIS_KEY_PREFIX ?? "gdst"}:${name}`;

async function createDefaultStore(): Promise<RateLimitStore> {
  const client = await sharedRedis();
  return client ? redisStore(client, limitKeyPrefix("rate-limit")) : memoryStore();
}

/** The process's store: Redis when REDIS_URL is set, so the limit holds across processes. */
export function defaultStore(): Promise<RateLimitStore> {
  globalForStore.__gdstRateLimitStore ??= createDefaultStore();
  return globalForStore.__gdstRateLimitStore;
}

export const waitMessage = (seconds: number) =>
  `Sie waren gerade sehr aktiv. Bitte warten Sie noch ${seconds === 1 ? "1 Sekunde" : `${seconds} Sekunden`}.`;

/** Counts one action of a user; over the limit it is refused with RATE_LIMITED and how long to wait. */
export async function assertWithinRateLimit(rule: RateLimitRule, userId: string, store?: RateLimitStore, now = Date.now()): Promise<void> {
  const { count, resetAt } = await (store ?? (await defaultStore())).hit(`${rule.name}:${userId}`, rule.windowSeconds, now);
  if (count > rule.limit()) throw new AppError("RATE_LIMITED", waitMessage(Math.max(1, Math.ceil((resetAt - now) / 1000))));
}
