import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden(): a page a signed-in role may not open answers 403 with app/(…)/forbidden.tsx
  experimental: { authInterrupts: true },
  // server.ts and Next's server bundle must share one PGlite instance and one Prisma runtime
  // @touch4it/ical-timezones reads its zone files next to itself (__dirname), which bundling would move
  // pdfkit reads its standard fonts (AFM files) next to itself at run time as well
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "@prisma/client", "pg", "@touch4it/ical-timezones", "pdfkit"],
  // browsers ask for /favicon.ico on their own (e.g. for a PDF or JSON tab), whatever the page declares
  async redirects() {
    return [{ source: "/favicon.ico", destination: "/icon.svg", permanent: true }];
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // only what came through the TLS proxy: a browser ignores HSTS on plain http, and a direct http setup must stay reachable
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
    ];
  },
};

export default nextConfig;
