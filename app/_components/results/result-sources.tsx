import Link from "next/link";
import type { ResultSourceDto } from "@/server/services/results/dto";

/** The threads, posts and spotlights a section cites; those this viewer may not open are named, not linked. */
export function ResultSources({ sources, headingId }: { sources: ResultSourceDto[]; headingId: string }) {
  if (!sources.length) return null;
  return (
    <aside aria-labelledby={headingId} className="mt-5 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <h3 id={headingId} className="font-semibold">
        Quellen
      </h3>
      <ul className="mt-1 space-y-1">
        {sources.map((source) => (
          <li key={`${source.kind}:${source.sourceId}`}>
            {/* a post's and a spotlight's label already say what they are ("Beitrag 3 von …", "S-4: …") */}
            {source.kind === "THREAD" && <span className="text-slate-600">Thema: </span>}
            {source.href ? (
              <Link href={source.href} className="text-brand-700 underline hover:no-underline">
                {source.label}
              </Link>
            ) : (
              <>
                {source.label} <span className="text-slate-600">{source.kind === "SPOTLIGHT" ? "(Spotlight, nicht öffentlich)" : "(interne Diskussion)"}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
