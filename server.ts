import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { ensureAuthSecret } from "./server/auth/secret";
import { DEMO_PASSWORD, demoAccounts } from "./seeds/demo";
import { startDatabase } from "./server/db/start-database";
import { env } from "./server/env";
import { log, scrubSecrets } from "./server/log";
import { attachSocketServer } from "./server/realtime/io";
import { withRequestLog } from "./server/request-log";
import { closeRedisPings } from "./server/lifecycle/redis-ping";
import { shutdownGracefully } from "./server/lifecycle/shutdown";
import { closeSocketServer } from "./server/lifecycle/close-sockets";
import { workFinished } from "./server/lifecycle/in-flight";
import { isShuttingDown } from "./server/lifecycle/state";
import { runOnBuildConfig } from "./server/lifecycle/next-build-config";
import { startDigestScheduler } from "./server/services/notifications/digest-scheduler";
import { startUploadSweeper } from "./server/services/attachments/sweep-uploads";
import { renderedKindLabels, renderedKinds, rerenderStale } from "./server/services/posts/rerender-posts";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const dir = import.meta.dirname;
const isDev = process.argv.includes("--dev");

ensureAuthSecret();
// Without a configured public URL, next-auth builds its URLs from the Host header of each request.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = "1";

if (!isDev) {
  if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    log().fatal("Es gibt noch keinen Build: bitte `npm run build` ausführen (npm start tut das automatisch).");
    process.exit(1);
  }
  try {
    runOnBuildConfig(dir);
  } catch (error) {
    log().fatal((error as Error).message);
    process.exit(1);
  }
}

let database: Awaited<ReturnType<typeof startDatabase>>;
try {
  database = await startDatabase();
} catch (error) {
  // the message says what to do; the stack only helps a developer
  log().fatal(`GDST-Plattform kann nicht starten: ${scrubSecrets((error as Error).message)}`);
  log().debug({ err: error }, "start failed");
  process.exit(1);
}
if (database.migrationsApplied.length) log().info(`Migrationen angewendet: ${database.migrationsApplied.join(", ")}`);
if (database.demoSeeded) {
  log().info(`Demo-Zugänge angelegt, Passwort „${DEMO_PASSWORD}“: ${demoAccounts.map((account) => account.email).join(", ")} (Rollen im README)`);
}
// before serving: a sanitiser fix must reach every stored post before anyone reads one
for (const kind of renderedKinds) {
  const rerendered = await rerenderStale(kind);
  if (rerendered) log().info(`${rerendered} ${renderedKindLabels[kind]} mit der aktuellen Markdown-Darstellung neu erzeugt.`);
}
// uploads never sent with a post are removed after a day: now, then hourly
const uploadSweeper = startUploadSweeper();

/** No route matches this: Next renders the German not-found page with status 404. */
const NOT_FOUND_PATH = "/seite-nicht-gefunden";

function isDecodablePath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return true;
  } catch {
    return false;
  }
}

const app = next({ dev: isDev, dir, port: env.port });
await app.prepare();
const handle = app.getRequestHandler();

const httpServer = createServer(
  withRequestLog((req, res) => {
    // behind a TLS proxy x-forwarded-proto says https; served directly it is plain http
    req.headers["x-forwarded-proto"] ??= "http";
    // while shutting down, no connection is kept alive for a next request: it goes to another process
    if (isShuttingDown()) res.setHeader("Connection", "close");
    // Next answers a path it cannot percent-decode with a 500; it names nothing that exists
    if (!isDecodablePath(req.url)) req.url = NOT_FOUND_PATH;
    // the signed-in layout sends visitors to sign-in with this path, to bring them back afterwards
    req.headers["x-gdst-path"] = req.url ?? "/";
    return handle(req, res);
  }),
);
// Node closes an idle kept-alive connection after 5 s, and a client that sends its next request on it
// at that moment gets ECONNRESET: idle connections are kept longer here than a proxy keeps them (nginx 60 s)
httpServer.keepAliveTimeout = 65_000;
httpServer.headersTimeout = 66_000;
const io = await attachSocketServer(httpServer, { redisUrl: env.redisUrl });
const digests = startDigestScheduler();

httpServer.listen(env.port, () => {
  const where = env.databaseUrl ? "PostgreSQL" : `eingebettete Datenbank in ${env.dataDir}`;
  log().info(`GDST-Plattform läuft auf http://localhost:${env.port} (${where}${env.redisUrl ? ", Redis" : ""})`);
});

// graceful shutdown (README, Betrieb): SIGTERM from a rolling restart or the orchestrator
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log().info(`${signal}: GDST-Plattform wird beendet …`);
  // the last resort when a step hangs: the grace period plus time to close the database
  const force = setTimeout(() => process.exit(1), env.shutdownGraceMs + 5_000);
  force.unref();
  const { drained } = await shutdownGracefully({
    httpServer,
    closeSockets: () => closeSocketServer(io),
    stopTimers: () => {
      digests.stop();
      clearInterval(uploadSweeper);
    },
    workFinished,
    closeDatabase: async () => {
      await closeRedisPings();
      await database.close();
    },
    graceMs: env.shutdownGraceMs,
    onProgress: (message) => log().info(message),
  });
  log().info(drained ? "GDST-Plattform beendet." : "GDST-Plattform beendet (nicht alle Anfragen konnten abgeschlossen werden).");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
