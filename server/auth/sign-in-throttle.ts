/**
 * Slows password guessing: after MAX_FAILURES failed sign-ins for one email address within the
 * window, further attempts are refused until the window has passed. Kept in memory per process;
 * with several processes an attacker gets at most that many tries per process.
 */
const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60 * 1000;

/** Bounds the memory a flood of made-up addresses can take; expired entries go first. */
const MAX_TRACKED = 10_000;

const failures = new Map<string, { count: number; firstAt: number }>();

function forgetExpired(now: number): void {
  for (const [email, entry] of failures) if (now - entry.firstAt > WINDOW_MS) failures.delete(email);
  // still full of fresh entries: drop the oldest (Map keeps insertion order)
  for (const email of failures.keys()) {
    if (failures.size < MAX_TRACKED) break;
    failures.delete(email);
  }
}

export function isSignInBlocked(email: string, now = Date.now()): boolean {
  const entry = failures.get(email);
  if (!entry) return false;
  if (now - entry.firstAt > WINDOW_MS) {
    failures.delete(email);
    return false;
  }
  return entry.count >= MAX_FAILURES;
}

export function recordSignInResult(email: string, succeeded: boolean, now = Date.now()): void {
  if (succeeded) {
    failures.delete(email);
    return;
  }
  const entry = failures.get(email);
  if (!entry || now - entry.firstAt > WINDOW_MS) {
    if (failures.size >= MAX_TRACKED) forgetExpired(now);
    failures.set(email, { count: 1, firstAt: now });
  }
  else entry.count++;
}
