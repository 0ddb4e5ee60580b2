import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/app/_components/shell/app-header";
import { ConnectionBanner } from "@/app/_components/shell/connection-banner";
import { LiveAnnouncer } from "@/app/_components/shell/live-announcer";
import { SocketProvider } from "@/app/_lib/socket";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { openReportCount } from "@/server/services/reports/open-report-count";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) {
    const path = (await headers()).get("x-gdst-path") ?? "/";
    redirect(path === "/" || !path.startsWith("/") ? "/anmelden" : `/anmelden?callbackUrl=${encodeURIComponent(path)}`);
  }
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
