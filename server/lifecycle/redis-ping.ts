import type { createClient } from "redis";

type RedisClient = ReturnType<typeof createClient>;

// one client per process for the readiness probe, shared like the database handle
const globalForPing = globalThis as typeof globalThis & { __gdstReadinessRedis?: Map<string, Promise<RedisClient>> };

async function clientFor(url: string): Promise<RedisClient> {
  const clients = (globalForPing.__gdstReadinessRedis ??= new Map());
  let client = clients.get(url);
  if (!client) {
    client = (async () => {
      const { createClient } = await import("redis");
      // no offline queue: while Redis is away a PING fails at once instead of waiting for it
      const created = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(retries * 200, 2_000) } });
      // reconnects on its own; the probe reports the outage, the error event must only not crash the process
      created.on("error", () => {});
      await created.connect();
      return created;
    })();
    clients.set(url, client);
    // a failed first connect is tried again on the next probe
    client.catch(() => clients.delete(url));
  }
  return client;
}

/** PING through a long-lived client; rejects when Redis does not answer within `timeoutMs`. */
export async function pingRedis(url: string, timeoutMs = 2_000): Promise<void> {
  const ping = clientFor(url).then((client) => client.ping());
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("Redis antwortet nicht")), timeoutMs);
  });
  try {
    await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the probe's clients (tests, shutdown). */
export async function closeRedisPings(): Promise<void> {
  const clients = globalForPing.__gdstReadinessRedis;
  if (!clients) return;
  globalForPing.__gdstReadinessRedis = undefined;
  await Promise.allSettled([...clients.values()].map(async (client) => (await client).destroy()));
}
