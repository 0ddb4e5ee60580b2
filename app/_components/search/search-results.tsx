import Link from "next/link";
import { formatShortDate } from "@/app/_lib/format";
import { searchHref, type SearchParams } from "@/server/schemas/search";
import type { SearchResult } from "@/server/services/search/search";
import { Pagination } from "../ui/pagination";
import { HighlightedText } from "./highlighted-text";

const kindLabels: Record<string, string> = { thread: "Thema", post: "Beitrag", spotlight: "Spotlight", impulseTalk: "Impulsvortrag", ozgService: "OZG-Leistung" };

function Hint({ children }: { children: React.ReactNode }) {
  return <div className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">{children}</div>;
}

export function SearchResults({ params, result }: { params: SearchParams; result: SearchResult }) {
  const hasFilters = !!(params.gruppe || params.person || params.von || params.bis);
  return (
    <section aria-labelledby="treffer" className="min-w-0">
      <h2 id="treffer" className="mb-3 text-xl font-semibold">
        Treffer
      </h2>
      {result.hint === "empty" ? (
        <Hint>
          <p>Geben Sie einen Suchbegriff ein, zum Beispiel „Bauantrag“ oder „Schnittstelle“.</p>
        </Hint>
      ) : result.hint === "noWords" ? (
        <Hint>
          <p>
            „{result.query}“ enthält keine Wörter, nach denen gesucht werden kann. Häufige Wörter wie „und“ oder „der“ und Satzzeichen werden
            übergangen.
          </p>
        </Hint>
      ) : !result.hits.length ? (
        <Hint>
          <p role="status">Keine Treffer für „{result.query}“.</p>
          <p className="mt-1 text-sm">
            {hasFilters ? "Versuchen Sie es ohne Filter oder mit anderen Wörtern." : "Versuchen Sie es mit anderen oder weniger Wörtern."}
          </p>
        </Hint>
      ) : (
        <>
          <p role="status" className="mb-3 text-slate-700">
            {result.total === 1 ? "1 Treffer" : `${result.total.toLocaleString("de-DE")} Treffer`} für „{result.query}“
            {result.pageCount > 1 && ` · Seite ${result.page} von ${result.pageCount}`}
          </p>
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="search-results">
            {result.hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`} className="p-4">
                <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{kindLabels[hit.kind] ?? hit.kind}</p>
                <h3 className="font-semibold">
                  <Link href={hit.href} className="text-brand-700 hover:underline">
                    <HighlightedText segments={hit.title} />
                    {hit.kind === "post" && <span className="sr-only"> (Beitrag)</span>}
                  </Link>
                </h3>
                <p className="mt-0.5 text-sm text-slate-600">
                  {hit.group && <>{hit.group.name} · </>}
                  {hit.kind === "spotlight" && "vorgeschlagen von "}
                  {hit.kind === "impulseTalk" && "angesetzt von "}
                  {hit.author ? (
                    <>
                      {hit.author.name} ({hit.author.organisation}) ·{" "}
                    </>
                  ) : (
                    hit.kind === "ozgService" && "Stand vom "
                  )}
                  <time dateTime={hit.createdAt}>{formatShortDate(hit.createdAt)}</time>
                </p>
                {hit.snippet.length > 0 && (
                  <p className="mt-2 text-slate-800">
                    <HighlightedText segments={hit.snippet} />
                  </p>
                )}
              </li>
            ))}
          </ol>
          <Pagination page={result.page} pageCount={result.pageCount} baseUrl={searchHref({ ...params, seite: 1 })} label="Seiten der Suchergebnisse" />
        </>
      )}
    </section>
  );
}
