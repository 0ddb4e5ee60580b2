import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { BoardFilters } from "@/app/_components/spotlights/board-filters";
import { SpotlightBoard } from "@/app/_components/spotlights/spotlight-board";
import { buttonClass } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { berlinDay } from "@/server/schemas/calendar-day";
import { parseSpotlightParams, spotlightBoardHref, spotlightExportHref, spotlightParamsQuery, type SpotlightBoardParams } from "@/server/schemas/spotlight-params";
import { spotlightBoardState } from "@/server/services/spotlights/board-state";
import { listSpotlights } from "@/server/services/spotlights/list-spotlights";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const actor = await getActor();
  return { title: can(actor, "spotlight.read") ? "Spotlights" : "Kein Zugriff" };
}

const viewLinkClass = "inline-flex min-h-10 items-center px-4 py-2 text-sm font-semibold";

function ViewSwitch({ params }: { params: SpotlightBoardParams }) {
  const views = [
    { view: "board" as const, label: "Board" },
    { view: "liste" as const, label: "Liste" },
  ];
  return (
    <nav aria-label="Ansicht" className="mb-3">
      <ul className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white">
        {views.map(({ view, label }) => {
          const isCurrent = params.ansicht === view;
          return (
            <li key={view} className="border-slate-300 not-first:border-l">
              <Link
                href={spotlightBoardHref({ ...params, ansicht: view })}
                aria-current={isCurrent ? "page" : undefined}
                className={`${viewLinkClass} ${isCurrent ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-brand-50"}`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export default async function SpotlightsPage({ searchParams }: Props) {
  const actor = await getActor();
  if (!actor || !can(actor, "spotlight.read")) forbidden();
  const { params, input, options } = await spotlightBoardState(actor, parseSpotlightParams(await searchParams));
  const spotlights = await listSpotlights(actor, input);
  const isReader = !can(actor, "internal.read");
  const columns = params.status.length ? options.statuses.filter((status) => params.status.includes(status)) : options.statuses;
  return (
    <>
      <PageHeader
        title="Spotlights"
        lead={
          isReader
            ? "Anliegen der Kommunen an die Landesverwaltung: aufgenommen, weitergeleitet und mit den Antworten der Ressorts."
            : "Was die Arbeitsgruppen an die zuständigen Stellen herantragen – vom Vorschlag bis zur Antwort des Ressorts."
        }
        actions={
          <>
            {can(actor, "spotlight.propose") && (
              <Link href="/spotlights/neu" className={buttonClass("primary")}>
                Spotlight vorschlagen
              </Link>
            )}
            {can(actor, "spotlight.export") && (
              // a download, not a page: a plain link, so the browser saves the file
              <a href={spotlightExportHref(params)} className={buttonClass("secondary")} download>
                CSV exportieren
              </a>
            )}
          </>
        }
      />
      <BoardFilters params={params} options={options} organisation={actor.organisation} />
      <ViewSwitch params={params} />
      {/* keyed by the state: following a filter or sort link starts from that state's spotlights */}
      <SpotlightBoard
        key={spotlightParamsQuery(params)}
        initialSpotlights={spotlights}
        filter={input}
        params={params}
        columns={columns}
        organisation={actor.organisation}
        today={berlinDay()}
      />
    </>
  );
}
