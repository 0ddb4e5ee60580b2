import { z } from "zod";
import { idSchema } from "./common";
import { pageSchema } from "./paging";

/** Every kind of audit entry with its German label; the filter offers exactly these. */
export const auditActionLabels = {
  "invitation.create": "Einladung erstellt",
  "invitation.revoke": "Einladung zurückgezogen",
  "invitation.accept": "Einladung angenommen",
  "user.role": "Rolle geändert",
  "user.deactivate": "Zugang deaktiviert",
  "user.reactivate": "Zugang reaktiviert",
  "thread.moderate": "Thema angeheftet oder gesperrt",
  "thread.rename": "Thema umbenannt",
  "thread.move": "Thema verschoben",
  "post.edit": "Fremden Beitrag bearbeitet",
  "post.hide": "Beitrag ausgeblendet",
  "post.unhide": "Beitrag wieder eingeblendet",
  "report.close": "Meldung abgeschlossen",
  "spotlight.transition": "Spotlight-Status geändert",
} as const satisfies Record<string, string>;
export type AuditAction = keyof typeof auditActionLabels;
export const auditActions = Object.keys(auditActionLabels) as AuditAction[];
export const isAuditAction = (value: unknown): value is AuditAction => typeof value === "string" && Object.hasOwn(auditActionLabels, value);

export const AUDIT_PER_PAGE = 50;

/** A calendar day as the date input sends it (YYYY-MM-DD), read in the platform's time zone. */
const daySchema = z
  .string({ message: "Bitte geben Sie ein Datum an." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Bitte geben Sie ein Datum im Format JJJJ-MM-TT an." })
  .refine((value) => isCalendarDay(value), { message: "Dieses Datum gibt es nicht." });

export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const listAuditSchema = z.object({
  action: z.enum(auditActions as [AuditAction, ...AuditAction[]], { message: "Diese Art von Eintrag gibt es nicht." }).optional(),
  actorId: idSchema.optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  page: pageSchema,
});
export type ListAuditInput = z.input<typeof listAuditSchema>;
