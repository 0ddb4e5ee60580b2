import Link from "next/link";
import type { Actor } from "@/server/auth/policy";
import { can } from "@/server/auth/policy";
import { resultNewsFor } from "@/server/services/results/reader-summary";
import { compareHref, versionDate, versionHref } from "./format";

const linkClass = "font-semibold text-brand-700 underline hover:no-underline";

/**
 * The start page's pointer to the results document: the latest version and what changed since this
 * person last opened it. `compact`: a small card for participants and moderation, with the draft.
 */
export async function ResultNews({ actor, compact = false }: { actor: Actor; compact?: boolean }) {
  const news = await resultNewsFor(actor);
  const headingId = compact ? "ergebnisdokument-karte" : "ergebnisdokument";
  if (!news) {
    return (
      <section aria-labelledby={headingId} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-testid="result-news">
        <h2 id={headingId} className="text-xl font-semibold">
          Ergebnisdokument
        </h2>
        <p className="mt-2 text-slate-700">Noch keine Version veröffentlicht. Sobald die erste Fassung erscheint, finden Sie sie hier.</p>
        {can(actor, "results.readDraft") && (
          <p className="mt-2">
            <Link href="/ergebnisse/entwurf" className={linkClass}>
              Zum Entwurf
            </Link>
          </p>
        )}
      </section>
    );
  }
  const { latest, lastSeenNumber, newVersions, changedSections } = news;
  const upToDate = lastSeenNumber !== null && lastSeenNumber >= latest.number;
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-lg border border-l-4 border-slate-200 border-l-accent-400 bg-white p-4" data-testid="result-news">
      <h2 id={headingId} className="text-xl font-semibold">
        Ergebnisdokument
      </h2>
      <p className="mt-2">
        <Link href="/ergebnisse" className={linkClass}>
          Version {latest.number} vom {versionDate(latest)}
        </Link>
      </p>
      <p className={`mt-1 text-slate-700 ${compact ? "line-clamp-2" : "line-clamp-4"}`}>{latest.note}</p>
      {compact ? (
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {!upToDate && lastSeenNumber !== null && (
            <Link href={compareHref(lastSeenNumber, latest.number)} className={linkClass}>
              {changedSections.length === 0
                ? "Neu seit Ihrem letzten Besuch: Reihenfolge oder Titel der Abschnitte geändert"
                : `Neu seit Ihrem letzten Besuch: ${changedSections.length === 1 ? "1 Abschnitt" : `${changedSections.length} Abschnitte`}`}
            </Link>
          )}
          {can(actor, "results.readDraft") && (
            <Link href="/ergebnisse/entwurf" className={linkClass}>
              Zum Entwurf
            </Link>
          )}
        </p>
      ) : (
        <div className="mt-4 border-t border-slate-200 pt-3" data-testid="result-news-since">
          <h3 className="font-semibold">Neu seit Ihrem letzten Besuch</h3>
          {upToDate ? (
            <p className="mt-1 text-slate-700">Sie haben die aktuelle Version bereits gelesen.</p>
          ) : lastSeenNumber === null ? (
            <p className="mt-1 text-slate-700">
              Sie haben das Ergebnisdokument noch nicht geöffnet.{" "}
              {newVersions.length === 1 ? "Bisher ist eine Version erschienen." : `Bisher sind ${newVersions.length} Versionen erschienen.`}
            </p>
          ) : (
            <>
              <ul className="mt-1 space-y-1">
                {newVersions.map((version) => (
                  <li key={version.number}>
                    <Link href={version.number === latest.number ? "/ergebnisse" : versionHref(version.number)} className="text-brand-700 underline hover:no-underline">
                      Version {version.number} vom {versionDate(version)}
                    </Link>
                  </li>
                ))}
              </ul>
              {changedSections.length === 0 ? (
                <p className="mt-2 text-slate-700">Die Reihenfolge oder Titel der Abschnitte wurden geändert.</p>
              ) : (
                <>
                  <p className="mt-2 text-slate-700">Geänderte oder neue Abschnitte:</p>
                  <ul className="list-disc pl-6">
                    {changedSections.map((title, index) => (
                      <li key={`${index}-${title}`}>{title}</li>
                    ))}
                  </ul>
                </>
              )}
              <p className="mt-2">
                <Link href={compareHref(lastSeenNumber, latest.number)} className={linkClass}>
                  Änderungen seit Version {lastSeenNumber} ansehen
                </Link>
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
