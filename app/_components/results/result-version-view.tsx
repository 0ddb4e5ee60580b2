import Link from "next/link";
import type { ResultVersionDto, ResultVersionSummaryDto } from "@/server/services/results/dto";
import { compareHref, exportHref, versionDate, versionHref } from "./format";
import { ResultDocument } from "./result-document";

const linkClass = "text-brand-700 underline hover:no-underline";

/** A published version with, beside it, every version, the comparisons, the exports and the print view. */
export function ResultVersionView({ version, versions, canReadDraft }: { version: ResultVersionDto; versions: ResultVersionSummaryDto[]; canReadDraft: boolean }) {
  const isLatest = version.number === version.latestNumber;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0">
        {!isLatest && (
          <p role="note" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950" data-testid="older-version-notice">
            Sie sehen Version {version.number}. Die aktuelle Version ist {version.latestNumber}.{" "}
            <Link href="/ergebnisse" className="font-semibold underline hover:no-underline">
              Zur aktuellen Version
            </Link>
          </p>
        )}
        {/* on narrow screens the box comes after the whole document: say where it is */}
        <p className="mb-4 lg:hidden">
          <a href="#versionen-und-downloads" className="font-semibold text-brand-700 underline">
            Zu Downloads (PDF, Word, Markdown) und allen Versionen
          </a>
        </p>
        <ResultDocument version={version} />
      </div>
      <aside id="versionen-und-downloads" aria-label="Versionen und Downloads" className="min-w-0 space-y-6 lg:sticky lg:top-4 lg:self-start">
        <section aria-labelledby="dokument-aktionen" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="dokument-aktionen" className="text-lg font-semibold">
            Diese Version
          </h2>
          <ul className="mt-2 space-y-1.5">
            {version.number > 1 && (
              <li>
                <Link href={compareHref(version.number - 1, version.number)} className={linkClass}>
                  Änderungen gegenüber Version {version.number - 1}
                </Link>
              </li>
            )}
            <li>
              <Link href={`${versionHref(version.number)}/druck`} className={linkClass}>
                Druckansicht
              </Link>
            </li>
            {canReadDraft && (
              <li>
                <Link href="/ergebnisse/entwurf" className={linkClass}>
                  Zum Entwurf
                </Link>
              </li>
            )}
          </ul>
          <h3 className="mt-4 font-semibold">Herunterladen</h3>
          <ul className="mt-1 space-y-1.5">
            <li>
              <a href={exportHref(version.number, "pdf")} className={linkClass} download>
                PDF
              </a>
            </li>
            <li>
              <a href={exportHref(version.number, "docx")} className={linkClass} download>
                Word (DOCX)
              </a>
            </li>
            <li>
              <a href={exportHref(version.number, "md")} className={linkClass} download>
                Markdown
              </a>
            </li>
          </ul>
        </section>
        <section aria-labelledby="alle-versionen" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="alle-versionen" className="text-lg font-semibold">
            Alle Versionen
          </h2>
          <ol className="mt-2 space-y-3" data-testid="version-list">
            {versions.map((item) => (
              <li key={item.number} className="text-sm">
                {item.number === version.number ? (
                  <span className="font-semibold" aria-current="page">
                    Version {item.number} vom {versionDate(item)} (angezeigt)
                  </span>
                ) : (
                  <Link href={item.number === version.latestNumber ? "/ergebnisse" : versionHref(item.number)} className={`font-semibold ${linkClass}`}>
                    Version {item.number} vom {versionDate(item)}
                  </Link>
                )}
                <p className="line-clamp-3 text-slate-700">{item.note}</p>
                {item.number > 1 && (
                  <Link href={compareHref(item.number - 1, item.number)} className={linkClass}>
                    Änderungen gegenüber Version {item.number - 1}
                  </Link>
                )}
              </li>
            ))}
          </ol>
          {versions.length > 1 && (
            <p className="mt-3 text-sm">
              <Link href="/ergebnisse/vergleich" className={linkClass}>
                Zwei Versionen vergleichen
              </Link>
            </p>
          )}
        </section>
      </aside>
    </div>
  );
}
