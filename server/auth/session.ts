import { decode } from "next-auth/jwt";
import { db } from "../db";
import type { Actor } from "./policy";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function parseCookies(header: string | undefined | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    const name = part.slice(0, Math.max(index, 0)).trim();
    if (!name) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(index + 1).trim()));
    } catch {
      // a malformed cookie of someone else's is not ours to fail on
    }
  }
  return cookies;
}

/** next-auth splits large cookies into name.0, name.1, …; ours are small, but be exact. */
function sessionToken(cookies: Map<string, string>): string | undefined {
  for (const name of SESSION_COOKIES) {
    if (cookies.has(name)) return cookies.get(name);
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join("");
  }
  return undefined;
}

export const actorSelect = {
  id: true,
  name: true,
  email: true,
  organisation: true,
  role: true,
  deactivatedAt: true,
  sessionVersion: true,
} as const;

/** The Actor of a user row read with (at least) these fields. */
export const toActor = (user: Pick<Actor, keyof Actor>): Actor => ({ id: user.id, name: user.name, email: user.email, organisation: user.organisation, role: user.role });

/**
 * The actor behind a request, re-read from the database on every call: a deactivated user or one
 * whose role changed (sessionVersion bumped) is no longer honoured, whatever the cookie says.
 */
export async function actorFromCookieHeader(cookieHeader: string | undefined | null): Promise<Actor | null> {
  const token = sessionToken(parseCookies(cookieHeader));
  if (!token || !process.env.NEXTAUTH_SECRET) return null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: process.env.NEXTAUTH_SECRET });
  } catch {
    return null;
  }
  if (!payload?.sub) return null;
  const user = await db().user.findUnique({ where: { id: payload.sub }, select: actorSelect });
  if (!user || user.deactivatedAt || user.sessionVersion !== payload.sv) return null;
  return toActor(user);
}
