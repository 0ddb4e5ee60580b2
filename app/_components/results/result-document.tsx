import Link from "next/link";
import type { ResultVersionDto } from "@/server/services/results/dto";
import { ResultSources } from "./result-sources";
import { sectionAnchor, versionLine } from "./format";

/**
 * A published version as a document: title, who published it when, the change note, a table of
 * contents and the sections with their sources. The print view shows the same, without the app.
 */
export function ResultDocument({ version }: { version: ResultVersionDto }) {
  return (
    <article aria-labelledby="dokument-titel" className="min-w-0">
      <header className="mb-6">
        <h1 id="dokument-titel" className="text-2xl font-bold text-slate-900 sm:text-3xl">
          {version.title}
        </h1>
        <p className="mt-2 text-slate-700" data-testid="version-line">
          {versionLine(version)}
        </p>
        <div className="mt-3 rounded-md border-l-4 border-brand-600 bg-brand-50 px-4 py-3">
          <p className="text-sm font-semibold text-brand-800">Änderungsnotiz</p>
          <p className="whitespace-pre-line" data-testid="version-note">
            {version.note}
          </p>
        </div>
      </header>
      <nav aria-labelledby="inhaltsverzeichnis" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="inhaltsverzeichnis" className="text-lg font-semibold">
          Inhalt
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          {version.sections.map((section) => (
            <li key={section.sectionId}>
              <Link href={`#${sectionAnchor(section.sectionId)}`} className="text-brand-700 underline hover:no-underline">
                {section.title}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      {version.sections.length === 0 && <p className="text-slate-700">Diese Version enthält keine Abschnitte.</p>}
      <div className="space-y-10">
        {version.sections.map((section, index) => (
          <section key={section.sectionId} id={sectionAnchor(section.sectionId)} aria-labelledby={`${sectionAnchor(section.sectionId)}-titel`} className="scroll-mt-4">
            <h2 id={`${sectionAnchor(section.sectionId)}-titel`} className="border-b border-slate-200 pb-1 text-xl font-semibold sm:text-2xl">
              <span className="text-slate-500">{index + 1}. </span>
              {section.title}
            </h2>
            {/* rendered once from the section's Markdown by the server's sanitising renderer */}
            <div className="prose-post mt-3 max-w-3xl" dangerouslySetInnerHTML={{ __html: section.html }} />
            <ResultSources sources={section.sources} headingId={`${sectionAnchor(section.sectionId)}-quellen`} />
          </section>
        ))}
      </div>
    </article>
  );
}
