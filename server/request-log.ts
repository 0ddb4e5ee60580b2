import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { requestId, withLogContext } from "./log";

/** Path segments that follow these carry a secret: the invitation link is /einladung/<token>. */
const SECRET_AFTER_SEGMENT = new Set(["einladung"]);
const MAX_PATH_LENGTH = 300;

/** The path of a request URL for the log: no query string (tRPC inputs, callback URLs) and no tokens. */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/, 1)[0] || "/";
  const segments = path.split("/");
  for (let i = 1; i < segments.length; i++) {
    let previous = segments[i - 1];
    try {
      previous = decodeURIComponent(previous);
    } catch {
      // a malformed escape is logged as it came
    }
    if (segments[i] && SECRET_AFTER_SEGMENT.has(previous.toLowerCase())) segments[i] = "[redacted]";
  }
  const masked = segments.join("/");
  return masked.length > MAX_PATH_LENGTH ? `${masked.slice(0, MAX_PATH_LENGTH)}…` : masked;
}

/** Asset and health-check requests would drown the rest: they are logged at debug level only. */
const isRoutine = (path: string) => path.startsWith("/_next/static/") || ["/api/health", "/icon.svg", "/favicon.ico"].includes(path);

/**
 * Wraps the HTTP handler: a request id (kept from a safe incoming x-request-id, sent back in the
 * response header), a logger context for everything the request runs, and one line per request.
 */
export function withRequestLog(handler: (req: IncomingMessage, res: ServerResponse) => unknown) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const reqId = requestId(req.headers["x-request-id"]);
    res.setHeader("x-request-id", reqId);
    const started = performance.now();
    withLogContext({ reqId }, (logger) => {
      res.once("close", () => {
        const path = loggablePath(req.url);
        const status = res.statusCode;
        const line = { method: req.method, path, status, ms: Math.round(performance.now() - started), ...(res.writableFinished ? {} : { aborted: true }) };
        if (status >= 500) logger.error(line, "request");
        else if (isRoutine(path)) logger.debug(line, "request");
        else logger.info(line, "request");
      });
      return handler(req, res);
    });
  };
}
