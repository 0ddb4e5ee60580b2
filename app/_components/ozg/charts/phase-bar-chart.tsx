import { ozgPhaseInfo, ozgPhases } from "@/server/schemas/ozg";
import { ozgTableHref } from "@/server/schemas/ozg-params";
import type { PhaseCounts } from "@/server/services/ozg/overview";
import { formatCount } from "@/app/_lib/format";
import { ChartFigure, graphicLabels, PhasePatterns, phaseFill, ChartLinks } from "./chart-parts";
import { PhaseTable } from "./phase-table";
import { phaseColors } from "../phase-colors";

const ROW = 44;
const BAR = 22;

export function phaseSummary(byPhase: PhaseCounts, total: number): string {
  const planning = byPhase.REUSE_REVIEW + byPhase.REUSE_PLANNING;
  return (
    `Von ${formatCount(total)} Leistungen sind ${formatCount(byPhase.DONE)} umgesetzt, ${formatCount(byPhase.ROLLOUT)} im Rollout, ` +
    `${formatCount(byPhase.PILOT)} in der Pilotierung, ${formatCount(planning)} in Prüfung oder Planung der Nachnutzung, ` +
    `${formatCount(byPhase.INITIALISATION)} in der Initialisierung, ${formatCount(byPhase.NOT_STARTED)} nicht gestartet und ${formatCount(byPhase.DEPRIORITIZED)} depriorisiert.`
  );
}

/** Services per phase: a bar per phase, Depriorisiert first, then 0 … 6, each opening the table filtered to it. */
export function PhaseBarChart({ byPhase, total }: { byPhase: PhaseCounts; total: number }) {
  const id = "phasen";
  const max = Math.max(1, ...Object.values(byPhase));
  return (
    <ChartFigure
      id={id}
      title="Leistungen je Phase"
      summary={phaseSummary(byPhase, total)}
      legend={false}
      table={
        <PhaseTable
          caption="Leistungen je Phase"
          rowHeader="Alle Leistungen"
          rows={[{ key: "alle", label: "Leistungen", counts: byPhase, total, href: (phase) => ozgTableHref(phase ? { phases: [phase] } : {}) }]}
        />
      }
    >
      <div className="relative">
        <svg {...graphicLabels(id)} width="100%" height={ozgPhases.length * ROW} className="block overflow-visible">
          <PhasePatterns id={id} />
          {ozgPhases.map((phase, index) => {
            const count = byPhase[phase];
            const width = (count / max) * 100;
            const y = index * ROW;
            const inside = width > 14;
            return (
              <g key={phase}>
                <title>{`${ozgPhaseInfo[phase].label}: ${formatCount(count)} Leistungen`}</title>
                <text x="0" y={y + 13} fontSize={13} fill="#0f172a">
                  {ozgPhaseInfo[phase].label}
                </text>
                <rect x="0" y={y + 18} width={`${Math.max(width, 0.4)}%`} height={BAR} fill={phaseFill(phase, id)} stroke="#475569" strokeWidth={0.5} />
                <text
                  x={`${width}%`}
                  dx={inside ? -6 : 6}
                  y={y + 18 + BAR / 2}
                  textAnchor={inside ? "end" : "start"}
                  dominantBaseline="central"
                  fontSize={13}
                  fontWeight={600}
                  fill={inside ? phaseColors[phase].ink : "#0f172a"}
                  stroke={inside ? phaseColors[phase].fill : "none"}
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {formatCount(count)}
                </text>
              </g>
            );
          })}
        </svg>
        <ChartLinks
          boxes={ozgPhases.map((phase, index) => ({
            href: ozgTableHref({ phases: [phase] }),
            title: `${ozgPhaseInfo[phase].label}: ${formatCount(byPhase[phase])} Leistungen`,
            left: 0,
            width: 100,
            top: index * ROW,
            height: ROW - 4,
          }))}
        />
      </div>
    </ChartFigure>
  );
}
