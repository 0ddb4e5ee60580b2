import { ozgPhaseInfo, ozgPhases, type OzgPhase } from "@/server/schemas/ozg";
import { phaseColors } from "./phase-colors";

const steps = ozgPhases.filter((phase) => ozgPhaseInfo[phase].step !== null);

/**
 * The programme's steps 0 to 6 at a glance: the steps reached filled in their chart colour, the
 * current one outlined and named, the ones ahead empty. Depriorisiert stands outside the steps.
 */
export function PhaseSteps({ phase }: { phase: OzgPhase }) {
  const current = ozgPhaseInfo[phase].step;
  return (
    <div>
      <ol aria-label="Phasen der Umsetzung" className="flex flex-wrap gap-1.5">
        {steps.map((step) => {
          const { step: number, short, label } = ozgPhaseInfo[step];
          const reached = current !== null && number !== null && number <= current;
          const isCurrent = step === phase;
          const colour = phaseColors[step];
          return (
            <li
              key={step}
              aria-current={isCurrent ? "step" : undefined}
              className={`flex min-h-8 items-center rounded border px-2 text-sm ${isCurrent ? "border-slate-900 font-semibold ring-2 ring-slate-900" : reached ? "border-slate-400" : "border-dashed border-slate-400 bg-white text-slate-700"}`}
              style={reached ? { backgroundColor: colour.fill, color: colour.ink } : undefined}
            >
              <span className="sr-only">
                {label}
                {isCurrent ? " (aktuelle Phase)" : reached ? " (erreicht)" : " (noch nicht erreicht)"}
              </span>
              <span aria-hidden="true">{isCurrent ? short : number}</span>
            </li>
          );
        })}
      </ol>
      {phase === "DEPRIORITIZED" && <p className="mt-2 text-sm font-semibold">Depriorisiert: Die Leistung wird vorerst nicht umgesetzt.</p>}
    </div>
  );
}
