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
 * Graceful shutdown: marks the process as shutting down (readiness 503), stops accepting
 * connections, sends the sockets elsewhere, lets running requests finish within `graceMs`, stops
 * timers and closes the database last, when no request can use it any more.
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
  steps.onProgress?.("Keine neuen Verbindungen; Echtzeit-Verbindungen wurden an andere Prozesse verwiesen.");

  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    allClosed.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), steps.graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (!drained) {
    steps.onProgress?.(`Laufende Anfragen nach ${steps.graceMs} ms abgebrochen.`);
    httpServer.closeAllConnections();
  }
  steps.stopTimers();
  await steps.closeDatabase();
  return { drained };
}
