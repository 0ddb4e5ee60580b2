import { z } from "zod";
import { daySchema } from "./calendar-day";
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
  "impulse.create": "Impulsvortrag angelegt",
  "impulse.update": "Impulsvortrag geändert",
  "impulse.move": "Impulsvortrag verschoben",
  "impulse.cancel": "Impulsvortrag abgesagt",
  "impulse.question.answer": "Frage zu einem Impulsvortrag beantwortet",
  "impulse.question.merge": "Fragen zu einem Impulsvortrag zusammengeführt",
  "impulse.question.hide": "Frage zu einem Impulsvortrag ausgeblendet",
  "impulse.question.unhide": "Frage zu einem Impulsvortrag wieder eingeblendet",
  "ozg.unlinkThread": "Verknüpfung eines Themas mit einer OZG-Leistung entfernt",
  "ozg.unlinkSpotlight": "Verknüpfung eines Spotlights mit einer OZG-Leistung entfernt",
  "ozg.publish": "Nachnutzungsübersicht öffentlich geschaltet",
  "ozg.unpublish": "Nachnutzungsübersicht nicht mehr öffentlich",
  "results.publishVersion": "Version des Ergebnisdokuments veröffentlicht",
  "results.deleteSection": "Abschnitt des Ergebnisdokuments gelöscht",
  "results.public": "Ergebnisdokument öffentlich geschaltet",
  "results.unpublic": "Ergebnisdokument nicht mehr öffentlich",
} as const satisfies Record<string, string>;
export type AuditAction = keyof typeof auditActionLabels;
export const auditActions = Object.keys(auditActionLabels) as AuditAction[];
export const isAuditAction = (value: unknown): value is AuditAction => typeof value === "string" && Object.hasOwn(auditActionLabels, value);

export const AUDIT_PER_PAGE = 50;

export const listAuditSchema = z.object({
  action: z.enum(auditActions as [AuditAction, ...AuditAction[]], { message: "Diese Art von Eintrag gibt es nicht." }).optional(),
  actorId: idSchema.optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  page: pageSchema,
});
export type ListAuditInput = z.input<typeof listAuditSchema>;
