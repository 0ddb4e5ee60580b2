import { spotlightStatusLabels, type SpotlightStatus } from "@/server/schemas/spotlight-lifecycle";

/** One colour per stage; each pairs a light background with dark text (contrast above 7:1). */
const tones: Record<SpotlightStatus, string> = {
  PROPOSED: "border-slate-300 bg-slate-100 text-slate-800",
  IN_REVIEW: "border-amber-300 bg-amber-50 text-amber-900",
  PROMOTED: "border-brand-100 bg-brand-50 text-brand-800",
  FORWARDED: "border-violet-300 bg-violet-50 text-violet-900",
  ANSWERED: "border-green-300 bg-green-50 text-green-900",
  CLOSED: "border-slate-400 bg-white text-slate-800",
  DECLINED: "border-red-300 bg-red-50 text-red-900",
};

/**
 * A spotlight's status in words ("Weitergeleitet"), and "überfällig" beside it when a forwarded one
 * is past its due day without an answer (isSpotlightOverdue decides). Shared by the board and the
 * detail page.
 */
export function StatusBadge({ status, overdue = false, compact = false }: { status: SpotlightStatus; overdue?: boolean; compact?: boolean }) {
  const size = compact ? "px-1.5 text-xs" : "px-2.5 text-sm";
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5 align-middle">
      <span className={`inline-block rounded-full border py-0.5 font-semibold whitespace-nowrap ${size} ${tones[status]}`} data-status={status}>
        <span className="sr-only">Status: </span>
        {spotlightStatusLabels[status]}
      </span>
      {overdue && <OverdueBadge compact={compact} />}
    </span>
  );
}

/** "überfällig": a forwarded spotlight past its due day without an answer. */
export function OverdueBadge({ compact = false }: { compact?: boolean }) {
  const size = compact ? "px-1.5 text-xs" : "px-2.5 text-sm";
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border border-red-700 bg-red-700 py-0.5 font-semibold whitespace-nowrap text-white ${size}`}>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="currentColor">
        <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm.75 3.5v4h-1.5v-4h1.5ZM8 10.25a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8Z" />
      </svg>
      überfällig
    </span>
  );
}
