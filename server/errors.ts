import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { log } from "./log";

/** Machine-readable codes with their tRPC status and the German text a person sees. */
export const appErrors = {
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", message: "Bitte melden Sie sich an." },
  FORBIDDEN: { trpc: "FORBIDDEN", message: "Dafür fehlt Ihnen die Berechtigung." },
  NOT_FOUND: { trpc: "NOT_FOUND", message: "Das gesuchte Element wurde nicht gefunden." },
  CONFLICT: { trpc: "CONFLICT", message: "Das steht im Widerspruch zu vorhandenen Daten." },
  BAD_INPUT: { trpc: "BAD_REQUEST", message: "Die Eingabe ist ungültig." },
  THREAD_LOCKED: { trpc: "FORBIDDEN", message: "Dieses Thema ist gesperrt: neue Beiträge sind nicht möglich." },
  ACCOUNT_DEACTIVATED: { trpc: "UNAUTHORIZED", message: "Ihr Zugang wurde deaktiviert." },
  INVITATION_INVALID: { trpc: "BAD_REQUEST", message: "Diese Einladung ist ungültig, abgelaufen oder wurde bereits verwendet." },
  EMAIL_TAKEN: { trpc: "CONFLICT", message: "Für diese E-Mail-Adresse gibt es bereits einen Zugang." },
  LAST_ADMIN: { trpc: "CONFLICT", message: "Die letzte aktive Administration kann nicht entfernt werden." },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", message: "Das war zu viel auf einmal. Bitte warten Sie einen Moment." },
  POST_DELETED: { trpc: "CONFLICT", message: "Dieser Beitrag wurde gelöscht." },
  OWN_POST: { trpc: "FORBIDDEN", message: "Eigene Beiträge können Sie nicht melden. Sie können sie stattdessen bearbeiten." },
  ALREADY_REPORTED: { trpc: "CONFLICT", message: "Sie haben diesen Beitrag bereits gemeldet. Die Moderation prüft Ihre Meldung noch." },
  REPORT_CLOSED: { trpc: "CONFLICT", message: "Diese Meldung wurde bereits abgeschlossen." },
  FILE_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", message: "Die Datei ist größer als 10 MB und kann nicht angehängt werden." },
  FILE_TYPE_NOT_ALLOWED: {
    trpc: "UNSUPPORTED_MEDIA_TYPE",
    message:
      "Diese Datei kann nicht angehängt werden: erlaubt sind PDF, Word, Excel, PowerPoint, OpenDocument sowie Bilder (PNG, JPEG, GIF, WebP). Geprüft wird der Inhalt der Datei, nicht ihr Name.",
  },
  INVALID_TRANSITION: { trpc: "CONFLICT", message: "Dieser Statuswechsel ist im Ablauf eines Spotlights nicht vorgesehen." },
  STATUS_CHANGED: {
    trpc: "CONFLICT",
    message: "Der Status dieses Spotlights wurde inzwischen geändert. Die Seite zeigt jetzt den aktuellen Stand; bitte prüfen Sie ihn.",
  },
  ALREADY_COSIGNED: { trpc: "CONFLICT", message: "Sie haben dieses Spotlight bereits mitgezeichnet." },
  NOT_COSIGNED: { trpc: "CONFLICT", message: "Sie haben dieses Spotlight nicht mitgezeichnet." },
  COSIGN_CLOSED: {
    trpc: "CONFLICT",
    message: "Mitzeichnen und Zurückziehen sind nur möglich, bis das Spotlight weitergeleitet oder abgelehnt wurde.",
  },
  TALK_CANCELLED: { trpc: "CONFLICT", message: "Dieser Impulsvortrag wurde abgesagt." },
  TALK_CHANGED: {
    trpc: "CONFLICT",
    message: "Dieser Impulsvortrag wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie den aktuellen Stand; Ihre Eingaben bleiben im Formular.",
  },
  TALK_STARTED: { trpc: "CONFLICT", message: "Dieser Vortrag hat bereits begonnen oder stattgefunden und kann nicht mehr abgesagt werden." },
  TALK_IN_PAST: { trpc: "BAD_REQUEST", message: "Der Beginn liegt in der Vergangenheit. Ein Impulsvortrag kann nur für die Zukunft angesetzt werden." },
  QUESTIONS_CLOSED: { trpc: "CONFLICT", message: "Dieser Impulsvortrag ist vorbei: Fragen und Stimmen sind nicht mehr möglich." },
  OWN_QUESTION: { trpc: "FORBIDDEN", message: "Für Ihre eigene Frage können Sie nicht stimmen." },
  QUESTION_NOT_OPEN: { trpc: "CONFLICT", message: "Diese Frage ist nicht mehr offen: sie wurde beantwortet, ausgeblendet oder zusammengeführt." },
  ALREADY_VOTED: { trpc: "CONFLICT", message: "Sie haben für diese Frage bereits gestimmt." },
  NOT_VOTED: { trpc: "CONFLICT", message: "Sie haben für diese Frage nicht gestimmt." },
  CALENDAR_TOKEN_INVALID: {
    trpc: "UNAUTHORIZED",
    message: "Diese Kalender-Adresse ist ungültig oder wurde erneuert. Die aktuelle Adresse finden Sie in Ihren Einstellungen.",
  },
  IMPORT_RUNNING: {
    trpc: "CONFLICT",
    message: "Gerade wird bereits ein Import eingespielt. Bitte warten Sie, bis er abgeschlossen ist, und versuchen Sie es dann erneut.",
  },
  IMPORT_STALE: {
    trpc: "CONFLICT",
    message: "Seit dieser Probe wurde ein anderer Import eingespielt. Bitte laden Sie die Datei erneut hoch, damit die Probe den aktuellen Stand zeigt.",
  },
  IMPORT_DONE: { trpc: "CONFLICT", message: "Dieser Import wurde bereits eingespielt oder verworfen." },
  IMPORT_REFUSED: { trpc: "BAD_REQUEST", message: "Diese Datei kann nicht eingespielt werden." },
  IMPORT_INVALID: { trpc: "BAD_REQUEST", message: "Diese Datei kann nicht als Nachnutzungsübersicht gelesen werden." },
  SECTION_CHANGED: {
    trpc: "CONFLICT",
    message:
      "Dieser Abschnitt wurde inzwischen von jemand anderem gespeichert. Ihr Text ist nicht verloren: Sie sehen jetzt, was sich geändert hat. Übernehmen Sie Ihre Änderungen in den neuen Stand und speichern Sie erneut.",
  },
  NOTHING_TO_PUBLISH: {
    trpc: "CONFLICT",
    message: "Seit der letzten veröffentlichten Version hat sich nichts geändert: es gibt nichts zu veröffentlichen.",
  },
  VERSION_NOT_FOUND: { trpc: "NOT_FOUND", message: "Diese Version des Ergebnisdokuments gibt es nicht." },
  SECTION_NOT_FOUND: { trpc: "NOT_FOUND", message: "Diesen Abschnitt des Ergebnisdokuments gibt es nicht." },
  DRAFT_INTERNAL: {
    trpc: "FORBIDDEN",
    message: "Der Entwurf des Ergebnisdokuments ist den Teilnehmenden vorbehalten. Die veröffentlichten Versionen finden Sie unter „Ergebnisse“.",
  },
  COMMENT_RESOLVED: { trpc: "CONFLICT", message: "Dieser Kommentar wurde bereits erledigt." },
  TOO_MANY_SECTIONS: { trpc: "CONFLICT", message: "Das Ergebnisdokument hat bereits die größtmögliche Zahl an Abschnitten." },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", message: "Ein unerwarteter Fehler ist aufgetreten." },
  SPOTLIGHT_LINKS_CLOSED: {
    trpc: "CONFLICT",
    message: "Dieses Spotlight ist abgeschlossen oder abgelehnt: verknüpfte OZG-Leistungen kann nur noch die Moderation ändern.",
  },
} as const satisfies Record<string, { trpc: TRPC_ERROR_CODE_KEY; message: string }>;

export type AppErrorCode = keyof typeof appErrors;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
  ) {
    super(message ?? appErrors[code].message);
    this.name = "AppError";
  }
}

/** Maps anything thrown by a service to an AppError; unknown errors are logged and hidden. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const prismaCode = (error as { code?: unknown })?.code;
  if (isUniqueViolation(error)) return new AppError("CONFLICT");
  // P2003: what the write refers to was deleted meanwhile (a foreign key found no row)
  if (prismaCode === "P2025" || isForeignKeyViolation(error)) return new AppError("NOT_FOUND");
  log().error({ err: error }, "unexpected error");
  return new AppError("INTERNAL");
}

/** A foreign key found no row: the parent was deleted between the check and the write. */
export function isForeignKeyViolation(error: unknown): boolean {
  const { code, meta } = (error ?? {}) as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return code === "P2003" || (code === "P2010" && meta?.driverAdapterError?.cause?.kind === "ForeignKeyConstraintViolation");
}

/** A unique constraint refused a write: P2002 from Prisma's queries, P2010 with the driver's kind from raw SQL. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, meta } = (error ?? {}) as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return code === "P2002" || (code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");
}
