/**
 * Work that runs outside an HTTP request and uses the database: Socket.IO event handlers (a post
 * sent over the socket, a catch-up) and background runs (digests). Closing the transport or clearing
 * a timer does not stop such a run, so the shutdown waits for them before it closes the database.
 */
const running = new Set<Promise<unknown>>();

export function trackWork<T>(work: Promise<T>): Promise<T> {
  running.add(work);
  const done = () => running.delete(work);
  work.then(done, done);
  return work;
}

/** Resolves once no tracked work runs (also work that started while waiting). */
export async function workFinished(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}

export const runningWorkCount = (): number => running.size;
