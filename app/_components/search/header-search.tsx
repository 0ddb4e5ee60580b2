import Form from "next/form";

/** The search field in every page's header; a plain GET form, so it works before JavaScript has loaded. */
export function HeaderSearch() {
  return (
    <Form action="/suche" role="search" aria-label="Suche" className="flex w-full min-w-0 sm:w-auto">
      <label htmlFor="kopf-suche" className="sr-only">
        Suche
      </label>
      <input
        id="kopf-suche"
        type="search"
        name="q"
        placeholder="Themen und Beiträge durchsuchen"
        maxLength={200}
        className="min-w-0 flex-1 rounded-l-md border border-white/40 bg-white px-3 py-1.5 text-sm text-slate-900 placeholder:text-slate-500 sm:w-72"
      />
      <button type="submit" className="rounded-r-md bg-accent-400 px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-white">
        Suchen
      </button>
    </Form>
  );
}
