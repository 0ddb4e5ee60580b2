import { z } from "zod";
import { idSchema } from "./common";
import { pageSchema } from "./paging";
import { normaliseText } from "./text";

/** Why a post is reported, as the reporter picks it; German labels in one map. */
export const reportReasons = ["SPAM", "OFFENSIVE", "PERSONAL_DATA", "MISINFORMATION", "OFF_TOPIC", "OTHER"] as const;
export type ReportReasonName = (typeof reportReasons)[number];
export const reportReasonLabels: Record<ReportReasonName, string> = {
  SPAM: "Werbung oder Spam",
  OFFENSIVE: "Beleidigend oder respektlos",
  PERSONAL_DATA: "Enthält persönliche Daten",
  MISINFORMATION: "Falsche oder irreführende Angaben",
  OFF_TOPIC: "Gehört nicht zum Thema",
  OTHER: "Sonstiges",
};

/** How moderation closed a report; the reporter is told this label. */
export const reportOutcomes = ["POST_HIDDEN", "NO_VIOLATION", "RESOLVED_OTHERWISE"] as const;
export type ReportOutcomeName = (typeof reportOutcomes)[number];
export const reportOutcomeLabels: Record<ReportOutcomeName, string> = {
  POST_HIDDEN: "Beitrag ausgeblendet",
  NO_VIOLATION: "Kein Verstoß",
  RESOLVED_OTHERWISE: "Anders gelöst",
};

/** A few sentences: enough to explain, short enough for a queue that is read at a glance. */
export const REPORT_NOTE_MAX = 1_000;

const optionalNote = (named: string) =>
  z
    .string({ message: `${named} muss Text sein.` })
    .overwrite((value) => normaliseText(value))
    .max(REPORT_NOTE_MAX, { message: `${named} darf höchstens ${REPORT_NOTE_MAX.toLocaleString("de-DE")} Zeichen lang sein.` })
    .default("");

export const reportPostSchema = z
  .object({
    postId: idSchema,
    reason: z.enum(reportReasons, { message: "Bitte wählen Sie einen Grund für die Meldung." }),
    note: optionalNote("Die Erläuterung"),
  })
  .refine((input) => input.reason !== "OTHER" || input.note.length > 0, {
    path: ["note"],
    message: "Bitte beschreiben Sie bei „Sonstiges“ kurz, was an dem Beitrag nicht in Ordnung ist.",
  });
export type ReportPostInput = z.input<typeof reportPostSchema>;

export const closeReportSchema = z.object({
  reportId: idSchema,
  outcome: z.enum(reportOutcomes, { message: "Bitte wählen Sie ein Ergebnis." }),
  outcomeNote: optionalNote("Die Anmerkung"),
});
export type CloseReportInput = z.input<typeof closeReportSchema>;
export type CloseReport = z.output<typeof closeReportSchema>;

/** The queue's tabs; URL values are German (`?status=erledigt`). */
export const reportStatuses = ["OPEN", "DONE"] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const REPORTS_PER_PAGE = 20;
export const listReportsSchema = z.object({
  status: z.enum(reportStatuses, { message: "Bitte wählen Sie offene oder erledigte Meldungen." }).default("OPEN"),
  page: pageSchema,
});
export type ListReportsInput = z.input<typeof listReportsSchema>;
