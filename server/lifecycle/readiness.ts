import { hasDatabase, rawDb } from "../db";
import { env } from "../env";
import { pingRedis } from "./redis-ping";
import { isShuttingDown } from "./state";

export type CheckState = "ok" | "unavailable";

export interface Readiness {
  ready: boolean;
  status: "ready" | "shutting-down" | "unavailable";
  /** empty while shutting down: nothing was asked */
  checks: { database?: CheckState; redis?: CheckState };
}

const DATABASE_TIMEOUT_MS = 2_000;

async function withinTimeout(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([work, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

const state = (work: Promise<unknown>, ms: number): Promise<CheckState> =>
  withinTimeout(work, ms).then(
    () => "ok" as const,
    () => "unavailable" as const,
  );

/**
 * Whether this process should get traffic: not while it shuts down, and only while the database
 * and (when configured) Redis answer. Liveness (/api/health) is a separate question.
 */
export async function checkReadiness(options: { redisUrl?: string } = { redisUrl: env.redisUrl }): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, status: "shutting-down", checks: {} };
  const [database, redis] = await Promise.all([
    state(hasDatabase() ? rawDb().query("SELECT 1") : Promise.reject(new Error("not open")), DATABASE_TIMEOUT_MS),
    options.redisUrl ? state(pingRedis(options.redisUrl), DATABASE_TIMEOUT_MS) : undefined,
  ]);
  const checks = redis ? { database, redis } : { database };
  const ready = database === "ok" && (redis ?? "ok") === "ok";
  return { ready, status: ready ? "ready" : "unavailable", checks };
}
