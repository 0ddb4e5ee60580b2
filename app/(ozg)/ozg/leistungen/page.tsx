import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DemoNotice } from "@/app/_components/ozg/demo-notice";
import { OzgServiceTable } from "@/app/_components/ozg/ozg-service-table";
import { OzgTableFilters } from "@/app/_components/ozg/ozg-table-filters";
import { OzgTabs } from "@/app/_components/ozg/ozg-tabs";
import { requireOzgReader } from "@/app/_components/ozg/require-ozg-reader";
import { buttonClass } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Pagination } from "@/app/_components/ui/pagination";
import { formatCount } from "@/app/_lib/format";
import { can } from "@/server/auth/policy";
import { ozgExportHref, ozgTableHref, parseOzgTableParams, type OzgTableParams } from "@/server/schemas/ozg-params";
import { ozgTableView } from "@/server/services/ozg/table-view";

export const metadata: Metadata = { title: "OZG-Leistungen" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const queryOf = (raw: Record<string, string | string[] | undefined>) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) for (const entry of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, entry);
  const text = query.toString();
  return text ? `?${text}` : "";
};

/** Every OZG service, filtered, sorted and paged on the server: the whole view lives in the URL. */
export default async function OzgServicesPage({ searchParams }: Props) {
  const { actor } = await requireOzgReader("/ozg/leistungen");
  const raw = await searchParams;
  const parsed = parseOzgTableParams(raw);
  const view = await ozgTableView(actor, parsed);
  const params: OzgTableParams = { ...parsed, page: view.page };
  // a submitted form (empty fields, repeated names) or a page past the end: the same view under its short URL
  const canonical = ozgTableHref(params);
  if (canonical !== `/ozg/leistungen${queryOf(raw)}`) redirect(canonical);
  const isFiltered = ozgTableHref({ ...params, sort: undefined, direction: undefined, page: 1 }) !== "/ozg/leistungen";
  return (
    <>
      <PageHeader
        title="OZG-Leistungen"
        lead="Alle Leistungen des OZG-Umsetzungskatalogs mit ihrem Umsetzungsstand in Sachsen-Anhalt."
        actions={
          <>
            <a href={ozgExportHref("csv", params)} className={buttonClass("secondary")} download>
              CSV herunterladen
            </a>
            <a href={ozgExportHref("xlsx", params)} className={buttonClass("secondary")} download>
              Excel herunterladen
            </a>
          </>
        }
      />
      <DemoNotice isDemoData={view.settings.isDemoData} />
      <OzgTabs current="table" showImport={!!actor && can(actor, "ozg.import")} />
      <OzgTableFilters params={params} options={view.options} />
      <section aria-labelledby="ozg-results" className="min-w-0">
        <h2 id="ozg-results" className="sr-only">
          Leistungen
        </h2>
        <p role="status" className="mb-3 text-slate-700">
          <strong>
            {formatCount(view.total)} von {formatCount(view.catalogueTotal)} Leistungen
          </strong>
          {view.pageCount > 1 && ` · Seite ${view.page} von ${view.pageCount}`}
        </p>
        {view.rows.length ? (
          <>
            <OzgServiceTable rows={view.rows} params={params} />
            <Pagination page={view.page} pageCount={view.pageCount} baseUrl={ozgTableHref({ ...params, page: 1 })} label="Seiten der Leistungen" />
          </>
        ) : (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
            <p>Keine Leistung passt zu {isFiltered ? "diesen Filtern" : "dieser Ansicht"}.</p>
            <p className="mt-1 text-sm">
              {params.query ? `Prüfen Sie die Schreibweise von „${params.query}“, suchen Sie nach einem Wortteil oder lassen Sie einzelne Filter weg. ` : "Lassen Sie einzelne Filter weg. "}
              <Link href={ozgTableHref({ sort: params.sort, direction: params.direction })} className="font-semibold text-brand-700 underline">
                Filter zurücksetzen
              </Link>
            </p>
          </div>
        )}
      </section>
    </>
  );
}
