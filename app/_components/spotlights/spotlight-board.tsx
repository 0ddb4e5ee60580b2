"use client";
import Link from "next/link";
import { formatGermanDay } from "@/server/schemas/calendar-day";
import type { ListSpotlightsInput, SpotlightSort } from "@/server/schemas/spotlight";
import { isSpotlightOverdue, spotlightReference, spotlightStatusLabels, type SpotlightStatus } from "@/server/schemas/spotlight-lifecycle";
import { defaultSortDirection, spotlightBoardHref, type SpotlightBoardParams } from "@/server/schemas/spotlight-params";
import type { SpotlightDto } from "@/server/services/spotlights/dto";
import { RelativeTime } from "../ui/relative-time";
import { OverdueBadge, StatusBadge } from "./status-badge";
import { useLiveSpotlightList } from "./use-live-spotlight-list";

/** "AG Technik" rather than "Arbeitsgruppe Technik": cards are narrow. */
export const shortGroupName = (name: string) => name.replace(/^Arbeitsgruppe\s+/, "AG ");

const municipalities = (count: number) => (count === 1 ? "1 Kommune" : `${count} Kommunen`);

interface BoardProps {
  initialSpotlights: SpotlightDto[];
  /** the list service's input the page used: live spotlights are matched and sorted by it */
  filter: ListSpotlightsInput;
  params: SpotlightBoardParams;
  /** the board's columns, in life-cycle order */
  columns: readonly SpotlightStatus[];
  /** the viewer's municipality ("von meiner Kommune mitgezeichnet") */
  organisation: string;
  /** today in Berlin, YYYY-MM-DD: past it a forwarded spotlight's deadline is overdue */
  today: string;
}

/** The spotlights as a board (a column per status) or a sortable list, kept live. */
export function SpotlightBoard({ initialSpotlights, filter, params, columns, organisation, today }: BoardProps) {
  const spotlights = useLiveSpotlightList(initialSpotlights, filter, organisation);
  const count = spotlights.length;
  return (
    <>
      <p className="mb-3 text-sm text-slate-700" data-testid="spotlight-count">
        {countText(count, hasFilters(params))}
      </p>
      {params.ansicht === "liste" ? (
        <SpotlightTable spotlights={spotlights} params={params} today={today} />
      ) : (
        <div className={`grid grid-cols-1 gap-4 sm:grid-cols-2 ${columns.length >= 4 ? "lg:grid-cols-4" : "lg:grid-cols-3"}`} data-testid="spotlight-board">
          {columns.map((status) => (
            <BoardColumn key={status} status={status} spotlights={spotlights.filter((s) => s.status === status)} today={today} />
          ))}
        </div>
      )}
    </>
  );
}

function countText(count: number, filtered: boolean) {
  if (!filtered) return count === 0 ? "Noch keine Spotlights." : count === 1 ? "1 Spotlight" : `${count} Spotlights`;
  return count === 0 ? "Keine Spotlights entsprechen den Filtern." : count === 1 ? "1 Spotlight entspricht den Filtern" : `${count} Spotlights entsprechen den Filtern`;
}

const hasFilters = (params: SpotlightBoardParams) => !!(params.gruppe || params.status.length || params.ressort || params.kommune);

function BoardColumn({ status, spotlights, today }: { status: SpotlightStatus; spotlights: SpotlightDto[]; today: string }) {
  const id = `spalte-${status.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-lg border border-slate-200 bg-slate-100/70 p-3">
      <h2 id={id} className="mb-3 flex items-center justify-between gap-2 text-base font-semibold text-slate-900">
        {spotlightStatusLabels[status]}{" "}
        <span className="rounded-full bg-white px-2 py-0.5 text-sm font-semibold text-slate-800 ring-1 ring-slate-300">
          {spotlights.length}
          <span className="sr-only">{spotlights.length === 1 ? " Spotlight" : " Spotlights"}</span>
        </span>
      </h2>
      {spotlights.length ? (
        <ol className="space-y-2">
          {spotlights.map((spotlight) => (
            <li key={spotlight.id}>
              <SpotlightCard spotlight={spotlight} today={today} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-600">Keine Spotlights</p>
      )}
    </section>
  );
}

function SpotlightCard({ spotlight, today }: { spotlight: SpotlightDto; today: string }) {
  const overdue = isSpotlightOverdue(spotlight, today);
  return (
    <article
      className={`rounded-md border bg-white p-3 shadow-sm ${overdue ? "border-red-300 border-l-4 border-l-red-700" : "border-slate-200"}`}
      data-testid="spotlight-card"
    >
      <p className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 text-xs font-semibold text-slate-600">
        <span>{spotlightReference(spotlight.number)}</span>
        {overdue && <OverdueBadge compact />}
      </p>
      <h3 className="mt-1 font-semibold leading-snug">
        <Link href={`/spotlights/${spotlight.id}`} className="text-brand-700 hover:underline">
          {spotlight.title}
        </Link>
      </h3>
      <p className="mt-1 text-xs text-slate-700">{spotlight.groups.map((group) => shortGroupName(group.name)).join(" · ")}</p>
      <p className="mt-1 text-xs text-slate-700">Mitgezeichnet von {municipalities(spotlight.cosigningMunicipalities.length)}</p>
      {spotlight.forwardedTo && (
        <p className="mt-1 text-xs text-slate-700">
          An: {spotlight.forwardedTo}
          {spotlight.answeredOn ? <> · Antwort vom {formatGermanDay(spotlight.answeredOn)}</> : spotlight.dueOn && <> · Frist {formatGermanDay(spotlight.dueOn)}</>}
        </p>
      )}
    </article>
  );
}

interface SortableColumn {
  sort: SpotlightSort;
  label: string;
  className?: string;
}
const sortableColumns: SortableColumn[] = [
  // numbers are handed out as proposed: by number is by proposal date
  { sort: "created", label: "Nummer", className: "w-px" },
  { sort: "title", label: "Titel" },
  { sort: "status", label: "Status" },
];
const laterSortableColumns: SortableColumn[] = [
  { sort: "cosigns", label: "Kommunen", className: "text-right" },
  { sort: "due", label: "Frist" },
  { sort: "changed", label: "Geändert" },
];

function SortHeader({ sort, label, className = "", params }: SortableColumn & { params: SpotlightBoardParams }) {
  const isCurrent = params.sortierung === sort;
  const next = isCurrent ? (params.richtung === "asc" ? "desc" : "asc") : defaultSortDirection(sort);
  return (
    <th scope="col" className={`p-3 whitespace-nowrap ${className}`} aria-sort={isCurrent ? (params.richtung === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={spotlightBoardHref({ ...params, ansicht: "liste", sortierung: sort, richtung: next })} className="inline-flex items-center gap-1 text-brand-700 underline-offset-2 hover:underline">
        {label}
        <span aria-hidden="true" className={isCurrent ? "text-slate-900" : "text-slate-400"}>
          {isCurrent ? (params.richtung === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">, {next === "asc" ? "aufsteigend" : "absteigend"} sortieren</span>
      </Link>
    </th>
  );
}

function Missing() {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="sr-only">keine Angabe</span>
    </>
  );
}

function SpotlightTable({ spotlights, params, today }: { spotlights: SpotlightDto[]; params: SpotlightBoardParams; today: string }) {
  return (
    <div role="region" aria-label="Spotlights als Liste (seitlich scrollbar)" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="spotlight-table">
        <caption className="sr-only">Spotlights, sortierbar über die Spaltenköpfe</caption>
        <thead className="bg-slate-100">
          <tr>
            {sortableColumns.map((column) => (
              <SortHeader key={column.sort} {...column} params={params} />
            ))}
            <th scope="col" className="p-3">
              Arbeitsgruppen
            </th>
            <th scope="col" className="p-3">
              Ressort
            </th>
            {laterSortableColumns.map((column) => (
              <SortHeader key={column.sort} {...column} params={params} />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {spotlights.map((spotlight) => {
            const overdue = isSpotlightOverdue(spotlight, today);
            return (
              <tr key={spotlight.id} className="align-top">
                <td className="p-3 font-semibold whitespace-nowrap text-slate-700">{spotlightReference(spotlight.number)}</td>
                <td className="p-3">
                  <Link href={`/spotlights/${spotlight.id}`} className="block max-w-xs min-w-40 font-semibold wrap-break-word text-brand-700 hover:underline">
                    {spotlight.title}
                  </Link>
                </td>
                <td className="p-3">
                  <StatusBadge status={spotlight.status} overdue={overdue} compact />
                </td>
                <td className="p-3 whitespace-nowrap">
                  {spotlight.groups.map((group) => (
                    <span key={group.id} className="block">
                      {shortGroupName(group.name)}
                    </span>
                  ))}
                </td>
                <td className="p-3">
                  <span className="block max-w-48 min-w-32 wrap-break-word">{spotlight.forwardedTo ?? <Missing />}</span>
                </td>
                <td className="p-3 text-right tabular-nums">{spotlight.cosigningMunicipalities.length}</td>
                <td className="p-3 whitespace-nowrap tabular-nums">{spotlight.dueOn ? formatGermanDay(spotlight.dueOn) : <Missing />}</td>
                <td className="p-3 whitespace-nowrap">
                  <RelativeTime iso={spotlight.statusChangedAt} />
                </td>
              </tr>
            );
          })}
          {!spotlights.length && (
            <tr>
              <td colSpan={8} className="p-4 text-slate-700">
                Keine Spotlights entsprechen den Filtern.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
