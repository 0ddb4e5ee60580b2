import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { SearchFilters } from "@/app/_components/search/search-filters";
import { SearchResults } from "@/app/_components/search/search-results";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { parseSearchParams } from "@/server/schemas/search";
import { searchFilterOptions } from "@/server/services/search/filter-options";
import { search } from "@/server/services/search/search";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const actor = await getActor();
  if (!can(actor, "search.read")) return { title: "Kein Zugriff" };
  const { q } = parseSearchParams(await searchParams);
  return { title: q ? `Suche: ${q}` : "Suche" };
}

export default async function SearchPage({ searchParams }: Props) {
  const actor = await getActor();
  if (!can(actor, "search.read")) forbidden();
  const parsed = parseSearchParams(await searchParams);
  const options = await searchFilterOptions(actor);
  // a slug or person the filters do not offer is dropped: the nearest valid search
  const group = options.groups.find((g) => g.slug === parsed.gruppe);
  const person = options.authors.find((a) => a.id === parsed.person);
  const params = { ...parsed, gruppe: group?.slug, person: person?.id };
  const result = await search(actor, {
    query: params.q,
    groupId: group?.id,
    authorId: person?.id,
    from: params.von,
    to: params.bis,
    page: params.seite,
  });
  return (
    <>
      <PageHeader title="Suche" lead="Durchsucht die Titel und Beiträge aller Themen in den Arbeitsgruppen, die Spotlight-Themen, die Impulsvorträge und die OZG-Leistungen." />
      <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
        <SearchFilters params={params} options={options} />
        <SearchResults params={params} result={result} />
      </div>
    </>
  );
}
