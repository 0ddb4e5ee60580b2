import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ReportQueue } from "@/app/_components/moderation/report-queue";
import { PageHeader } from "@/app/_components/ui/page-header";
import { firstParam } from "@/app/_lib/search-params";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { parsePageParam } from "@/server/schemas/paging";
import { listReports } from "@/server/services/reports/list-reports";

export const metadata: Metadata = { title: "Meldungen" };

type Props = { searchParams: Promise<{ status?: string | string[]; seite?: string | string[] }> };

export default async function ReportsPage({ searchParams }: Props) {
  const actor = await getActor();
  if (!actor || !can(actor, "report.moderate")) forbidden();
  const query = await searchParams;
  // anything but "erledigt" is the open queue: a pasted or mistyped address still shows the queue
  const status = firstParam(query.status) === "erledigt" ? "DONE" : "OPEN";
  const page = await listReports(actor, { status, page: parsePageParam(query.seite) });
  return (
    <>
      <PageHeader
        title="Meldungen"
        lead="Beiträge, die Teilnehmende der Moderation gemeldet haben. Schließen Sie jede Meldung mit einem Ergebnis ab: die meldende Person erfährt es."
      />
      <ReportQueue key={`${page.status}-${page.page}`} initialPage={page} />
    </>
  );
}
