import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce } from "./server/http/content-security-policy";

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(createNonce(), {
    dev: process.env.NODE_ENV === "development",
    tls: request.headers.get("x-forwarded-proto") === "https",
  });
  // Next takes the nonce for its scripts from the request's policy
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only. Built assets are not documents. API routes are not either, and some set their own
  // stricter policy (attachments), which a header from here would replace; passing through here
  // would also cap request bodies (uploads) at the proxy's limit.
  matcher: ["/((?!api/|_next/static/|_next/image).*)"],
};
