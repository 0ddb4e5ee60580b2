import { formatBerlinDate } from "@/server/schemas/berlin-time";
import type { OzgHistoryEntry } from "@/server/services/ozg/get-service";
import { FieldChange } from "./field-change";

/**
 * What each import changed of the service, newest first: field, old → new, and for those signed in who
 * imported which file (visitors get neither from the service).
 */
export function OzgHistory({ entries }: { entries: OzgHistoryEntry[] }) {
  if (entries.length === 0) return <p className="mt-2 text-slate-700">Für diese Leistung sind noch keine Änderungen erfasst.</p>;
  return (
    <ol aria-label="Verlauf der Leistung" className="mt-3 ml-1.5">
      {entries.map((entry) => (
        <li key={entry.key} className="relative border-l-2 border-slate-300 pb-5 pl-5 last:border-l-transparent last:pb-0">
          <span aria-hidden="true" className="absolute top-1.5 -left-[7px] h-3 w-3 rounded-full border-2 border-white bg-brand-600 ring-2 ring-slate-300" />
          <p className="font-semibold">
            <time dateTime={entry.changedAt.toISOString()}>{formatBerlinDate(entry.changedAt)}</time>
          </p>
          <p className="text-sm break-words text-slate-700">
            {entry.fileName ? <>Import „{entry.fileName}“</> : entry.isImport ? "Import" : "Ohne Import"}
            {entry.changedBy && <> · von {entry.changedBy}</>}
          </p>
          <ul className="mt-1 space-y-0.5 text-sm">
            {entry.changes.map((change) => (
              <li key={change.field} className="break-words">
                <FieldChange label={change.label} oldValue={change.oldValue} newValue={change.newValue} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
