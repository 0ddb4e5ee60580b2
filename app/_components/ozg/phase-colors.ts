import type { OzgPhase } from "@/server/schemas/ozg";

/**
 * One colour per phase, shared by badges and charts: viridis, a sequential scale that colour-blind
 * readers tell apart and whose lightness falls with every step, so it prints in grey in the same
 * order. Depriorisiert is light grey and hatched in charts (`hatched`). `ink` is the text colour
 * readable on the fill (contrast ≥ 4.5:1).
 */
export const phaseColors: Record<OzgPhase, { fill: string; ink: string; hatched?: true }> = {
  DEPRIORITIZED: { fill: "#d4d4d8", ink: "#18181b", hatched: true },
  NOT_STARTED: { fill: "#fde725", ink: "#18181b" },
  INITIALISATION: { fill: "#a0da39", ink: "#18181b" },
  REUSE_REVIEW: { fill: "#4ac16d", ink: "#18181b" },
  REUSE_PLANNING: { fill: "#1fa187", ink: "#18181b" },
  PILOT: { fill: "#277f8e", ink: "#ffffff" },
  ROLLOUT: { fill: "#365c8d", ink: "#ffffff" },
  DONE: { fill: "#46327e", ink: "#ffffff" },
};
