import type { createClient } from "redis";

type RedisClient = ReturnType<typeof createClient>;
interface Probe {
  client: RedisClient;
  /** settles once the first connection stands; the client keeps reconnecting on its own */
  connected: Promise<unknown>;
}

// one client per process for the readiness probe, shared like the database handle
const globalForPing = globalThis as typeof globalThis & { __gdstReadinessRedis?: Map<string, Promise<Probe>> };

function probeFor(url: string): Promise<Probe> {
  const probes = (globalForPing.__gdstReadinessRedis ??= new Map());
  let probe = probes.get(url);
  if (!probe) {
    probe = import("redis").then(({ createClient }) => {
      // no offline queue: while Redis is away a PING fails at once instead of waiting for it
      const client = createClient({
        url,
        disableOfflineQueue: true,
        socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(200 + retries * 200, 2_000) },
      });
      // the probe reports an outage; the error event must only not end the process
      client.on("error", () => {});
      const connected = client.connect();
      connected.catch(() => {});
      return { client, connected };
    });
    probes.set(url, probe);
  }
  return probe;
}

/** PING through a long-lived client; rejects when Redis does not answer within `timeoutMs`. */
export async function pingRedis(url: string, timeoutMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("Redis antwortet nicht")), timeoutMs);
  });
  try {
    await Promise.race([
      probeFor(url).then(async ({ client, connected }) => {
        await connected;
        await client.ping();
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the probe's clients (tests, shutdown). */
export async function closeRedisPings(): Promise<void> {
  const probes = globalForPing.__gdstReadinessRedis;
  if (!probes) return;
  globalForPing.__gdstReadinessRedis = undefined;
  await Promise.allSettled([...probes.values()].map(async (probe) => (await probe).client.destroy()));
}
