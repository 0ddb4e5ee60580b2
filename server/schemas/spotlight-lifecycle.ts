/**
 * The spotlight life cycle: the one state machine. The server refuses every transition it does not
 * list (server/auth/policy.ts reads it); the pages read it to offer only the legal next steps.
 * Client-safe.
 */
export const spotlightStatuses = ["PROPOSED", "IN_REVIEW", "PROMOTED", "FORWARDED", "ANSWERED", "CLOSED", "DECLINED"] as const;
export type SpotlightStatus = (typeof spotlightStatuses)[number];

export const spotlightStatusLabels: Record<SpotlightStatus, string> = {
  PROPOSED: "Vorgeschlagen",
  IN_REVIEW: "In Prüfung",
  PROMOTED: "Aufgenommen",
  FORWARDED: "Weitergeleitet",
  ANSWERED: "Beantwortet",
  CLOSED: "Abgeschlossen",
  DECLINED: "Abgelehnt",
};

/** What moderation's button says for the step into each status. */
export const spotlightTransitionLabels: Record<SpotlightStatus, string> = {
  PROPOSED: "Vorschlagen",
  IN_REVIEW: "In Prüfung nehmen",
  PROMOTED: "Als Spotlight aufnehmen",
  FORWARDED: "Weiterleiten",
  ANSWERED: "Antwort erfassen",
  CLOSED: "Abschließen",
  DECLINED: "Ablehnen",
};

/** Legal next steps from each status. Declining is possible at any point before forwarding. */
export const spotlightTransitions: Record<SpotlightStatus, readonly SpotlightStatus[]> = {
  PROPOSED: ["IN_REVIEW", "DECLINED"],
  IN_REVIEW: ["PROMOTED", "DECLINED"],
  PROMOTED: ["FORWARDED", "DECLINED"],
  FORWARDED: ["ANSWERED"],
  ANSWERED: ["CLOSED"],
  CLOSED: [],
  DECLINED: [],
};

export const nextSpotlightStatuses = (from: SpotlightStatus): readonly SpotlightStatus[] => spotlightTransitions[from];

export const isLegalSpotlightTransition = (from: SpotlightStatus, to: SpotlightStatus): boolean => spotlightTransitions[from].includes(to);

/** What readers (members who only read results) may see: from the promotion on, and never a declined one. */
export const publicSpotlightStatuses: readonly SpotlightStatus[] = ["PROMOTED", "FORWARDED", "ANSWERED", "CLOSED"];
export const isPublicSpotlightStatus = (status: SpotlightStatus): boolean => publicSpotlightStatuses.includes(status);

/** Co-signing and withdrawing a co-signature end when the spotlight is forwarded (or declined). */
export const cosignableSpotlightStatuses: readonly SpotlightStatus[] = ["PROPOSED", "IN_REVIEW", "PROMOTED"];
export const isCosignableSpotlightStatus = (status: SpotlightStatus): boolean => cosignableSpotlightStatuses.includes(status);

/** Board columns, in life-cycle order. */
export const spotlightBoardColumns: readonly SpotlightStatus[] = spotlightStatuses;

/** A forwarded spotlight is overdue when its due day has passed without an answer. `today` is a Berlin calendar day, YYYY-MM-DD. */
export const isSpotlightOverdue = (spotlight: { status: SpotlightStatus; dueOn: string | null }, today: string): boolean =>
  spotlight.status === "FORWARDED" && spotlight.dueOn !== null && spotlight.dueOn < today;

/** "S-7": how a spotlight is named in meetings and letters. */
export const spotlightReference = (number: number) => `S-${number}`;
