import Form from "next/form";
import Link from "next/link";
import { impulseTalkCategories, impulseTalkCategoryLabels } from "@/server/schemas/impulse-talk";
import { talkListHref, type TalkListParams } from "@/server/schemas/impulse-params";
import { buttonClass } from "../ui/button";
import { SelectField } from "../ui/field";

/** Series and working group as a GET form: every filtered list is a link, and it works without JavaScript. */
export function TalkFilters({ params, groups }: { params: TalkListParams; groups: { slug: string; name: string }[] }) {
  return (
    <section aria-labelledby="impulse-filter" className="mb-6 min-w-0">
      <h2 id="impulse-filter" className="sr-only">
        Filter
      </h2>
      {/* keyed by the filters: following a link (Filter zurücksetzen, a tab) shows its filters, not what was chosen */}
      <Form key={talkListHref(params)} action="/impulse" aria-label="Impulsvorträge filtern" className="rounded-lg border border-slate-200 bg-white p-4">
        {params.zeit === "vergangen" && <input type="hidden" name="zeit" value="vergangen" />}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField
            label="Reihe"
            name="reihe"
            defaultValue={params.reihe ?? ""}
            options={[{ value: "", label: "Alle Reihen" }, ...impulseTalkCategories.map((category) => ({ value: category, label: impulseTalkCategoryLabels[category] }))]}
          />
          <SelectField
            label="Arbeitsgruppe"
            name="gruppe"
            defaultValue={params.gruppe ?? ""}
            options={[{ value: "", label: "Alle Arbeitsgruppen" }, ...groups.map((group) => ({ value: group.slug, label: group.name }))]}
          />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass("primary")}>
            Filter anwenden
          </button>
          {(params.reihe || params.gruppe) && (
            <Link href={talkListHref({ zeit: params.zeit })} className="text-sm font-semibold text-brand-700 underline">
              Filter zurücksetzen
            </Link>
          )}
        </div>
      </Form>
    </section>
  );
}
