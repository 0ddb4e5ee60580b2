import Form from "next/form";
import Link from "next/link";
import { searchHref, type SearchParams } from "@/server/schemas/search";
import type { SearchFilterOptions } from "@/server/services/search/filter-options";
import { buttonClass } from "../ui/button";
import { plainControlClass, SelectField } from "../ui/field";

/** The search form with its filters; a GET form, so every search is a link. Changing a filter starts again at page 1. */
export function SearchFilters({ params, options }: { params: SearchParams; options: SearchFilterOptions }) {
  return (
    <section aria-labelledby="suchfilter" className="min-w-0">
      <h2 id="suchfilter" className="sr-only">
        Suchbegriff und Filter
      </h2>
      {/* keyed by the search: a link to another search must show its terms, not keep what was typed */}
      <Form key={searchHref(params)} action="/suche" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="suche-begriff" className="mb-1 block font-medium">
            Suchbegriff
          </label>
          <input
            id="suche-begriff"
            type="search"
            name="q"
            defaultValue={params.q}
            maxLength={200}
            aria-describedby="suche-begriff-hinweis"
            className={plainControlClass}
          />
          <p id="suche-begriff-hinweis" className="mt-1 text-sm text-slate-600">
            Auch Wortformen werden gefunden. „In Anführungszeichen“ sucht eine Wortfolge, -Wort schließt aus, oder verbindet.
          </p>
        </div>
        <SelectField
          label="Arbeitsgruppe"
          name="gruppe"
          defaultValue={params.gruppe ?? ""}
          options={[{ value: "", label: "Alle Arbeitsgruppen" }, ...options.groups.map((group) => ({ value: group.slug, label: group.name }))]}
        />
        <SelectField
          label="Verfasst von"
          name="person"
          defaultValue={params.person ?? ""}
          options={[{ value: "", label: "Alle Personen" }, ...options.authors.map((author) => ({ value: author.id, label: `${author.name} (${author.organisation})` }))]}
        />
        <fieldset>
          <legend className="mb-1 font-medium">Zeitraum</legend>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-1">
            <div>
              <label htmlFor="suche-von" className="block text-sm">
                Von
              </label>
              <input id="suche-von" type="date" name="von" defaultValue={params.von ?? ""} className={plainControlClass} />
            </div>
            <div>
              <label htmlFor="suche-bis" className="block text-sm">
                Bis
              </label>
              <input id="suche-bis" type="date" name="bis" defaultValue={params.bis ?? ""} className={plainControlClass} />
            </div>
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass("primary")}>
            Suchen
          </button>
          <Link href={params.q ? `/suche?q=${encodeURIComponent(params.q)}` : "/suche"} className="text-sm font-semibold text-brand-700 underline">
            Filter zurücksetzen
          </Link>
        </div>
      </Form>
    </section>
  );
}
