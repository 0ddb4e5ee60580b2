import Form from "next/form";
import Link from "next/link";
import { ozgAvailabilities, ozgAvailabilityInfo, ozgPhaseInfo, ozgPhases, ozgPriorities, ozgPriorityLabels } from "@/server/schemas/ozg";
import { ozgSortSlugs, ozgTableHref, type OzgTableParams } from "@/server/schemas/ozg-params";
import { ressorts } from "@/server/schemas/ressorts";
import type { OzgFilterOptions } from "@/server/services/ozg/filter-options";
import { buttonClass } from "../ui/button";
import { plainControlClass } from "../ui/field";
import { ThemenfeldLageSelect } from "./themenfeld-lage-select";

const checkboxClass = "mt-0.5 size-4 shrink-0 accent-brand-600";

function Choices({ legend, name, choices }: { legend: string; name: string; choices: { value: string; label: React.ReactNode; checked: boolean; title?: string }[] }) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 font-medium">{legend}</legend>
      <ul className="space-y-1">
        {choices.map((choice) => (
          <li key={choice.value}>
            <label className="inline-flex items-start gap-2" title={choice.title}>
              <input type="checkbox" name={name} value={choice.value} defaultChecked={choice.checked} className={checkboxClass} />
              <span>{choice.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The table's filters as a GET form: every view is a link, and it works without JavaScript. */
export function OzgTableFilters({ params, options }: { params: OzgTableParams; options: OzgFilterOptions }) {
  return (
    <section aria-labelledby="ozg-filter" className="mb-6 min-w-0">
      <h2 id="ozg-filter" className="sr-only">
        Filter
      </h2>
      {/* keyed by the view: following a link (Filter zurücksetzen, a column header) shows its filters, not what was ticked */}
      <Form key={ozgTableHref(params)} action="/ozg/leistungen" aria-label="OZG-Leistungen filtern" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        {/* the sort survives filtering; the page starts again at 1 */}
        <input type="hidden" name="sortierung" value={ozgSortSlugs[params.sort]} />
        <input type="hidden" name="richtung" value={params.direction === "asc" ? "auf" : "ab"} />
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <div className="min-w-0">
            {/* not just "Suche": the header's search field has that name on the same page */}
            <label htmlFor="ozg-q" className="mb-1 block font-medium">
              Leistung suchen
            </label>
            <input
              id="ozg-q"
              type="search"
              name="q"
              defaultValue={params.query ?? ""}
              maxLength={200}
              aria-describedby="ozg-q-hint"
              className={plainControlClass}
            />
            <p id="ozg-q-hint" className="mt-1 text-sm text-slate-600">
              Name, OZG-ID oder LeiKa-Schlüssel
            </p>
          </div>
          <ThemenfeldLageSelect themenfelder={options.themenfelder} lagen={options.lagen} themenfeld={params.themenfeld ?? ""} lage={params.lage ?? ""} />
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Choices
            legend="Phase"
            name="phase"
            choices={ozgPhases.map((phase) => ({ value: ozgPhaseInfo[phase].slug, label: ozgPhaseInfo[phase].label, checked: !!params.phases?.includes(phase) }))}
          />
          <Choices
            legend="Ressort"
            name="ressort"
            choices={ressorts.map((ressort) => ({
              value: ressort.code,
              title: ressort.name,
              label: (
                <>
                  {ressort.code}
                  <span className="sr-only"> – {ressort.name}</span>
                </>
              ),
              checked: !!params.ressorts?.includes(ressort.code),
            }))}
          />
          <Choices
            legend="Priorität"
            name="prioritaet"
            choices={ozgPriorities.map((priority) => ({ value: String(priority), label: ozgPriorityLabels[priority], checked: !!params.priorities?.includes(priority) }))}
          />
          <div className="space-y-4">
            <Choices
              legend="Verfügbarkeit"
              name="verfuegbarkeit"
              choices={ozgAvailabilities.map((availability) => ({
                value: ozgAvailabilityInfo[availability].slug,
                label: ozgAvailabilityInfo[availability].label,
                checked: !!params.availabilities?.includes(availability),
              }))}
            />
            <label className="inline-flex items-start gap-2 font-medium">
              <input type="checkbox" name="fokus" value="1" defaultChecked={!!params.focusOnly} className={checkboxClass} />
              Nur Fokusleistungen
            </label>
          </div>
        </div>
        <p className="text-sm text-slate-600">Ohne Auswahl in einer Gruppe werden alle gezeigt.</p>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass("primary")}>
            Filter anwenden
          </button>
          <Link href={ozgTableHref({ sort: params.sort, direction: params.direction })} className="text-sm font-semibold text-brand-700 underline">
            Filter zurücksetzen
          </Link>
        </div>
      </Form>
    </section>
  );
}
