import Link from "next/link";
import { ozgPhaseInfo, ozgPhases, type OzgPhase } from "@/server/schemas/ozg";
import { formatCount } from "@/app/_lib/format";

export interface PhaseTableRow {
  key: string;
  label: string;
  /** the row header's long form, e.g. a Ressort's full name */
  title?: string;
  counts: Record<OzgPhase, number>;
  total: number;
  /** the table filtered to this row and a phase; null where no filter exists (e.g. "ohne Ressort") */
  href?: (phase: OzgPhase | null) => string | null;
}

/** A chart's numbers as a table: a row per bar, a column per phase, each count linking to its services. */
export function PhaseTable({ caption, rowHeader, rows }: { caption: string; rowHeader: string; rows: PhaseTableRow[] }) {
  return (
    <div role="region" aria-label={`${caption} (seitlich scrollbar)`} tabIndex={0} className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-right text-sm tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-xs">
          <tr>
            <th scope="col" className="p-2 text-left">
              {rowHeader}
            </th>
            {ozgPhases.map((phase) => (
              <th key={phase} scope="col" className="p-2 font-semibold">
                {ozgPhaseInfo[phase].short}
              </th>
            ))}
            <th scope="col" className="p-2">
              Gesamt
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-200">
              <th scope="row" className="p-2 text-left font-semibold">
                {row.label}
                {row.title && row.title !== row.label && <span className="block text-xs font-normal text-slate-600">{row.title}</span>}
              </th>
              {ozgPhases.map((phase) => (
                <td key={phase} className="p-2">
                  <CountCell count={row.counts[phase]} href={row.href?.(phase) ?? null} />
                </td>
              ))}
              <td className="p-2 font-semibold">
                <CountCell count={row.total} href={row.href?.(null) ?? null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CountCell({ count, href }: { count: number; href: string | null }) {
  if (!href || count === 0) return <>{formatCount(count)}</>;
  return (
    <Link href={href} className="text-brand-700 underline underline-offset-2">
      {formatCount(count)}
    </Link>
  );
}
