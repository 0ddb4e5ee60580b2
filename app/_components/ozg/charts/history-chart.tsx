import { ozgPhaseInfo, ozgPhases } from "@/server/schemas/ozg";
import type { OzgHistoryMonth } from "@/server/services/ozg/phase-history";
import { formatCount } from "@/app/_lib/format";
import { ChartFigure, graphicLabels, PhasePatterns, phaseFill, SegmentLabel } from "./chart-parts";
import { PhaseTable } from "./phase-table";

const PLOT = 240;
const AXIS = 34;
/** a segment gets its count written on it from this height in pixels */
const LABEL_HEIGHT = 15;

export function historySummary(months: OzgHistoryMonth[]): string {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return "Es gibt noch keine Entwicklung.";
  if (first === last) return `Für ${last.label} sind ${formatCount(last.counts.DONE)} von ${formatCount(last.total)} Leistungen umgesetzt; eine Entwicklung zeigt sich ab dem nächsten Monat.`;
  const trend = last.counts.DONE < first.counts.DONE ? "sank" : "stieg";
  return (
    `Von ${first.label} bis ${last.label} ${trend} die Zahl der umgesetzten Leistungen von ${formatCount(first.counts.DONE)} auf ${formatCount(last.counts.DONE)}, ` +
    `die im Rollout von ${formatCount(first.counts.ROLLOUT)} auf ${formatCount(last.counts.ROLLOUT)}; nicht gestartet waren zuletzt ${formatCount(last.counts.NOT_STARTED)} statt ${formatCount(first.counts.NOT_STARTED)}.`
  );
}

/**
 * The phase distribution at each month's end as stacked columns, Depriorisiert on top and Umgesetzt at
 * the base, where its growth reads best. Columns share the width; their counts show from 640 px on.
 */
export function HistoryChart({ months, className }: { months: OzgHistoryMonth[]; className?: string }) {
  const id = "verlauf";
  const max = Math.max(1, ...months.map((month) => month.total));
  const slot = 100 / Math.max(1, months.length);
  return (
    <ChartFigure
      id={id}
      className={className}
      title="Entwicklung der Phasen je Monat"
      summary={historySummary(months)}
      table={<PhaseTable caption="Leistungen je Phase am Monatsende" rowHeader="Monat" rows={months.map((month) => ({ key: month.month, label: month.label, counts: month.counts, total: month.total }))} />}
    >
      <svg {...graphicLabels(id)} width="100%" height={PLOT + AXIS} className="block">
        <PhasePatterns id={id} />
        <line x1="0" x2="100%" y1={PLOT + 0.5} y2={PLOT + 0.5} stroke="#475569" />
        {months.map((month, index) => {
          const x = index * slot + slot * 0.1;
          const width = slot * 0.8;
          let top = PLOT - (month.total / max) * PLOT;
          // the year under each January and under the first column; there only where it cannot collide with January's
          const isJanuary = month.month.endsWith("-01");
          const yearClass = isJanuary ? undefined : index === 0 && months[1]?.month.endsWith("-01") ? "max-sm:hidden" : index === 0 ? undefined : null;
          return (
            <g key={month.month}>
              {ozgPhases.map((phase) => {
                const count = month.counts[phase];
                if (!count) return null;
                const height = (count / max) * PLOT;
                const y = top;
                top += height;
                return (
                  <g key={phase}>
                    <title>{`${month.label}, ${ozgPhaseInfo[phase].label}: ${formatCount(count)} Leistungen`}</title>
                    <rect x={`${x}%`} y={y} width={`${width}%`} height={height} fill={phaseFill(phase, id)} stroke="#ffffff" strokeWidth={1} />
                    {height >= LABEL_HEIGHT && (
                      <SegmentLabel phase={phase} x={`${x + width / 2}%`} y={y + height / 2} fontSize={11} className="max-sm:hidden">
                        {formatCount(count)}
                      </SegmentLabel>
                    )}
                  </g>
                );
              })}
              {/* on phones the months' initials: three letters of twelve months do not fit 320 px */}
              <text x={`${x + width / 2}%`} y={PLOT + 14} fontSize={12} textAnchor="middle" fill="#0f172a" className="max-sm:hidden">
                {month.label.slice(0, 3)}
              </text>
              <text x={`${x + width / 2}%`} y={PLOT + 14} fontSize={12} textAnchor="middle" fill="#0f172a" className="sm:hidden">
                {month.label.slice(0, 1)}
              </text>
              {yearClass !== null && (
                <text x={`${x + width / 2}%`} y={PLOT + 28} fontSize={11} textAnchor="middle" fill="#475569" className={yearClass}>
                  {month.month.slice(0, 4)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
