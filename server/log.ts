import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

const CENSOR = "[redacted]";

/** Keys whose values never reach a log line, at the top level or one level down (`*.x`). */
const SECRET_KEYS = [
  "password",
  "newPassword",
  "passwordHash",
  "token",
  "tokenHash",
  "csrfToken",
  "sessionToken",
  "secret",
  "NEXTAUTH_SECRET",
  "cookie",
  "authorization",
];
export const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
  ...["headers", "*.headers"].flatMap((at) => [`${at}.cookie`, `${at}["set-cookie"]`, `${at}.authorization`, `${at}["x-gdst-path"]`]),
];

// Error messages are free text: Prisma prints the arguments of a failed call, drivers print their URL.
const SECRET_IN_TEXT = /\b(password|passwordHash|token|tokenHash|csrfToken|sessionToken|secret|cookie|authorization)(["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;}]+)/gi;
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*:)[^@/?#\s]+@/gi;

/** Masks `key: value` pairs of secret keys, URL passwords and the session secret in free text. */
export function scrubSecrets(text: string): string {
  let result = text.replace(SECRET_IN_TEXT, `$1$2${CENSOR}`).replace(URL_CREDENTIALS, `$1${CENSOR}@`);
  const sessionSecret = process.env.NEXTAUTH_SECRET;
  if (sessionSecret && sessionSecret.length >= 8) result = result.split(sessionSecret).join(CENSOR);
  return result;
}

function serializeError(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error) as ReturnType<typeof pino.stdSerializers.err> | undefined;
  if (!serialized || typeof serialized !== "object") return serialized;
  if (typeof serialized.message === "string") serialized.message = scrubSecrets(serialized.message);
  if (typeof serialized.stack === "string") serialized.stack = scrubSecrets(serialized.stack);
  return serialized;
}

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

export function levelFromEnv(value = process.env.LOG_LEVEL): string {
  const level = value?.trim().toLowerCase();
  return level && LEVELS.has(level) ? level : "info";
}

/** The logger with this app's settings; `destination` is for tests (default: stdout, synchronous). */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? levelFromEnv(),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      serializers: { err: serializeError, error: serializeError },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

interface LogState {
  root: Logger;
  context: AsyncLocalStorage<Logger>;
}

// Next's server bundle loads its own copy of this module: like the database handle, the logger
// and the request context live on globalThis, so route handlers log with the request's id.
const globalForLog = globalThis as typeof globalThis & { __gdstLog?: LogState };
function state(): LogState {
  if (!globalForLog.__gdstLog) {
    const root = createLogger();
    const wanted = process.env.LOG_LEVEL?.trim();
    if (wanted && levelFromEnv(wanted) !== wanted.toLowerCase()) {
      root.warn(`LOG_LEVEL „${wanted.slice(0, 20)}“ ist unbekannt; es gilt „info“ (möglich: ${[...LEVELS].join(", ")}).`);
    }
    globalForLog.__gdstLog = { root, context: new AsyncLocalStorage<Logger>() };
  }
  return globalForLog.__gdstLog;
}

/** The current request's or socket event's logger (it carries `reqId`), else the root logger. */
export function log(): Logger {
  const current = state();
  return current.context.getStore() ?? current.root;
}

/** Runs `run` with a child logger carrying `bindings`; everything it calls logs through it. */
export function withLogContext<T>(bindings: { reqId: string } & Record<string, unknown>, run: (logger: Logger) => T): T {
  const current = state();
  const child = current.root.child(bindings);
  return current.context.run(child, () => run(child));
}

/** Replaces the root logger, e.g. to capture the output in a test. */
export function setLogger(logger: Logger): void {
  state().root = logger;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** An incoming x-request-id when short and harmless (a proxy's id), else a new one. */
export function requestId(incoming?: string | string[] | null): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}
