import { ozgPhaseInfo, type OzgPhase } from "@/server/schemas/ozg";
import { phaseColors } from "./phase-colors";

/** A phase as text with its chart colour beside it (the colour is never the only carrier). */
export function PhaseBadge({ phase, short = false }: { phase: OzgPhase; short?: boolean }) {
  const info = ozgPhaseInfo[phase];
  const colour = phaseColors[phase];
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" title={info.description}>
      <span
        aria-hidden="true"
        className="inline-block size-3 shrink-0 rounded-sm border border-slate-500"
        style={{
          backgroundColor: colour.fill,
          backgroundImage: colour.hatched ? "repeating-linear-gradient(45deg, transparent 0 2px, #52525b 2px 3px)" : undefined,
        }}
      />
      {short ? info.short : info.label}
    </span>
  );
}
