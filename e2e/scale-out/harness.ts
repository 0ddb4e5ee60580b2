// Shared by the scale-out test and the realtime benchmark: starts the real server (server.ts) as a
// child process, signs in through next-auth's credentials endpoint and talks tRPC and Socket.IO to it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { io, type Socket } from "socket.io-client";
import { serverProcessEnv } from "../../scripts/server-env.mjs";
import type { ClientEvents, ServerEvents } from "../../server/realtime/events.ts";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DEMO_PASSWORD = "gdst-demo";
export const PARTICIPANT = "teilnehmer@gdst.example";

export type ClientSocket = Socket<ServerEvents, ClientEvents>;

export interface ServerProcess {
  url: string;
  port: number;
  /** pid of the node process that runs server.ts (no wrapper in between) */
  pid: number;
  child: ChildProcess;
  dataDir: string;
  /** the last lines the server printed, for failure messages */
  log(): string;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; removes the temp data dir */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once (a crashed process); the data dir stays until stop() */
  kill(): Promise<void>;
}

export interface StartOptions {
  port: number;
  secret: string;
  /** extra environment, e.g. DATABASE_URL, SEED_DEMO, REDIS_URL, REDIS_KEY_PREFIX */
  env?: Record<string, string>;
  /** how long to wait for /api/health */
  timeoutMs?: number;
  /** a short name in the log prefix */
  name?: string;
  /** also print the server's output live */
  echo?: boolean;
  /** extra node options before the script, e.g. ["--cpu-prof"] */
  nodeArgs?: string[];
  /** what node runs after `nodeArgs`: by default the compiled server, as production runs it */
  entry?: string[];
}

/**
 * Starts the compiled server as `npm start` does (its environment from scripts/server-env.mjs), as one
 * plain node process, so `pid` is the real server: SIGKILL hits it directly and /proc/<pid>/status
 * shows its memory.
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `gdst-${options.name ?? "server"}-`));
  const lines: string[] = [];
  const env: NodeJS.ProcessEnv = serverProcessEnv();
  // nothing inherited may point the server elsewhere than asked
  for (const name of ["DATABASE_URL", "REDIS_URL", "REDIS_KEY_PREFIX", "NEXTAUTH_URL", "SEED_DEMO", "DATABASE_POOL_SIZE"]) delete env[name];
  Object.assign(env, {
    PORT: String(options.port),
    DATA_DIR: dataDir,
    NEXTAUTH_SECRET: options.secret,
    // scale-out tests and benches post many times from few users; rate-limit.test.ts checks the limit
    POST_RATE_LIMIT_PER_MINUTE: "1000000",
    REACTION_RATE_LIMIT_PER_MINUTE: "1000000",
    ...options.env,
  });
  const entry = options.entry ?? ["dist/server.mjs"];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env });
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      if (options.echo) console.log(`[${options.name ?? "server"}] ${line}`);
    }
  };
  child.stdout!.on("data", remember);
  child.stderr!.on("data", remember);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const url = `http://127.0.0.1:${options.port}`;
  const server: ServerProcess = {
    url,
    port: options.port,
    pid: child.pid!,
    child,
    dataDir,
    log: () => lines.slice(-40).join("\n"),
    exited,
    async stop(graceMs = 12_000) {
      if (!hasExited) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      if (!hasExited) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };

  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    if (hasExited) {
      await server.stop();
      throw new Error(`server on port ${options.port} exited during start:\n${server.log()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      const body = (await response.json()) as { status?: string };
      if (response.status === 200 && body.status === "ok") return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`server on port ${options.port} not healthy in time:\n${server.log()}`);
    }
    await sleep(250);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resident memory of a process in MiB, from /proc (Linux only); null when it is gone. */
export function rssMiB(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** name=value pairs of every Set-Cookie of a response, merged into `jar`. */
function collectCookies(response: Response, jar: Map<string, string>) {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0];
    const index = pair.indexOf("=");
    if (index > 0) jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/**
 * Signs in through next-auth's credentials endpoint (GET /api/auth/csrf, then POST the form) and
 * returns a Cookie header with the session token; it authenticates HTTP and the Socket.IO handshake.
 */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const attempt = await trySignIn(baseUrl, email, password);
  if (!attempt.cookie) throw new Error(`sign-in of ${email} failed: HTTP ${attempt.status}, no session cookie`);
  return attempt.cookie;
}

/** One sign-in attempt as `signIn` makes it; `cookie` is null when the server refused it. */
export async function trySignIn(baseUrl: string, email: string, password: string): Promise<{ cookie: string | null; status: number }> {
  const jar = new Map<string, string>();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  collectCookies(csrfResponse, jar);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  collectCookies(response, jar);
  await response.body?.cancel();
  const session = jar.get("next-auth.session-token");
  return { cookie: session ? `next-auth.session-token=${session}` : null, status: response.status };
}

/** The signed-in user's e-mail as the server sees the cookie (null when not signed in). */
export async function sessionEmail(baseUrl: string, cookie: string): Promise<string | null> {
  const response = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
  const body = (await response.json()) as { user?: { email?: string } };
  return body.user?.email ?? null;
}

/** Calls a tRPC procedure over HTTP (no transformer); throws with the server's message on an error. */
export async function trpc<T = any>(baseUrl: string, cookie: string, procedure: string, input: unknown, kind: "query" | "mutation" = "query"): Promise<T> {
  const response =
    kind === "mutation"
      ? await fetch(`${baseUrl}/api/trpc/${procedure}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify(input),
        })
      : await fetch(`${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!response.ok || !body.result) throw new Error(`tRPC ${procedure}: HTTP ${response.status} ${body.error?.message ?? ""}`);
  return body.result.data;
}

/** The seeded thread of a working group (default "technik"): its id and current seq. */
export async function seededThread(baseUrl: string, cookie: string, slug = "technik"): Promise<{ id: string; groupId: string }> {
  const group = await trpc<{ id: string }>(baseUrl, cookie, "group.bySlug", { slug });
  const { threads } = await trpc<{ threads: { id: string; isLocked: boolean }[] }>(baseUrl, cookie, "group.threads", { groupId: group.id });
  const thread = threads.find((t) => !t.isLocked);
  if (!thread) throw new Error(`no open thread in group ${slug}`);
  return { id: thread.id, groupId: group.id };
}

/** A connected, authenticated Socket.IO client of its own (no multiplexing). */
export async function connectSocket(baseUrl: string, cookie: string, options: { reconnection?: boolean; timeoutMs?: number } = {}): Promise<ClientSocket> {
  const socket: ClientSocket = io(baseUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { cookie },
    forceNew: true,
    reconnection: options.reconnection ?? false,
    timeout: options.timeoutMs ?? 20_000,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => {
      socket.close();
      reject(new Error(`socket to ${baseUrl} refused: ${error.message}`));
    });
  });
  return socket;
}

type AckedEvent = "thread.watch" | "group.watch" | "activity.watch" | "post.create" | "thread.typing";
type AckResult<E extends AckedEvent> = Parameters<Parameters<ClientEvents[E]>[1]>[0];
type AckData<E extends AckedEvent> = Extract<AckResult<E>, { ok: true }>["data"];

/** Emits a client event and waits for its acknowledgement; throws on `{ ok: false }` or a timeout. */
export async function request<E extends AckedEvent>(
  socket: ClientSocket,
  name: E,
  input: Parameters<ClientEvents[E]>[0],
  timeoutMs = 20_000,
): Promise<AckData<E>> {
  const response = (await (socket.timeout(timeoutMs).emitWithAck as (event: string, data: unknown) => Promise<unknown>)(name, input)) as AckResult<E>;
  if (!response.ok) throw new Error(`${name}: ${response.error.code} ${response.error.message}`);
  return response.data as AckData<E>;
}

/** Removes every Redis key a test run wrote under its prefix; a failure is reported, not thrown. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = createClient({ url: redisUrl });
  redis.on("error", () => {});
  try {
    await redis.connect();
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      const keys = ([] as string[]).concat(batch as string | string[]);
      if (keys.length) await redis.del(keys);
    }
  } catch (error) {
    console.error(`could not clean Redis keys ${prefix}*: ${(error as Error).message}`);
  } finally {
    await redis.quit().catch(() => {});
  }
}
