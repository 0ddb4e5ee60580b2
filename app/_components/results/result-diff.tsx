import Link from "next/link";
import type { ResultComparisonDto, SectionComparison, DiffPart } from "@/server/services/results/compare-versions";
import { sectionAnchor, versionDate, versionHref } from "./format";

const statusLabels: Record<SectionComparison["status"], string> = { added: "neu", removed: "entfernt", changed: "geändert", unchanged: "unverändert" };
const statusClasses: Record<SectionComparison["status"], string> = {
  added: "border-green-700 bg-green-50 text-green-900",
  removed: "border-red-700 bg-red-50 text-red-900",
  changed: "border-amber-700 bg-amber-50 text-amber-950",
  unchanged: "border-slate-400 bg-slate-50 text-slate-700",
};

export function StatusBadge({ status }: { status: SectionComparison["status"] }) {
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-sm font-semibold ${statusClasses[status]}`} data-testid="section-status">
      {statusLabels[status]}
    </span>
  );
}

/** The text word by word: insertions and deletions marked for the eye (colour and line) and for screen readers (a hidden word). */
function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <div className="result-diff mt-3 max-w-3xl rounded-md border border-slate-200 bg-white p-4 leading-relaxed whitespace-pre-wrap">
      {parts.map((part, index) =>
        part.kind === "added" ? (
          <ins key={index}>
            <span className="sr-only">eingefügt: </span>
            {part.text}
          </ins>
        ) : part.kind === "removed" ? (
          <del key={index}>
            <span className="sr-only">gelöscht: </span>
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  );
}

function SectionChange({ section, comparison }: { section: SectionComparison; comparison: ResultComparisonDto }) {
  const title = section.titleTo ?? section.titleFrom ?? "";
  const headingId = `vergleich-${section.sectionId}`;
  // the section where it now stands (or, if removed, where it last stood)
  const href = `${versionHref(section.status === "removed" ? comparison.from.number : comparison.to.number)}#${sectionAnchor(section.sectionId)}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="section-change">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-xl font-semibold">
          {title}
        </h2>
        <StatusBadge status={section.status} />
      </div>
      {section.titleFrom && section.titleTo && section.titleFrom !== section.titleTo && (
        <p className="result-diff mt-2">
          Titel geändert:{" "}
          <del>
            <span className="sr-only">gelöscht: </span>
            {section.titleFrom}
          </del>{" "}
          →{" "}
          <ins>
            <span className="sr-only">eingefügt: </span>
            {section.titleTo}
          </ins>
        </p>
      )}
      <DiffText parts={section.parts} />
      <p className="mt-2 text-sm">
        <Link href={href} className="text-brand-700 underline hover:no-underline">
          Abschnitt in Version {section.status === "removed" ? comparison.from.number : comparison.to.number} lesen
        </Link>
      </p>
    </section>
  );
}

/** Two versions section by section: what is new, removed or changed, in full; the unchanged ones by title. */
export function ResultDiff({ comparison }: { comparison: ResultComparisonDto }) {
  const changed = comparison.sections.filter((section) => section.status !== "unchanged");
  const unchanged = comparison.sections.filter((section) => section.status === "unchanged");
  return (
    <div className="space-y-6">
      <p className="text-lg font-semibold" data-testid="diff-summary">
        {comparison.changedCount} von {comparison.sections.length} Abschnitten geändert
        <span className="font-normal text-slate-700">
          {" "}
          (Version {comparison.from.number} vom {versionDate(comparison.from)} → Version {comparison.to.number} vom {versionDate(comparison.to)})
        </span>
      </p>
      <p className="text-sm text-slate-700">
        Verglichen wird der Text der Abschnitte, wie er sich liest: Wort für Wort, ohne Formatierung und Link-Adressen.{" "}
        <ins className="rounded-sm bg-green-100 text-green-950 underline decoration-green-700 decoration-2">Unterstrichen</ins> ist
        Eingefügtes, <del className="rounded-sm bg-red-100 text-red-950 line-through decoration-red-700 decoration-2">durchgestrichen</del> Gelöschtes.
      </p>
      {changed.map((section) => (
        <SectionChange key={section.sectionId} section={section} comparison={comparison} />
      ))}
      {unchanged.length > 0 && (
        <section aria-labelledby="unveraendert" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="unveraendert" className="text-lg font-semibold">
            Unveränderte Abschnitte ({unchanged.length})
          </h2>
          <ul className="mt-2 space-y-1">
            {unchanged.map((section) => (
              <li key={section.sectionId} className="flex flex-wrap items-center gap-2">
                <Link href={`${versionHref(comparison.to.number)}#${sectionAnchor(section.sectionId)}`} className="text-brand-700 underline hover:no-underline">
                  {section.titleTo}
                </Link>
                <StatusBadge status="unchanged" />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
