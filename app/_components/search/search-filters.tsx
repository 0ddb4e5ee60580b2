import Form from "next/form";
import Link from "next/link";
import type { SearchParams } from "@/server/schemas/search";
import type { SearchFilterOptions } from "@/server/services/search/filter-options";
import { buttonClass } from "../ui/button";

const controlClass = "block w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm";

/** The search form with its filters; a GET form, so every search is a link. Changing a filter starts again at page 1. */
export function SearchFilters({ params, options }: { params: SearchParams; options: SearchFilterOptions }) {
  return (
    <section aria-labelledby="suchfilter" className="min-w-0">
      <h2 id="suchfilter" className="sr-only">
        Suchbegriff und Filter
      </h2>
      <Form action="/suche" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
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
            className={controlClass}
          />
          <p id="suche-begriff-hinweis" className="mt-1 text-sm text-slate-600">
            Auch Wortformen werden gefunden. „In Anführungszeichen“ sucht eine Wortfolge, -Wort schließt aus, oder verbindet.
          </p>
        </div>
        <div>
          <label htmlFor="suche-gruppe" className="mb-1 block font-medium">
            Arbeitsgruppe
          </label>
          <select id="suche-gruppe" name="gruppe" defaultValue={params.gruppe ?? ""} className={controlClass}>
            <option value="">Alle Arbeitsgruppen</option>
            {options.groups.map((group) => (
              <option key={group.id} value={group.slug}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="suche-person" className="mb-1 block font-medium">
            Verfasst von
          </label>
          <select id="suche-person" name="person" defaultValue={params.person ?? ""} className={controlClass}>
            <option value="">Alle Personen</option>
            {options.authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name} ({author.organisation})
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className="mb-1 font-medium">Zeitraum</legend>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-1">
            <div>
              <label htmlFor="suche-von" className="block text-sm">
                Von
              </label>
              <input id="suche-von" type="date" name="von" defaultValue={params.von ?? ""} className={controlClass} />
            </div>
            <div>
              <label htmlFor="suche-bis" className="block text-sm">
                Bis
              </label>
              <input id="suche-bis" type="date" name="bis" defaultValue={params.bis ?? ""} className={controlClass} />
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
