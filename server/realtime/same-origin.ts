import type { IncomingMessage } from "node:http";

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value?.split(",")[0])?.trim() || undefined;

/**
 * The origin browsers use for this app: NEXTAUTH_URL's when set (the public address behind a
 * proxy), else the host the request was addressed to, with the proxy's scheme.
 */
export function ownOrigin(req: IncomingMessage): string | undefined {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  const host = first(req.headers["x-forwarded-host"]) ?? first(req.headers.host);
  if (!host) return undefined;
  const proto = first(req.headers["x-forwarded-proto"]) === "https" ? "https" : "http";
  return `${proto}://${host}`.toLowerCase();
}

/**
 * Whether a Socket.IO handshake may proceed. Browsers always send Origin on WebSocket and
 * cross-origin requests, so a foreign one is another site's page riding on the session cookie.
 * Clients without Origin are not browsers (load tests, the scale-out harness) and bring their own cookie.
 */
export function isSameOriginHandshake(req: IncomingMessage): boolean {
  const origin = first(req.headers.origin);
  if (!origin) return true;
  return origin.toLowerCase() === ownOrigin(req);
}
