import type { ReactNode } from "react";
import { AppHeader } from "@/app/_components/shell/app-header";
import { ConnectionBanner } from "@/app/_components/shell/connection-banner";
import { LiveAnnouncer } from "@/app/_components/shell/live-announcer";
import { SocketProvider } from "@/app/_lib/socket";
import { can, type Actor } from "@/server/auth/policy";
import { openReportCount } from "@/server/services/reports/open-report-count";

/** Header, live connection and footer of every page for someone signed in. */
export async function SignedInShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const openReports = can(actor, "report.moderate") ? await openReportCount(actor) : null;
  return (
    <SocketProvider>
      <AppHeader actor={actor} openReports={openReports} />
      <ConnectionBanner />
      <main id="inhalt" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-sm text-slate-600">
        Gemeinsam Digital für Sachsen-Anhalt – Kollaborationsplattform der Kommunen und des Landes
      </footer>
      <LiveAnnouncer />
    </SocketProvider>
  );
}

/** Where the sign-in page sends someone back to: the page they asked for. */
export function signInPath(path: string): string {
  return path === "/" || !path.startsWith("/") ? "/anmelden" : `/anmelden?callbackUrl=${encodeURIComponent(path)}`;
}
