import { formatShortDate } from "@/app/_lib/format";
import { spotlightStatusLabels } from "@/server/schemas/spotlight-lifecycle";
import type { SpotlightTimelineEntry } from "@/server/services/spotlights/dto";
import { StatusBadge } from "./status-badge";

/** Who moved the spotlight when, from which status to which, and why: oldest first. */
export function SpotlightTimeline({ entries }: { entries: SpotlightTimelineEntry[] }) {
  if (entries.length === 0) return <p className="mt-2 text-slate-700">Noch keine Einträge.</p>;
  return (
    <ol aria-label="Verlauf des Spotlights" className="mt-3 ml-1.5">
      {entries.map((entry) => (
        // the line runs from each entry's dot to the next; the last entry ends it
        <li key={entry.id} className="relative border-l-2 border-slate-300 pb-5 pl-5 last:border-l-transparent last:pb-0">
          <span aria-hidden="true" className="absolute top-1.5 -left-[7px] h-3 w-3 rounded-full border-2 border-white bg-brand-600 ring-2 ring-slate-300" />
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
            {entry.from === null ? (
              <span className="font-semibold">Vorgeschlagen</span>
            ) : (
              <>
                <span className="sr-only">
                  Von {spotlightStatusLabels[entry.from]} nach {spotlightStatusLabels[entry.to]}
                </span>
                <span aria-hidden="true" className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="text-slate-700">{spotlightStatusLabels[entry.from]}</span>
                  <span>→</span>
                  <StatusBadge status={entry.to} />
                </span>
              </>
            )}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            <span className="font-medium">{entry.actor.name}</span> ({entry.actor.organisation}) ·{" "}
            <time dateTime={entry.at}>{formatShortDate(entry.at)}</time>
          </p>
          {entry.comment && <p className="mt-1 rounded bg-slate-100 px-3 py-2 text-sm whitespace-pre-line text-slate-900">{entry.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
