import { ozgAvailabilityInfo, ozgPhaseInfo, ozgPriorityLabels, type OzgAvailability, type OzgPhase, type OzgPriority } from "./ozg";

/**
 * The fields of a service that the monthly file carries and the history records, in the order of the
 * export's columns. Their values are written as the export writes them (phase "4. Umsetzung
 * (Pilotierung)", priority "1 hoch", Fokusleistung "ja"), so history, export and import speak alike.
 * Client-safe.
 */
export const ozgFields = ["name", "lage", "themenfeld", "ressort", "priority", "phase", "implementationModel", "leadState", "isFocus", "availability"] as const;
export type OzgField = (typeof ozgFields)[number];

/** The export's column headers; the import recognises these and the aliases in import/columns.ts. */
export const ozgFieldHeaders: Record<OzgField, string> = {
  name: "Leistung",
  lage: "Lebens-/Geschäftslage",
  themenfeld: "Themenfeld",
  ressort: "Ressort",
  priority: "Priorität",
  phase: "Phase",
  implementationModel: "Umsetzungsmodell",
  leadState: "Themenfeldführendes Land",
  isFocus: "Fokusleistung",
  availability: "Flächendeckende Verfügbarkeit",
};

export const OZG_ID_HEADER = "OZG-ID";

/** The fields whose change notifies a service's followers. */
export const ozgNotifiedFields: readonly OzgField[] = ["phase", "priority"];

/** A service's values of the tracked fields, as stored. */
export interface OzgFieldValues {
  name: string;
  lage: string;
  themenfeld: string;
  ressort: string | null;
  priority: number | null;
  phase: OzgPhase;
  implementationModel: string | null;
  leadState: string | null;
  isFocus: boolean;
  availability: OzgAvailability;
}

/** One field's value as the export and the history write it; null for no value. */
export function formatOzgField<F extends OzgField>(field: F, values: Pick<OzgFieldValues, F>): string | null {
  const value = values[field] as OzgFieldValues[OzgField];
  switch (field) {
    case "phase":
      return ozgPhaseInfo[value as OzgPhase].label;
    case "priority":
      return value === null ? null : (ozgPriorityLabels[value as OzgPriority] ?? String(value));
    case "isFocus":
      return value ? "ja" : "nein";
    case "availability":
      return ozgAvailabilityInfo[value as OzgAvailability].label;
    default:
      return value === null || value === "" ? null : String(value);
  }
}
