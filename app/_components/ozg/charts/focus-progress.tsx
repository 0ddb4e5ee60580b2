import Link from "next/link";
import { ozgPhaseInfo, type OzgPhase } from "@/server/schemas/ozg";
import { ozgServiceHref, ozgTableHref } from "@/server/schemas/ozg-params";
import type { OzgFocusService } from "@/server/services/ozg/overview";
import { phaseColors } from "../phase-colors";
import { formatCount } from "@/app/_lib/format";
import { ChartFigure, PhasePatterns, phaseFill } from "./chart-parts";

const STEPS = 7;

export function focusSummary(focus: OzgFocusService[]): string {
  const count = (phase: OzgPhase) => focus.filter((service) => service.phase === phase).length;
  const rest = focus.length - count("DONE") - count("ROLLOUT") - count("PILOT");
  return (
    `Von ${formatCount(focus.length)} Fokusleistungen sind ${count("DONE")} umgesetzt, ${count("ROLLOUT")} im Rollout, ${count("PILOT")} in der Pilotierung` +
    (rest ? ` und ${rest} in einer früheren Phase oder depriorisiert.` : ".")
  );
}

/** The Fokusleistungen one per row: the name opens the service, the steps 0–6 show how far it is. */
export function FocusProgress({ focus, className }: { focus: OzgFocusService[]; className?: string }) {
  const id = "fokus";
  return (
    <ChartFigure
      id={id}
      className={className}
      title="Fortschritt der Fokusleistungen"
      summary={focusSummary(focus)}
      legend={false}
      table={
        <div role="region" aria-label="Fokusleistungen (seitlich scrollbar)" tabIndex={0} className="overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Fokusleistungen und ihre Phase</caption>
            <thead className="bg-slate-100 text-xs">
              <tr>
                <th scope="col" className="p-2">OZG-ID</th>
                <th scope="col" className="p-2">Leistung</th>
                <th scope="col" className="p-2">Phase</th>
              </tr>
            </thead>
            <tbody>
              {focus.map((service) => (
                <tr key={service.ozgId} className="border-t border-slate-200">
                  <td className="p-2 tabular-nums">{service.ozgId}</td>
                  <th scope="row" className="p-2 font-normal">
                    <div className="cell-text">{service.name}</div>
                  </th>
                  <td className="p-2">{ozgPhaseInfo[service.phase].label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    >
      <ol aria-labelledby={`${id}-titel`} aria-describedby={`${id}-zusammenfassung`} className="divide-y divide-slate-200">
        {focus.map((service) => (
          <li key={service.ozgId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2">
            <Link href={ozgServiceHref(service.ozgId)} className="min-w-0 flex-1 basis-56 font-semibold text-brand-700 underline-offset-2 hover:underline">
              {service.name}
            </Link>
            <span className="flex items-center gap-2 text-sm text-slate-700">
              <StepIndicator ozgId={service.ozgId} phase={service.phase} />
              <span className="w-28">{ozgPhaseInfo[service.phase].short}</span>
            </span>
          </li>
        ))}
      </ol>
      <p className="mt-2 text-sm">
        <Link href={ozgTableHref({ focusOnly: true, sort: "phase", direction: "desc" })} className="font-semibold text-brand-700 underline underline-offset-2">
          Alle Fokusleistungen in der Tabelle
        </Link>
      </p>
    </ChartFigure>
  );
}

/** Seven steps 0–6, those reached filled in the phase's colour; Depriorisiert fills none and is hatched. */
function StepIndicator({ ozgId, phase }: { ozgId: string; phase: OzgPhase }) {
  const step = ozgPhaseInfo[phase].step;
  const patternId = `schritt-${ozgId}`;
  const label = step === null ? "Depriorisiert, kein Schritt erreicht" : `Schritt ${step} von 6: ${ozgPhaseInfo[phase].label}`;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${STEPS * 16} 14`} width={STEPS * 16} height="14" className="shrink-0">
      <PhasePatterns id={patternId} />
      {Array.from({ length: STEPS }, (_, index) => {
        const reached = step !== null && index <= step;
        const fill = step === null ? phaseFill("DEPRIORITIZED", patternId) : reached ? phaseColors[phase].fill : "#ffffff";
        return <rect key={index} x={index * 16 + 1} y="1" width="13" height="12" rx="2" fill={fill} stroke={reached ? "#334155" : "#94a3b8"} />;
      })}
    </svg>
  );
}

