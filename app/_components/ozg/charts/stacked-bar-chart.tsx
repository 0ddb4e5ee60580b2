import { ozgPhaseInfo, ozgPhases, type OzgPhase } from "@/server/schemas/ozg";
import { formatCount } from "@/app/_lib/format";
import { ChartFigure, ChartLinks, graphicLabels, PhasePatterns, phaseFill, SegmentLabel, type LinkBox } from "./chart-parts";
import { PhaseTable, type PhaseTableRow } from "./phase-table";

const ROW = 48;
const BAR = 24;
/** a segment gets its count written on it from this share of the longest bar; on phones from the second */
const LABEL_SHARE = 0.06;
const NARROW_LABEL_SHARE = 0.1;

/**
 * One stacked bar per group (a Ressort, a priority) with its services per phase, Depriorisiert first,
 * each bar as long as its number of services, so both the groups' sizes and their progress compare.
 */
export function StackedPhaseChart(props: { id: string; title: string; summary: string; rowHeader: string; rows: PhaseTableRow[]; className?: string }) {
  const { id, title, summary, rowHeader, rows, className } = props;
  const max = Math.max(1, ...rows.map((row) => row.total));
  const links: LinkBox[] = [];
  return (
    <ChartFigure id={id} title={title} summary={summary} className={className} table={<PhaseTable caption={title} rowHeader={rowHeader} rows={rows} />}>
      <div className="relative">
        <svg {...graphicLabels(id)} width="100%" height={rows.length * ROW} className="block">
          <PhasePatterns id={id} />
          {rows.map((row, index) => {
            const y = index * ROW;
            let start = 0;
            return (
              <g key={row.key}>
                <text x="0" y={y + 14} fontSize={13} fill="#0f172a">
                  <tspan fontWeight={600}>{row.label}</tspan>
                  <tspan fill="#475569">{` · ${formatCount(row.total)} Leistungen`}</tspan>
                  {row.title && row.title !== row.label && <title>{row.title}</title>}
                </text>
                {row.total === 0 && <rect x="0" y={y + 20} width="100%" height={BAR} fill="none" stroke="#cbd5e1" strokeDasharray="4 3" />}
                {ozgPhases.map((phase) => {
                  const count = row.counts[phase];
                  if (!count) return null;
                  const x = (start / max) * 100;
                  const width = (count / max) * 100;
                  start += count;
                  const href = row.href?.(phase);
                  const title = `${row.title ?? row.label}, ${ozgPhaseInfo[phase].label}: ${formatCount(count)} Leistungen`;
                  if (href) links.push({ href, title, left: x, width, top: y + 20, height: BAR });
                  return (
                    <Segment key={phase} id={id} phase={phase} count={count} x={x} width={width} y={y + 20} showCount={count / max >= LABEL_SHARE} onlyWide={count / max < NARROW_LABEL_SHARE} title={title} />
                  );
                })}
              </g>
            );
          })}
        </svg>
        <ChartLinks boxes={links} />
      </div>
    </ChartFigure>
  );
}

function Segment(props: { id: string; phase: OzgPhase; count: number; x: number; width: number; y: number; showCount: boolean; onlyWide: boolean; title: string }) {
  const { id, phase, count, x, width, y, showCount, onlyWide, title } = props;
  return (
    <g>
      <title>{title}</title>
      <rect x={`${x}%`} y={y} width={`${width}%`} height={BAR} fill={phaseFill(phase, id)} stroke="#ffffff" strokeWidth={1} />
      {showCount && (
        <SegmentLabel phase={phase} x={`${x + width / 2}%`} y={y + BAR / 2} className={onlyWide ? "max-sm:hidden" : undefined}>
          {formatCount(count)}
        </SegmentLabel>
      )}
    </g>
  );
}
