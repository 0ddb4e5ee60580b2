// One benchmark run's lifecycle, shared by the scripts in this folder: the built server on a fresh
// embedded database or a fresh PostgreSQL database, the sockets it opened, and a cleanup that runs
// once whether the run ends normally, fails, is interrupted or exceeds its time limit.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { rssMiB, startServer, type ClientSocket, type ServerProcess } from "../e2e/scale-out/harness.ts";
import { createScratchDatabase, type ScratchDatabase } from "./lib.ts";

export class BenchRun {
  server: ServerProcess | undefined;
  database: ScratchDatabase | undefined;
  readonly sockets = new Set<ClientSocket>();
  private cleaningUp: Promise<void> | undefined;
  private readonly onCleanup: (() => void)[] = [];

  constructor(
    readonly options: { port: number; pgBaseUrl?: string; limitMs: number },
  ) {
    process.once("SIGINT", () => void this.fail("interrupted"));
    process.once("SIGTERM", () => void this.fail("terminated"));
    setTimeout(() => void this.fail(`benchmark exceeded its limit of ${options.limitMs / 60_000} min`), options.limitMs).unref();
  }

  get databaseLabel() {
    return this.options.pgBaseUrl ? "fresh PostgreSQL database" : "embedded database (PGlite) in a temp dir";
  }

  /** Runs `fn` at cleanup, before the server stops (e.g. closing an HTTP agent). */
  alsoOnCleanup(fn: () => void) {
    this.onCleanup.push(fn);
  }

  /** Starts the server (demo data seeded) and prints how long it took and its resident memory. */
  async start(): Promise<{ server: ServerProcess; startSeconds: number; idleRss: ReturnType<typeof rssMiB> }> {
    const env: Record<string, string> = {};
    if (this.options.pgBaseUrl) {
      this.database = await createScratchDatabase(this.options.pgBaseUrl);
      Object.assign(env, { DATABASE_URL: this.database.url, SEED_DEMO: "1" });
    }
    console.log(`Starting the server on port ${this.options.port} (${this.databaseLabel}); load average ${os.loadavg()[0].toFixed(1)} …`);
    const startedAt = performance.now();
    this.server = await startServer({
      port: this.options.port,
      secret: randomBytes(32).toString("base64url"),
      name: "bench",
      env,
      echo: process.env.BENCH_VERBOSE === "1",
      nodeArgs: process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean),
    });
    const startSeconds = (performance.now() - startedAt) / 1000;
    const idleRss = rssMiB(this.server.pid);
    console.log(`Healthy after ${startSeconds.toFixed(1)} s; server pid ${this.server.pid}, RSS ${idleRss?.rss.toFixed(0)} MiB`);
    return { server: this.server, startSeconds, idleRss };
  }

  cleanup(): Promise<void> {
    this.cleaningUp ??= (async () => {
      for (const fn of this.onCleanup) fn();
      for (const socket of this.sockets) socket.close();
      this.sockets.clear();
      await this.server?.stop();
      await this.database?.drop().catch((error: Error) => console.error(error.message));
    })();
    return this.cleaningUp;
  }

  async fail(message: string): Promise<never> {
    console.error(message);
    if (this.server) console.error(`--- last server output ---\n${this.server.log()}`);
    await this.cleanup();
    process.exit(1);
  }
}
