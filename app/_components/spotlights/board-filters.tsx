import Form from "next/form";
import Link from "next/link";
import type { SpotlightSort } from "@/server/schemas/spotlight";
import { spotlightStatusLabels } from "@/server/schemas/spotlight-lifecycle";
import { spotlightBoardHref, spotlightSortSlugs, spotlightStatusSlugs, type SpotlightBoardParams } from "@/server/schemas/spotlight-params";
import type { SpotlightBoardOptions } from "@/server/services/spotlights/board-state";
import { buttonClass } from "../ui/button";
import { SelectField } from "../ui/field";

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
      {/* keyed by the filters: following a link (Filter zurücksetzen, a sort header) must show its filters, not keep what was chosen */}
      <Form key={spotlightBoardHref(params)} action="/spotlights" aria-label="Spotlights filtern" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        {params.ansicht === "liste" && <input type="hidden" name="ansicht" value="liste" />}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            label="Arbeitsgruppe"
            name="gruppe"
            defaultValue={params.gruppe ?? ""}
            options={[{ value: "", label: "Alle Arbeitsgruppen" }, ...options.groups.map((group) => ({ value: group.slug, label: group.name }))]}
          />
          <SelectField
            label="Ressort"
            name="ressort"
            defaultValue={params.ressort ?? ""}
            hint="Wohin Spotlights weitergeleitet wurden."
            options={[{ value: "", label: "Alle Ressorts" }, ...options.ressorts.map((ressort) => ({ value: ressort, label: ressort }))]}
          />
          <SelectField
            label="Sortieren nach"
            name="sortierung"
            defaultValue={spotlightSortSlugs[params.sortierung]}
            options={Object.entries(sortLabels).map(([sort, label]) => ({ value: spotlightSortSlugs[sort as SpotlightSort], label }))}
          />
          <SelectField
            label="Reihenfolge"
            name="richtung"
            defaultValue={params.richtung === "asc" ? "auf" : "ab"}
            options={[
              { value: "ab", label: "Absteigend" },
              { value: "auf", label: "Aufsteigend" },
            ]}
          />
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
