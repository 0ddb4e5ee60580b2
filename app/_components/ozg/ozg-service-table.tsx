import Link from "next/link";
import { ozgAvailabilityInfo, ozgPriorityLabels, ressortName, type OzgPriority, type OzgSort } from "@/server/schemas/ozg";
import { defaultOzgSortDirection, ozgServiceHref, ozgTableHref, type OzgTableParams } from "@/server/schemas/ozg-params";
import type { OzgServiceRow } from "@/server/services/ozg/list-services";
import { PhaseBadge } from "./phase-badge";

const columns: { label: string; sort: OzgSort; className?: string }[] = [
  { label: "OZG-ID", sort: "ozgId" },
  { label: "Leistung", sort: "name", className: "min-w-56" },
  { label: "Themenfeld / Lage", sort: "themenfeld", className: "min-w-48" },
  { label: "Ressort", sort: "ressort" },
  { label: "Priorität", sort: "priority" },
  { label: "Phase", sort: "phase" },
  { label: "Umsetzungsmodell", sort: "implementationModel", className: "min-w-36" },
  { label: "Fokus", sort: "isFocus" },
  { label: "Verfügbarkeit", sort: "availability" },
];

/** A column header that sorts: the first click in the column's natural direction, the next reverses it. */
function SortHeader({ column, params }: { column: (typeof columns)[number]; params: OzgTableParams }) {
  const isCurrent = params.sort === column.sort;
  const next = isCurrent ? (params.direction === "asc" ? "desc" : "asc") : defaultOzgSortDirection(column.sort);
  return (
    <th
      scope="col"
      aria-sort={isCurrent ? (params.direction === "asc" ? "ascending" : "descending") : undefined}
      className={`px-3 py-2 text-left align-bottom font-semibold whitespace-nowrap ${column.className ?? ""}`}
    >
      <Link href={ozgTableHref({ ...params, sort: column.sort, direction: next, page: 1 })} className="inline-flex items-center gap-1 text-brand-800 hover:underline">
        {column.label}
        <span aria-hidden="true" className={isCurrent ? "text-brand-700" : "text-slate-400"}>
          {isCurrent ? (params.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">
          {isCurrent ? `, sortiert ${params.direction === "asc" ? "aufsteigend" : "absteigend"}; umkehren` : ", danach sortieren"}
        </span>
      </Link>
    </th>
  );
}

/**
 * The services as a table. On narrow screens the table scrolls inside its own region (focusable, so
 * keyboards can scroll it too) and the page itself never scrolls sideways.
 */
export function OzgServiceTable({ rows, params }: { rows: OzgServiceRow[]; params: OzgTableParams }) {
  return (
    <div role="region" aria-labelledby="ozg-table-caption" tabIndex={0} className="relative max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-3 focus-visible:outline-brand-600">
      <table className="w-full border-collapse text-sm">
        <caption id="ozg-table-caption" className="sr-only">
          OZG-Leistungen
        </caption>
        <thead className="border-b-2 border-slate-300 bg-slate-50">
          <tr>
            {columns.map((column) => (
              <SortHeader key={column.sort} column={column} params={params} />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.ozgId} className="align-top hover:bg-slate-50">
              <td className="px-3 py-2 font-mono whitespace-nowrap text-slate-700">{row.ozgId}</td>
              <td className="px-3 py-2">
                <Link href={ozgServiceHref(row.ozgId)} className="font-semibold text-brand-700 hover:underline">
                  {row.name}
                </Link>
              </td>
              <td className="px-3 py-2">
                <span className="block text-xs font-semibold text-slate-600">{row.themenfeld}</span>
                {row.lage}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {row.ressort ? (
                  <abbr title={ressortName(row.ressort) ?? undefined} className="no-underline">
                    {row.ressort}
                  </abbr>
                ) : (
                  <Missing />
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{row.priority ? ozgPriorityLabels[row.priority as OzgPriority] ?? row.priority : <Missing />}</td>
              <td className="px-3 py-2">
                <PhaseBadge phase={row.phase} short />
              </td>
              <td className="px-3 py-2">{row.implementationModel ?? <Missing />}</td>
              <td className="px-3 py-2 whitespace-nowrap">{row.isFocus ? "Fokus" : <span className="text-slate-500">nein</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap">{ozgAvailabilityInfo[row.availability].label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Missing() {
  return (
    <span className="text-slate-500">
      <span aria-hidden="true">–</span>
      <span className="sr-only">keine Angabe</span>
    </span>
  );
}
