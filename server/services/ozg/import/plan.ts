import { OZG_ID_PATTERN } from "../../../schemas/ozg";
import { formatOzgField, ozgFields, type OzgField, type OzgFieldValues } from "../../../schemas/ozg-fields";
import { OZG_IMPORT_MAX_ERROR_SHARE, OZG_IMPORT_MAX_ERRORS_SHOWN, type OzgImportPlan, type OzgPlanError, type OzgPlanFieldChange, type OzgPlanValues } from "../../../schemas/ozg-import";
import { AppError } from "../../../errors";
import { columnHeader, matchHeader } from "./columns";
import type { ImportTable } from "./read-table";
import { cellText, parseAvailability, parseFocus, parsePhase, parsePriority, parseRessort, type Parsed } from "./values";

export type CurrentService = OzgFieldValues & { ozgId: string };

/** Fields a new service cannot do without (the catalogue's own columns). */
const requiredForNew: OzgField[] = ["name", "lage", "themenfeld"];
const requiredNames: Record<string, string> = { name: "Namen (Spalte „Leistung“)", lage: "Lebens-/Geschäftslage", themenfeld: "Themenfeld" };

/** The default of a field a new service's row leaves out. */
const newDefaults: Omit<OzgFieldValues, "name" | "lage" | "themenfeld"> = {
  ressort: null,
  priority: null,
  phase: "NOT_STARTED",
  implementationModel: null,
  leadState: null,
  isFocus: false,
  availability: "NONE",
};

/**
 * A cell read as its field. For name, Lage, Themenfeld and phase an empty cell keeps what is there
 * (`undefined`): a catalogue service never loses its name to a blank cell. For the other fields an
 * empty cell is the empty value (no Ressort, no priority, not a focus service, not available).
 */
function readCell(field: OzgField, raw: string): Parsed<OzgPlanValues[OzgField] | undefined> {
  const text = cellText(raw);
  switch (field) {
    case "name":
    case "lage":
    case "themenfeld":
      return { ok: true, value: text || undefined };
    case "implementationModel":
    case "leadState":
      return { ok: true, value: cellText(raw, 200) || null };
    case "phase":
      return text ? parsePhase(text) : { ok: true, value: undefined };
    case "priority":
      return parsePriority(text);
    case "ressort":
      return parseRessort(text);
    case "isFocus":
      return parseFocus(text);
    case "availability":
      return parseAvailability(text);
  }
}

/**
 * The dry run: what the file would change in the catalogue, and every row that cannot be applied.
 * A file without an OZG ID column is refused as a whole (IMPORT_INVALID); so is nothing else here:
 * a file with too many broken rows is planned (to show the errors) and marked `isRefused`.
 */
export function buildImportPlan(table: ImportTable, current: CurrentService[]): OzgImportPlan {
  const { columns, indexOf } = matchHeader(table.header);
  if (indexOf.ozgId === undefined) {
    throw new AppError(
      "IMPORT_INVALID",
      `Die Datei hat keine Spalte mit der OZG-ID (erwartet: „${columnHeader("ozgId")}“ in der ersten Zeile). Gefunden: ${
        table.header
          .filter((cell) => cell.trim())
          .slice(0, 12)
          .map((cell) => `„${cellText(cell, 40)}“`)
          .join(", ") || "keine Spaltennamen"
      }.`,
    );
  }
  const presentFields = ozgFields.filter((field) => indexOf[field] !== undefined);
  const byId = new Map(current.map((service) => [service.ozgId, service]));
  const errors: OzgPlanError[] = [];
  const errorLines = new Set<number>();
  const addError = (line: number, ozgId: string | null, message: string) => {
    errors.push({ line, ozgId, message });
    errorLines.add(line);
  };

  // first pass: IDs, so a duplicate is named on both of its lines
  const linesById = new Map<string, number[]>();
  const rowIds = table.rows.map(({ line, cells }) => {
    const raw = cellText(cells[indexOf.ozgId!] ?? "", 40);
    if (!raw) {
      addError(line, null, "Die OZG-ID fehlt.");
      return null;
    }
    if (!OZG_ID_PATTERN.test(raw)) {
      addError(line, null, `Die OZG-ID „${raw}“ ist ungültig (erwartet wird eine Nummer wie 10169).`);
      return null;
    }
    linesById.set(raw, [...(linesById.get(raw) ?? []), line]);
    return raw;
  });
  for (const [ozgId, lines] of linesById) {
    if (lines.length < 2) continue;
    for (const line of lines) {
      const others = lines.filter((other) => other !== line);
      addError(line, ozgId, `Die OZG-ID ${ozgId} steht mehrfach in der Datei: in Zeile ${line} und ${others.length === 1 ? "Zeile" : "Zeilen"} ${others.join(", ")}.`);
    }
  }

  const plan: OzgImportPlan = {
    columns: table.header.map((header, index) => ({ header: cellText(header, 80), field: columns[index] ?? null })),
    newServices: [],
    changed: [],
    missing: [],
    errors: [],
    errorCount: 0,
    rowCount: table.rows.length,
    errorRowCount: 0,
    unchangedCount: 0,
    isRefused: false,
  };
  const seen = new Set<string>();

  table.rows.forEach(({ line, cells }, index) => {
    const ozgId = rowIds[index];
    if (!ozgId) return;
    seen.add(ozgId);
    const values: OzgPlanValues = {};
    let hasError = errorLines.has(line);
    for (const field of presentFields) {
      const parsed = readCell(field, cells[indexOf[field]!] ?? "");
      if (!parsed.ok) {
        addError(line, ozgId, parsed.message);
        hasError = true;
      } else if (parsed.value !== undefined) {
        (values as Record<OzgField, unknown>)[field] = parsed.value;
      }
    }
    const existing = byId.get(ozgId);
    if (!existing) {
      const lacking = requiredForNew.filter((field) => !values[field as "name"]);
      if (lacking.length) {
        addError(
          line,
          ozgId,
          `Die OZG-ID ${ozgId} ist neu im Katalog; für eine neue Leistung fehlt ${lacking.map((field) => requiredNames[field]).join(", ")}.`,
        );
        hasError = true;
      }
      if (hasError) return;
      const full = { ...newDefaults, ...values } as OzgFieldValues;
      plan.newServices.push({ line, ozgId, name: full.name, values: full as OzgPlanValues });
      return;
    }
    if (hasError) return;
    const next = { ...existing, ...values } as OzgFieldValues;
    const changes: OzgPlanFieldChange[] = [];
    for (const field of presentFields) {
      const oldValue = formatOzgField(field, existing);
      const newValue = formatOzgField(field, next);
      if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
    }
    if (!changes.length) {
      plan.unchangedCount++;
      return;
    }
    const changedValues = Object.fromEntries(changes.map((change) => [change.field, values[change.field as keyof OzgPlanValues]])) as OzgPlanValues;
    plan.changed.push({ line, ozgId, name: next.name, values: changedValues, changes });
  });

  plan.missing = current.filter((service) => !seen.has(service.ozgId)).map((service) => ({ ozgId: service.ozgId, name: service.name }));
  errors.sort((a, b) => a.line - b.line);
  // the stored plan stays small however broken the file is; the share below counts every error
  plan.errors = errors.slice(0, OZG_IMPORT_MAX_ERRORS_SHOWN);
  plan.errorCount = errors.length;
  plan.errorRowCount = errorLines.size;
  plan.isRefused = plan.errorRowCount > plan.rowCount * OZG_IMPORT_MAX_ERROR_SHARE;
  return plan;
}

