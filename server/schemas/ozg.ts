import { z } from "zod";
import { pageSchema } from "./paging";
import { ressorts, type RessortCode } from "./ressorts";
import { idSchema, requiredText } from "./common";
import { normaliseText } from "./text";

/**
 * The vocabulary of Sachsen-Anhalt's Nachnutzungsübersicht: phases, priorities and availability with
 * their German names, as the table, the charts, the export and the import write them. Client-safe.
 */

export const ozgPhases = ["DEPRIORITIZED", "NOT_STARTED", "INITIALISATION", "REUSE_REVIEW", "REUSE_PLANNING", "PILOT", "ROLLOUT", "DONE"] as const;
export type OzgPhase = (typeof ozgPhases)[number];

export interface PhaseInfo {
  /** as the programme writes it, e.g. "4. Umsetzung (Pilotierung)" */
  label: string;
  /** for narrow chart legends and table cells */
  short: string;
  /** the step's number in the programme; Depriorisiert has none */
  step: number | null;
  /** how the programme describes the phase */
  description: string;
  /** in URLs */
  slug: string;
}

export const ozgPhaseInfo: Record<OzgPhase, PhaseInfo> = {
  DEPRIORITIZED: {
    label: "Depriorisiert",
    short: "Depriorisiert",
    step: null,
    description: "Das Ressort hat entschieden, die Leistung vorerst nicht umzusetzen, etwa weil kein Bedarf besteht oder der Bund sie selbst anbietet.",
    slug: "depriorisiert",
  },
  NOT_STARTED: {
    label: "0. Nicht gestartet",
    short: "0 Nicht gestartet",
    step: 0,
    description: "Für die Leistung ist noch keine Umsetzung begonnen; Zuständigkeit und Vorgehen sind offen.",
    slug: "nicht-gestartet",
  },
  INITIALISATION: {
    label: "1. Initialisierung",
    short: "1 Initialisierung",
    step: 1,
    description: "Das zuständige Ressort ist benannt, erste Abstimmungen zu Umfang, Beteiligten und Finanzierung laufen.",
    slug: "initialisierung",
  },
  REUSE_REVIEW: {
    label: "2. Prüfung Nachnutzung",
    short: "2 Prüfung",
    step: 2,
    description: "Es wird geprüft, ob ein Online-Dienst eines anderen Landes (EfA) oder des Bundes nachgenutzt werden kann.",
    slug: "pruefung-nachnutzung",
  },
  REUSE_PLANNING: {
    label: "3. Planung Nachnutzung",
    short: "3 Planung",
    step: 3,
    description: "Die Nachnutzung ist beschlossen; Verträge, Anbindung der Fachverfahren und Zeitplan werden geplant.",
    slug: "planung-nachnutzung",
  },
  PILOT: {
    label: "4. Umsetzung (Pilotierung)",
    short: "4 Pilotierung",
    step: 4,
    description: "Der Online-Dienst wird angebunden und mit ersten Pilotkommunen erprobt.",
    slug: "pilotierung",
  },
  ROLLOUT: {
    label: "5. Einführung (Rollout)",
    short: "5 Rollout",
    step: 5,
    description: "Der Online-Dienst wird in weiteren Kommunen und Behörden des Landes eingeführt.",
    slug: "rollout",
  },
  DONE: {
    label: "6. Umgesetzt",
    short: "6 Umgesetzt",
    step: 6,
    description: "Der Online-Dienst ist eingeführt und steht den Nutzenden zur Verfügung.",
    slug: "umgesetzt",
  },
};

export const ozgPriorities = [1, 2, 3, 4] as const;
export type OzgPriority = (typeof ozgPriorities)[number];
export const ozgPriorityLabels: Record<OzgPriority, string> = { 1: "1 hoch", 2: "2 mittel", 3: "3 niedrig", 4: "4 kein Bedarf" };

export const ozgAvailabilities = ["NONE", "PARTIAL", "AREA_WIDE"] as const;
export type OzgAvailability = (typeof ozgAvailabilities)[number];
export const ozgAvailabilityInfo: Record<OzgAvailability, { label: string; slug: string }> = {
  NONE: { label: "nicht verfügbar", slug: "nein" },
  PARTIAL: { label: "teilweise verfügbar", slug: "teilweise" },
  AREA_WIDE: { label: "flächendeckend verfügbar", slug: "flaechendeckend" },
};

export const ressortName = (code: string | null): string | null => (code ? (ressorts.find((r) => r.code === code)?.name ?? code) : null);
export const isRessortCode = (code: string): code is RessortCode => ressorts.some((r) => r.code === code);

/** An OZG ID as the catalogue writes them (digits today; letters, dots and hyphens are tolerated for later ones). */
export const OZG_ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;
export const ozgIdSchema = z.object({
  ozgId: z.string().trim().regex(OZG_ID_PATTERN, "Diese OZG-ID gibt es nicht."),
});

export const OZG_QUERY_MAX = 200;
export const OZG_PAGE_SIZE = 50;

export const ozgSorts = ["ozgId", "name", "lage", "themenfeld", "ressort", "priority", "phase", "implementationModel", "leadState", "isFocus", "availability", "updatedAt"] as const;
export type OzgSort = (typeof ozgSorts)[number];

/** a filter's text: normalised, cut off rather than refused */
const filterText = (max: number) =>
  z
    .string()
    .max(10_000)
    // a zero-width space pasted from a PDF inside a word would otherwise make it unfindable
    .overwrite((value) => normaliseText(value, { singleLine: true }).replace(/\p{Cf}/gu, "").slice(0, max).trim())
    .optional();

export const ozgListSchema = z.object({
  /** name, OZG ID or LeiKa key; words beyond the limit are cut off, not refused */
  query: filterText(OZG_QUERY_MAX),
  ressorts: z.array(z.string().regex(/^[A-Z]{1,10}$/, "Dieses Ressort gibt es nicht.")).max(20).optional(),
  priorities: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])).max(4).optional(),
  phases: z.array(z.enum(ozgPhases)).max(ozgPhases.length).optional(),
  themenfeld: filterText(200),
  lage: filterText(300),
  focusOnly: z.boolean().optional(),
  availabilities: z.array(z.enum(ozgAvailabilities)).max(3).optional(),
  sort: z.enum(ozgSorts).default("ozgId"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  page: pageSchema,
});
export type OzgListInput = z.input<typeof ozgListSchema>;
export type OzgListFilter = z.output<typeof ozgListSchema>;

/** Linking a service to a thread or a spotlight. */
export const ozgThreadLinkSchema = z.object({ threadId: idSchema, ozgId: ozgIdSchema.shape.ozgId });
export const ozgSpotlightLinkSchema = z.object({ spotlightId: idSchema, ozgId: ozgIdSchema.shape.ozgId });

/** The picker's search while linking: by name (German stemming and similarity) or by OZG ID. */
export const ozgLinkSearchSchema = z.object({
  query: requiredText("einen Namen oder eine OZG-ID", "Der Suchbegriff", OZG_QUERY_MAX, { singleLine: true }),
});

export const ozgVisibilitySchema = z.object({ isPublic: z.boolean() });
