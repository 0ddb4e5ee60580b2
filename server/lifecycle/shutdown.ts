import type { Server as HttpServer } from "node:http";
import { markShuttingDown } from "./state";

export interface ShutdownSteps {
  httpServer: HttpServer;
  /**
   * Ends every Socket.IO connection by closing its transport. Clients see "transport close" and
   * reconnect on their own (a server-side `disconnect()` would tell them not to): through the proxy
   * they land on another process and catch up from their last seq.
   */
  closeSockets(): Promise<void>;
  /** timers and schedulers: nothing new may start while the database closes */
  stopTimers(): void;
  /** resolves when work outside HTTP requests (socket events, background runs) has finished */
  workFinished(): Promise<void>;
  closeDatabase(): Promise<void>;
  /** how long running requests may take to finish before their connections are cut */
  graceMs: number;
  onProgress?(message: string): void;
}

export interface ShutdownResult {
  /** every running request finished within the grace period */
  drained: boolean;
}

/**
 * Graceful shutdown: marks the process as shutting down (readiness 503 on connections still open),
 * stops accepting connections, sends the sockets elsewhere, stops timers, lets running requests,
 * socket events and background runs finish within `graceMs`, and closes the database last, when
 * nothing can use it any more.
 */
export async function shutdownGracefully(steps: ShutdownSteps): Promise<ShutdownResult> {
  const { httpServer } = steps;
  markShuttingDown();
  // resolves once every connection has ended; idle keep-alive connections are closed at once
  const allClosed = new Promise<void>((resolve) => {
    if (!httpServer.listening) return resolve();
    httpServer.close(() => resolve());
  });
  await steps.closeSockets();
  steps.onProgress?.("Keine neuen Verbindungen; Echtzeit-Verbindungen beendet (die Browser verbinden sich neu: mit einem anderen Prozess oder nach dem Neustart).");
  steps.stopTimers();

  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    Promise.all([allClosed, steps.workFinished()]).then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), steps.graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (!drained) {
    steps.onProgress?.(`Laufende Anfragen nach ${steps.graceMs} ms abgebrochen.`);
    httpServer.closeAllConnections();
  }
  await steps.closeDatabase();
  return { drained };
}
