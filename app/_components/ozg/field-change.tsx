/** A field's value as the eye reads it: a dash for none. */
export const shownValue = (value: string | null) => value ?? "–";
/** …and as a screen reader says it. */
const spokenValue = (value: string | null) => value ?? "keine Angabe";

/**
 * "Phase: Pilotierung → Rollout": the arrow for the eye, "von … zu …" for screen readers. The
 * caller puts it in its own list item.
 */
export function FieldChange({ label, oldValue, newValue }: { label: string; oldValue: string | null; newValue: string | null }) {
  return (
    <>
      <span className="font-medium">{label}:</span>{" "}
      <span className="sr-only">
        von {spokenValue(oldValue)} zu {spokenValue(newValue)}
      </span>
      <span aria-hidden="true">
        <span className="text-slate-600">{shownValue(oldValue)}</span> → <span className="font-semibold">{shownValue(newValue)}</span>
      </span>
    </>
  );
}
