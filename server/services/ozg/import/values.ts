import { ozgAvailabilities, ozgAvailabilityInfo, ozgPhaseInfo, ozgPhases, ozgPriorityLabels, ozgPriorities, type OzgAvailability, type OzgPhase, type OzgPriority } from "../../../schemas/ozg";
import { ressorts } from "../../../schemas/ressorts";
import { normaliseText } from "../../../schemas/text";
import { looseKey } from "./columns";

/**
 * Reading a cell as a field's value, tolerantly: the spellings the export writes, the short forms
 * people type, and the variants of other offices' files. An empty cell means "no value" (see plan.ts
 * for what that does to each field).
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T,>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** Text of a cell, one line; long cells are cut: a name of 500 characters is already a broken file. */
export const cellText = (value: string, max = 500): string => normaliseText(value, { singleLine: true }).slice(0, max).trim();

const quoted = (raw: string) => `„${cellText(raw, 60)}“`;

/**
 * The number a cell starts with, read on the text itself: looseKey drops signs and separators, so
 * "-1" would read as 1 and "2,0" as 20. `null` when the cell does not start with a number.
 */
function leadingNumber(raw: string): { isNegative: boolean; isWhole: boolean } | null {
  const match = /^([+\-\u2212\u2013])?\s*\d+([.,]\d+)?/.exec(raw.trim());
  if (!match) return null;
  return { isNegative: match[1] !== undefined && match[1] !== "+", isWhole: !match[1] && !match[2] };
}

const phaseByKey = new Map<string, OzgPhase>();
for (const phase of ozgPhases) {
  const info = ozgPhaseInfo[phase];
  const withoutStep = info.label.replace(/^\d+\.\s*/, "");
  const keys = [info.label, info.short, info.slug, withoutStep, phase];
  const inBrackets = /\(([^)]+)\)/.exec(withoutStep);
  // "Umsetzung (Pilotierung)": "Pilotierung" and "Umsetzung" alone, as people shorten it
  if (inBrackets) keys.push(inBrackets[1]!, withoutStep.replace(/\(.*\)/, ""));
  if (info.step !== null) keys.push(String(info.step));
  for (const key of keys) phaseByKey.set(looseKey(key), phase);
}
phaseByKey.set(looseKey("Deprioritisiert"), "DEPRIORITIZED");
phaseByKey.set(looseKey("Nicht begonnen"), "NOT_STARTED");

export const acceptedPhaseValues = ozgPhases.map((phase) => ozgPhaseInfo[phase].label);

export function parsePhase(raw: string): Parsed<OzgPhase> {
  const leading = leadingNumber(raw);
  if (leading?.isNegative) return fail(`Die Phase ${quoted(raw)} liegt außerhalb von 0–6: erlaubt sind ${acceptedPhaseValues.join(", ")} (oder nur die Nummer 0–6).`);
  if (leading && !leading.isWhole) return fail(`Die Phase ${quoted(raw)} ist keine ganze Zahl ohne Vorzeichen: erlaubt sind ${acceptedPhaseValues.join(", ")} (oder nur die Nummer 0–6).`);
  const phase = phaseByKey.get(looseKey(raw));
  return phase ? ok(phase) : fail(`Unbekannte Phase ${quoted(raw)}: erlaubt sind ${acceptedPhaseValues.join(", ")} (oder nur die Nummer 0–6).`);
}

const priorityByWord = new Map<string, OzgPriority>(ozgPriorities.map((priority) => [looseKey(ozgPriorityLabels[priority].replace(/^\d+\s*/, "")), priority]));

export function parsePriority(raw: string): Parsed<OzgPriority | null> {
  const key = looseKey(raw);
  if (!key) return ok(null);
  const leading = leadingNumber(raw);
  const numbered = /^(\d+)(.*)$/.exec(key);
  if (leading && numbered) {
    const number = Number(numbered[1]);
    const word = numbered[2]!;
    if (leading.isNegative || (leading.isWhole && !ozgPriorities.includes(number as OzgPriority))) {
      return fail(`Die Priorität ${quoted(raw)} liegt außerhalb von 1–4 (1 hoch, 2 mittel, 3 niedrig, 4 kein Bedarf).`);
    }
    if (!leading.isWhole) return fail(`Die Priorität ${quoted(raw)} ist keine ganze Zahl ohne Vorzeichen: erlaubt sind 1 hoch, 2 mittel, 3 niedrig, 4 kein Bedarf.`);
    if (word && priorityByWord.get(word) !== number) return fail(`Unbekannte Priorität ${quoted(raw)}: erlaubt sind 1 hoch, 2 mittel, 3 niedrig, 4 kein Bedarf.`);
    return ok(number as OzgPriority);
  }
  const byWord = priorityByWord.get(key);
  return byWord ? ok(byWord) : fail(`Unbekannte Priorität ${quoted(raw)}: erlaubt sind 1 hoch, 2 mittel, 3 niedrig, 4 kein Bedarf.`);
}

const ressortByKey = new Map<string, string>(ressorts.flatMap((ressort) => [[looseKey(ressort.code), ressort.code] as const, [looseKey(ressort.name), ressort.code] as const]));

export function parseRessort(raw: string): Parsed<string | null> {
  const key = looseKey(raw);
  if (!key) return ok(null);
  const code = ressortByKey.get(key);
  return code ? ok(code) : fail(`Unbekanntes Ressort ${quoted(raw)}: erlaubt sind die Kürzel ${ressorts.map((r) => r.code).join(", ")} oder der volle Name des Ministeriums.`);
}

const yes = new Set(["ja", "j", "x", "1", "wahr", "true", "yes", "y"]);
const no = new Set(["", "nein", "n", "0", "falsch", "false", "no", "-"]);

export function parseFocus(raw: string): Parsed<boolean> {
  const key = raw.trim().toLowerCase();
  if (yes.has(key)) return ok(true);
  if (no.has(key)) return ok(false);
  return fail(`Unbekannter Wert ${quoted(raw)} für Fokusleistung: erlaubt sind ja oder nein (auch x, 1/0, wahr/falsch; leer heißt nein).`);
}

const availabilityByKey = new Map<string, OzgAvailability>();
for (const availability of ozgAvailabilities) {
  availabilityByKey.set(looseKey(ozgAvailabilityInfo[availability].label), availability);
  availabilityByKey.set(looseKey(ozgAvailabilityInfo[availability].slug), availability);
  availabilityByKey.set(looseKey(availability), availability);
}
for (const [word, availability] of [
  ["", "NONE"],
  ["ja", "AREA_WIDE"],
  ["flächendeckend", "AREA_WIDE"],
  ["vollständig", "AREA_WIDE"],
  ["nicht", "NONE"],
  ["keine", "NONE"],
  ["nein", "NONE"],
  ["teilweise", "PARTIAL"],
  ["teilweise flächendeckend", "PARTIAL"],
] as const) {
  availabilityByKey.set(looseKey(word), availability);
}

export const acceptedAvailabilityValues = [...ozgAvailabilities.map((a) => ozgAvailabilityInfo[a].label), "ja", "teilweise", "nein", "flächendeckend"];

export function parseAvailability(raw: string): Parsed<OzgAvailability> {
  const availability = availabilityByKey.get(looseKey(raw));
  return availability ? ok(availability) : fail(`Unbekannte Verfügbarkeit ${quoted(raw)}: erlaubt sind flächendeckend verfügbar (ja), teilweise verfügbar (teilweise) und nicht verfügbar (nein).`);
}
