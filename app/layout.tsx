import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "./_lib/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "GDST-Plattform", template: "%s · GDST-Plattform" },
  description: "Kollaborationsplattform von Gemeinsam Digital für Sachsen-Anhalt",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // rendered per request, never at build time: only then can Next put the response's CSP nonce on its scripts
  await connection();
  return (
    <html lang="de">
      <body className="min-h-screen font-sans">
        <a
          href="#inhalt"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Zum Inhalt springen
        </a>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
