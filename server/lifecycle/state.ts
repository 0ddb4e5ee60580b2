// server.ts and Next's server bundle load this module separately: the flag lives on globalThis so
// that /api/ready (in Next's bundle) sees the shutdown server.ts started.
const globalForLifecycle = globalThis as typeof globalThis & { __gdstShuttingDown?: boolean };

/** From the first SIGTERM on: readiness answers 503 and responses close their connection. */
export function markShuttingDown(value = true): void {
  globalForLifecycle.__gdstShuttingDown = value;
}

export const isShuttingDown = (): boolean => globalForLifecycle.__gdstShuttingDown === true;
