/**
 * The Content-Security-Policy of every response the proxy sees. Scripts run only with this
 * response's nonce (Next reads it from the request's CSP header and puts it on its own scripts);
 * 'strict-dynamic' lets those load the chunks they import.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; tls: boolean }): string {
  return [
    "default-src 'self'",
    // React needs eval in development only, for its server error stacks
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // server-rendered style attributes (phase colours, chart boxes) are inline styles; a nonce would disable 'unsafe-inline'
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // 'self' includes the same origin's ws:/wss: (CSP Level 3), which Socket.IO uses
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.tls ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A nonce per response: 128 random bits, base64. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
