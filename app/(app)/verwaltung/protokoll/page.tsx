import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { AuditEntries } from "@/app/_components/admin/audit-log";
import { buttonClass } from "@/app/_components/ui/button";
import { plainControlClass, SelectField } from "@/app/_components/ui/field";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Pagination } from "@/app/_components/ui/pagination";
import { firstParam } from "@/app/_lib/search-params";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { auditActionLabels, auditActions, isAuditAction } from "@/server/schemas/audit";
import { parseDayRange } from "@/server/schemas/calendar-day";
import { parsePageParam } from "@/server/schemas/paging";
import { auditActors, listAuditEntries } from "@/server/services/audit/list-audit";

export const metadata: Metadata = { title: "Protokoll" };

type Param = string | string[] | undefined;
type Props = { searchParams: Promise<{ art?: Param; person?: Param; von?: Param; bis?: Param; seite?: Param }> };

/** Dates become ISO strings, exactly as tRPC sends them to the client. */
const asJson = <T,>(value: T) => JSON.parse(JSON.stringify(value));


export default async function AuditPage({ searchParams }: Props) {
  const actor = await getActor();
  if (!actor || !can(actor, "audit.read")) forbidden();
  const query = await searchParams;
  const people = await auditActors(actor);
  // what the address asks for, where it can be met; anything else is left out, never an error page
  const art = firstParam(query.art);
  const person = firstParam(query.person);
  const period = parseDayRange(firstParam(query.von), firstParam(query.bis));
  const filter = {
    action: isAuditAction(art) ? art : undefined,
    actorId: people.some((p) => p.id === person) ? person : undefined,
    from: period.von,
    to: period.bis,
  };
  const result = await listAuditEntries(actor, { ...filter, page: parsePageParam(query.seite) });
  const params = new URLSearchParams(
    Object.entries({ art: filter.action, person: filter.actorId, von: filter.from, bis: filter.to }).filter((entry): entry is [string, string] => !!entry[1]),
  );
  const baseUrl = `/verwaltung/protokoll${params.size ? `?${params}` : ""}`;
  const isFiltered = params.size > 0;

  return (
    <>
      <nav aria-label="Brotkrumen" className="mb-3 text-sm">
        <Link href="/verwaltung" className="text-brand-700 underline">
          Verwaltung
        </Link>{" "}
        › Protokoll
      </nav>
      <PageHeader title="Protokoll" lead="Alle Moderations- und Verwaltungsaktionen, die neuesten zuerst. Filtern Sie nach Art, Person und Zeitraum." />
      {/* keyed by the filter: following a link to other filters must show those, not keep what was chosen */}
      <form key={baseUrl} method="get" action="/verwaltung/protokoll" aria-label="Protokoll filtern" className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          label="Art"
          name="art"
          defaultValue={filter.action ?? ""}
          options={[{ value: "", label: "Alle Arten" }, ...auditActions.map((action) => ({ value: action, label: auditActionLabels[action] }))]}
        />
        <SelectField
          label="Person"
          name="person"
          defaultValue={filter.actorId ?? ""}
          options={[{ value: "", label: "Alle Personen" }, ...people.map((p) => ({ value: p.id, label: `${p.name} (${p.organisation})` }))]}
        />
        <div>
          <label htmlFor="filter-von" className="mb-1 block font-medium">
            Von
          </label>
          <input id="filter-von" type="date" name="von" defaultValue={filter.from ?? ""} min="2000-01-01" max="2099-12-31" className={plainControlClass} />
        </div>
        <div>
          <label htmlFor="filter-bis" className="mb-1 block font-medium">
            Bis
          </label>
          <input id="filter-bis" type="date" name="bis" defaultValue={filter.to ?? ""} min="2000-01-01" max="2099-12-31" className={plainControlClass} />
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
          <button type="submit" className={buttonClass("primary")}>
            Filtern
          </button>
          {isFiltered && (
            <Link href="/verwaltung/protokoll" className="font-semibold text-brand-700 underline">
              Filter zurücksetzen
            </Link>
          )}
        </div>
      </form>
      <section aria-labelledby="eintraege" className="space-y-4">
        <h2 id="eintraege" className="text-xl font-semibold">
          {result.total === 1 ? "1 Eintrag" : `${result.total.toLocaleString("de-DE")} Einträge`}
          {isFiltered && " (gefiltert)"}
        </h2>
        <Pagination page={result.page} pageCount={result.pageCount} baseUrl={baseUrl} label="Seiten des Protokolls" />
        <AuditEntries
          entries={asJson(result.entries)}
          empty={isFiltered ? "Keine Einträge passen zu diesem Filter." : "Noch keine Moderations- oder Verwaltungsaktionen."}
        />
        <Pagination page={result.page} pageCount={result.pageCount} baseUrl={baseUrl} label="Seiten des Protokolls" />
      </section>
    </>
  );
}
