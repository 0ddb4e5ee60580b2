import { impulseTalkCategoryLabels, type ImpulseTalkCategory } from "@/server/schemas/impulse-talk";

const badge = "inline-block rounded-full border px-2.5 py-0.5 text-xs font-semibold sm:text-sm";

/** One colour per series; light background, dark text (contrast above 7:1). */
const seriesTones: Record<ImpulseTalkCategory, string> = {
  OTHER_STATES: "border-brand-100 bg-brand-50 text-brand-800",
  LIGHTHOUSE: "border-amber-300 bg-amber-50 text-amber-900",
  FUTURE: "border-violet-300 bg-violet-50 text-violet-900",
};

export function SeriesBadge({ category }: { category: ImpulseTalkCategory }) {
  return (
    <span className={`${badge} ${seriesTones[category]}`} data-category={category}>
      <span className="sr-only">Reihe: </span>
      {impulseTalkCategoryLabels[category]}
    </span>
  );
}

export function CancelledBadge() {
  return <span className={`${badge} border-red-300 bg-red-50 text-red-900`}>Abgesagt</span>;
}

export function RecordingBadge() {
  return <span className={`${badge} border-green-300 bg-green-50 text-green-900`}>Aufzeichnung</span>;
}
