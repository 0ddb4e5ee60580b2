import Form from "next/form";
import Link from "next/link";
import type { SpotlightSort } from "@/server/schemas/spotlight";
import { spotlightStatusLabels } from "@/server/schemas/spotlight-lifecycle";
import { spotlightBoardHref, spotlightSortSlugs, spotlightStatusSlugs, type SpotlightBoardParams } from "@/server/schemas/spotlight-params";
import type { SpotlightBoardOptions } from "@/server/services/spotlights/board-state";
import { buttonClass } from "../ui/button";

const controlClass = "block w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm";

const sortLabels: Record<SpotlightSort, string> = {
  changed: "Letzter Statuswechsel",
  created: "Vorgeschlagen am",
  title: "Titel",
  cosigns: "Mitzeichnende Kommunen",
  status: "Status",
  due: "Frist",
};

/** The board's filters as a GET form: every filtered board is a link, and it works without JavaScript. */
export function BoardFilters({ params, options, organisation }: { params: SpotlightBoardParams; options: SpotlightBoardOptions; organisation: string }) {
  return (
    <section aria-labelledby="spotlight-filter" className="mb-6 min-w-0">
      <h2 id="spotlight-filter" className="sr-only">
        Filter und Sortierung
      </h2>
      <Form action="/spotlights" aria-label="Spotlights filtern" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        {params.ansicht === "liste" && <input type="hidden" name="ansicht" value="liste" />}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="min-w-0">
            <label htmlFor="filter-gruppe" className="mb-1 block font-medium">
              Arbeitsgruppe
            </label>
            <select id="filter-gruppe" name="gruppe" defaultValue={params.gruppe ?? ""} className={controlClass}>
              <option value="">Alle Arbeitsgruppen</option>
              {options.groups.map((group) => (
                <option key={group.id} value={group.slug}>
                  {group.name}
                </option>
              ))}
            </select>
          </div>
          <div className="min-w-0">
            <label htmlFor="filter-ressort" className="mb-1 block font-medium">
              Ressort
            </label>
            <select id="filter-ressort" name="ressort" defaultValue={params.ressort ?? ""} className={controlClass} aria-describedby="filter-ressort-hinweis">
              <option value="">Alle Ressorts</option>
              {options.ressorts.map((ressort) => (
                <option key={ressort} value={ressort}>
                  {ressort}
                </option>
              ))}
            </select>
            <p id="filter-ressort-hinweis" className="mt-1 text-sm text-slate-600">
              Wohin Spotlights weitergeleitet wurden.
            </p>
          </div>
          <div className="min-w-0">
            <label htmlFor="filter-sortierung" className="mb-1 block font-medium">
              Sortieren nach
            </label>
            <select id="filter-sortierung" name="sortierung" defaultValue={spotlightSortSlugs[params.sortierung]} className={controlClass}>
              {Object.entries(sortLabels).map(([sort, label]) => (
                <option key={sort} value={spotlightSortSlugs[sort as SpotlightSort]}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="min-w-0">
            <label htmlFor="filter-richtung" className="mb-1 block font-medium">
              Reihenfolge
            </label>
            <select id="filter-richtung" name="richtung" defaultValue={params.richtung === "asc" ? "auf" : "ab"} className={controlClass}>
              <option value="ab">Absteigend</option>
              <option value="auf">Aufsteigend</option>
            </select>
          </div>
        </div>
        <fieldset className="min-w-0">
          <legend className="mb-1 font-medium">Status</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {options.statuses.map((status) => (
              <label key={status} className="inline-flex items-center gap-2">
                <input
                  type="checkbox"
                  name="status"
                  value={spotlightStatusSlugs[status]}
                  defaultChecked={params.status.includes(status)}
                  className="size-4 accent-brand-600"
                />
                {spotlightStatusLabels[status]}
              </label>
            ))}
          </div>
          <p className="mt-1 text-sm text-slate-600">Ohne Auswahl werden alle Status gezeigt.</p>
        </fieldset>
        {options.canFilterByMunicipality && (
          <div>
            <label className="inline-flex items-start gap-2">
              <input type="checkbox" name="kommune" value="1" defaultChecked={params.kommune} className="mt-1 size-4 shrink-0 accent-brand-600" />
              <span>
                Von meiner Kommune mitgezeichnet <span className="text-slate-600">({organisation})</span>
              </span>
            </label>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass("primary")}>
            Filter anwenden
          </button>
          <Link href={spotlightBoardHref({ ansicht: params.ansicht })} className="text-sm font-semibold text-brand-700 underline">
            Filter zurücksetzen
          </Link>
        </div>
      </Form>
    </section>
  );
}
