/**
 * Notification kinds, client-safe. A domain that notifies adds its kind here, to the
 * `NotificationKind` enum in prisma/schema.prisma (typecheck fails when the two differ) and,
 * when it concerns a post, to `kindPriority`.
 */
export const notificationKinds = ["MENTION", "REPLY", "NEW_THREAD", "THREAD_POST", "REPORT_OUTCOME", "SPOTLIGHT_STATUS", "IMPULSE_TALK_CHANGED", "IMPULSE_TALK_CANCELLED", "IMPULSE_QUESTION_ANSWERED", "OZG_SERVICE_CHANGED", "RESULT_COMMENT", "RESULT_PUBLISHED"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** German labels, as the settings page lists the kinds. */
export const notificationKindLabels: Record<NotificationKind, string> = {
  MENTION: "Erwähnungen (@Name)",
  REPLY: "Antworten auf meine Beiträge",
  NEW_THREAD: "Neue Themen in meinen Arbeitsgruppen",
  THREAD_POST: "Neue Beiträge in Themen, denen ich folge",
  REPORT_OUTCOME: "Ergebnis meiner Meldungen",
  SPOTLIGHT_STATUS: "Neuer Stand bei Spotlights, die ich vorgeschlagen oder mitgezeichnet habe oder deren Diskussion ich folge",
  IMPULSE_TALK_CHANGED: "Verschobene Impulsvorträge (neuer Termin oder Ort), denen ich folge",
  IMPULSE_TALK_CANCELLED: "Abgesagte Impulsvorträge, denen ich folge",
  IMPULSE_QUESTION_ANSWERED: "Antworten auf meine Fragen zu Impulsvorträgen",
  OZG_SERVICE_CHANGED: "Neue Phase oder Priorität bei OZG-Leistungen, denen ich folge",
  RESULT_COMMENT: "Kommentare zum Entwurf des Ergebnisdokuments (für die Moderation und alle, die im Abschnitt kommentiert haben)",
  RESULT_PUBLISHED: "Neue veröffentlichte Versionen des Ergebnisdokuments",
};

/** What a notification says happened, after the actor's name ("Erika Muster hat Sie erwähnt"). */
export const notificationKindVerbs: Record<NotificationKind, string> = {
  MENTION: "hat Sie erwähnt",
  REPLY: "hat auf Ihren Beitrag geantwortet",
  NEW_THREAD: "hat ein neues Thema eröffnet",
  THREAD_POST: "hat einen Beitrag geschrieben",
  REPORT_OUTCOME: "hat Ihre Meldung bearbeitet",
  SPOTLIGHT_STATUS: "hat den Stand geändert",
  IMPULSE_TALK_CHANGED: "hat den Termin geändert",
  IMPULSE_TALK_CANCELLED: "hat den Vortrag abgesagt",
  IMPULSE_QUESTION_ANSWERED: "hat Ihre Frage beantwortet",
  OZG_SERVICE_CHANGED: "hat mit dem Import den Stand geändert",
  RESULT_COMMENT: "hat kommentiert",
  RESULT_PUBLISHED: "hat eine neue Version veröffentlicht",
};

/** How the title follows the verb: „… hat Sie erwähnt in „Thema““, „… hat den Stand geändert bei „S-9: …““. */
export const notificationKindTitlePrepositions: Record<NotificationKind, string> = {
  MENTION: "in",
  REPLY: "in",
  NEW_THREAD: "in",
  THREAD_POST: "in",
  REPORT_OUTCOME: "zu",
  SPOTLIGHT_STATUS: "bei",
  IMPULSE_TALK_CHANGED: "bei",
  IMPULSE_TALK_CANCELLED: "–",
  IMPULSE_QUESTION_ANSWERED: "zu",
  OZG_SERVICE_CHANGED: "bei",
  RESULT_COMMENT: "zu",
  RESULT_PUBLISHED: "–",
};

/**
 * When one post would notify one person several times, the first of this order wins: the most
 * specific reason. Lower is more specific.
 */
export const kindPriority: Record<NotificationKind, number> = {
  MENTION: 0,
  REPLY: 1,
  REPORT_OUTCOME: 2,
  THREAD_POST: 3,
  NEW_THREAD: 4,
  // not about a post: never competes with the others
  SPOTLIGHT_STATUS: 5,
  IMPULSE_TALK_CHANGED: 5,
  IMPULSE_TALK_CANCELLED: 5,
  IMPULSE_QUESTION_ANSWERED: 5,
  OZG_SERVICE_CHANGED: 5,
  RESULT_COMMENT: 5,
  RESULT_PUBLISHED: 5,
};

export const digestFrequencies = ["OFF", "DAILY", "WEEKLY"] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];
export const digestFrequencyLabels: Record<DigestFrequency, string> = {
  OFF: "Keine E-Mails",
  DAILY: "Täglich",
  WEEKLY: "Wöchentlich",
};

/** Where a notification about a post leads: the post's permalink. */
export const postLink = (postId: string) => `/beitraege/${postId}`;
