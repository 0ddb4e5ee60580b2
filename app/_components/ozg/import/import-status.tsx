import type { OzgImportSummary } from "@/server/services/ozg/import/import-summary";

export const importStatusLabels: Record<OzgImportSummary["status"], string> = {
  CHECKED: "Geprüft, nicht eingespielt",
  APPLIED: "Eingespielt",
  DISCARDED: "Verworfen",
};

const tones: Record<OzgImportSummary["status"], string> = {
  CHECKED: "border-amber-400 bg-amber-50 text-amber-950",
  APPLIED: "border-green-600 bg-green-50 text-green-900",
  DISCARDED: "border-slate-400 bg-slate-100 text-slate-800",
};

export function ImportStatus({ status }: { status: OzgImportSummary["status"] }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[status]}`}>{importStatusLabels[status]}</span>;
}

/** The first 12 hex digits: enough to tell files apart at a glance; the whole hash is in the title. */
export function ShortHash({ sha256 }: { sha256: string }) {
  return (
    <code title={`SHA-256: ${sha256}`} className="font-mono text-xs">
      {sha256.slice(0, 12)}…
    </code>
  );
}
