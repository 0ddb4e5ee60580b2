import { defaultSignInFailureCounter, type FailureCounterStore } from "../services/rate-limit/failure-counter";

/**
 * Slows password guessing: after MAX_FAILURES failed sign-ins for one email address within the
 * window (from the first failure), further attempts are refused until the window has passed. With
 * REDIS_URL the count is shared by every process; without it one process keeps it in memory.
 * Addresses arrive normalised (trimmed, lower case) from signInSchema.
 */
export const MAX_FAILURES = 10;
export const WINDOW_SECONDS = 15 * 60;

export async function isSignInBlocked(email: string, store?: FailureCounterStore, now = Date.now()): Promise<boolean> {
  const failures = await (store ?? (await defaultSignInFailureCounter())).count(email, now);
  return failures >= MAX_FAILURES;
}

export async function recordSignInResult(email: string, succeeded: boolean, store?: FailureCounterStore, now = Date.now()): Promise<void> {
  const counter = store ?? (await defaultSignInFailureCounter());
  if (succeeded) await counter.clear(email);
  else await counter.add(email, WINDOW_SECONDS, now);
}
