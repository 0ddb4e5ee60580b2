import { cookies } from "next/headers";
import { cache } from "react";
import { actorFromCookieHeader } from "./session";

/** The signed-in actor for server components and route handlers, read once per request. */
export const getActor = cache(async () => {
  const cookieHeader = (await cookies())
    .getAll()
    .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`)
    .join("; ");
  return actorFromCookieHeader(cookieHeader);
});
