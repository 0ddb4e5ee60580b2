import { AppError } from "../errors";
import { isCosignableSpotlightStatus, isLegalSpotlightTransition, type SpotlightStatus } from "../schemas/spotlight-lifecycle";
import { roleRank, type RoleName } from "./roles";

/** Who is acting: the signed-in, active user as the database knows them right now. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  organisation: string;
  role: RoleName;
}

export interface PostSubject {
  authorId: string;
  thread: ThreadSubject;
}
export interface ThreadSubject {
  isLocked: boolean;
}
/** who wrote the post a report is about */
export interface ReportedPostSubject {
  authorId: string;
}
export interface UserSubject {
  id: string;
}
export interface SpotlightSubject {
  status: SpotlightStatus;
}
/** a talk as far as asking and voting depend on it: questions are asked before and during the talk */
export interface TalkQuestionWindow {
  endsAt: Date;
  cancelledAt: Date | null;
}
export interface ImpulseQuestionSubject {
  authorId: string;
  status: "OPEN" | "ANSWERED" | "HIDDEN" | "MERGED";
  talk: TalkQuestionWindow;
}
export interface ImpulseTalkSubject {
  cancelledAt: Date | null;
}
/** a thread's or spotlight's link to a service: whose thread or spotlight it is, and who linked it (when it exists) */
export interface OzgLinkSubject {
  ownerId: string;
  linkedById: string | null;
}
export interface SpotlightTransitionSubject {
  from: SpotlightStatus;
  to: SpotlightStatus;
}

/** The lowest role allowed for each action; state rules are in `stateRules` below. */
const minimumRole = {
  "internal.read": "PARTICIPANT",
  "search.read": "PARTICIPANT",
  "group.join": "PARTICIPANT",
  "thread.create": "PARTICIPANT",
  "post.create": "PARTICIPANT",
  "post.edit": "PARTICIPANT",
  "post.react": "PARTICIPANT",
  "post.delete": "PARTICIPANT",
  "post.moderate": "MODERATOR",
  "post.report": "PARTICIPANT",
  /** tell others in a thread that one is writing: only who could send the post */
  "thread.typing": "PARTICIPANT",
  "thread.moderate": "MODERATOR",
  "report.moderate": "MODERATOR",
  "user.manage": "ADMIN",
  "invitation.manage": "ADMIN",
  "audit.read": "ADMIN",
  /** one's own notifications and their settings: readers too, later domains notify them */
  "notification.use": "READER",
  /** following or muting a thread is reading it */
  "thread.subscribe": "PARTICIPANT",
  /** which spotlights a reader sees (promoted and later, never declined) is scoped in the query */
  "spotlight.read": "READER",
  "spotlight.propose": "PARTICIPANT",
  /** co-sign for one's municipality, or withdraw the co-signature */
  "spotlight.cosign": "PARTICIPANT",
  "spotlight.transition": "MODERATOR",
  /** the CSV for the ministries' reporting */
  "spotlight.export": "PARTICIPANT",
  /** every talk with its materials; which questions a reader sees (answered ones) is scoped in the query */
  "impulse.read": "READER",
  "impulse.manage": "MODERATOR",
  /** be told when a talk is moved or cancelled: readers too, they attend */
  "impulse.follow": "READER",
  "impulse.ask": "PARTICIPANT",
  "impulse.vote": "PARTICIPANT",
  /** take back one's own open question */
  "impulse.withdraw": "PARTICIPANT",
  /** answer, merge, hide and restore questions */
  "impulse.moderate": "MODERATOR",
  /** one's own calendar subscription address for the talks */
  "calendar.subscribe": "READER",
  /** the service status (Nachnutzungsübersicht); visitors who are not signed in only once moderation made it public */
  "ozg.read": "READER",
  /** be told when a service's phase or priority changes */
  "ozg.follow": "READER",
  /** link a service to a thread or spotlight, or remove a link (who may, see stateRules) */
  "ozg.link": "PARTICIPANT",
  /** upload, check and apply the monthly file */
  "ozg.import": "MODERATOR",
  /** make overview and table readable without signing in */
  "ozg.publish": "MODERATOR",
  /** the published versions of the results document; visitors only once moderation made it public */
  "results.read": "READER",
  /** the working draft with its comments */
  "results.readDraft": "PARTICIPANT",
  "results.comment": "PARTICIPANT",
  /** write, add, rename and order sections */
  "results.edit": "MODERATOR",
  /** remove a draft section with its comments; published versions keep their copy */
  "results.deleteSection": "MODERATOR",
  "results.resolve": "MODERATOR",
  /** publish a version, make the published versions public */
  "results.publish": "MODERATOR",
} as const satisfies Record<string, RoleName>;

export type Action = keyof typeof minimumRole;

/**
 * Actions of one role only, not of every role above it. Co-signing speaks for a municipality, and
 * municipalities are the participants': a ministry or the platform's operators co-signing would be
 * counted as "Kommunen".
 */
const onlyRoles: Partial<Record<Action, readonly RoleName[]>> = {
  "spotlight.cosign": ["PARTICIPANT"],
};

interface Subjects {
  "post.create": ThreadSubject;
  "post.edit": PostSubject;
  "post.delete": PostSubject;
  "post.report": ReportedPostSubject;
  "thread.typing": ThreadSubject;
  "user.manage": UserSubject;
  "spotlight.cosign": SpotlightSubject;
  "spotlight.transition": SpotlightTransitionSubject;
  "impulse.manage": ImpulseTalkSubject;
  "impulse.ask": TalkQuestionWindow;
  "impulse.vote": ImpulseQuestionSubject;
  "impulse.withdraw": Pick<ImpulseQuestionSubject, "authorId" | "status">;
  "ozg.link": OzgLinkSubject;
}

type Denial =
  | "FORBIDDEN"
  | "THREAD_LOCKED"
  | "UNAUTHORIZED"
  | "OWN_POST"
  | "INVALID_TRANSITION"
  | "COSIGN_CLOSED"
  | "TALK_CANCELLED"
  | "QUESTIONS_CLOSED"
  | "OWN_QUESTION"
  | "QUESTION_NOT_OPEN";

const questionWindow = (talk: TalkQuestionWindow): Denial | null => {
  if (talk.cancelledAt) return "TALK_CANCELLED";
  return talk.endsAt.getTime() <= Date.now() ? "QUESTIONS_CLOSED" : null;
};

const isModerator = (actor: Actor) => roleRank(actor.role) >= roleRank("MODERATOR");

/** Rules that depend on the subject, after the role check passed. */
const stateRules: { [A in keyof Subjects]: (actor: Actor, subject: Subjects[A]) => Denial | null } = {
  // moderation may still answer in a locked thread, to explain the lock
  "post.create": (actor, thread) => (thread.isLocked && !isModerator(actor) ? "THREAD_LOCKED" : null),
  "thread.typing": (actor, thread) => stateRules["post.create"](actor, thread),
  "post.edit": (actor, post) => {
    if (post.authorId !== actor.id && !isModerator(actor)) return "FORBIDDEN";
    return post.thread.isLocked && !isModerator(actor) ? "THREAD_LOCKED" : null;
  },
  // one's own post only: moderation hides others' posts instead, with a reason
  "post.delete": (actor, post) => (post.authorId !== actor.id ? "FORBIDDEN" : null),
  // a report asks someone else to look: one's own post can simply be edited
  "post.report": (actor, post) => (post.authorId === actor.id ? "OWN_POST" : null),
  // admins manage others; changing one's own role or access would lock the platform out
  "user.manage": (actor, user) => (user.id === actor.id ? "FORBIDDEN" : null),
  // a forwarded request went out with the municipalities it named: that list no longer changes
  "spotlight.cosign": (_actor, spotlight) => (isCosignableSpotlightStatus(spotlight.status) ? null : "COSIGN_CLOSED"),
  // the one state machine, server/schemas/spotlight-lifecycle.ts
  "spotlight.transition": (_actor, step) => (isLegalSpotlightTransition(step.from, step.to) ? null : "INVALID_TRANSITION"),
  // a cancelled talk stays as it was announced, so the cancellation in people's calendars is the last word
  "impulse.manage": (_actor, talk) => (talk.cancelledAt ? "TALK_CANCELLED" : null),
  "impulse.ask": (_actor, talk) => questionWindow(talk),
  // an upvote says "I want to know this too": one's own question already says it
  "impulse.vote": (actor, question) => {
    if (question.authorId === actor.id) return "OWN_QUESTION";
    if (question.status !== "OPEN") return "QUESTION_NOT_OPEN";
    return questionWindow(question.talk);
  },
  // moderation hides others' questions instead, with a reason; an answered one is part of the record
  "impulse.withdraw": (actor, question) => {
    if (question.authorId !== actor.id) return "FORBIDDEN";
    return question.status === "OPEN" ? null : "QUESTION_NOT_OPEN";
  },
  // a thread's links are anyone's to add (checked without a subject); removing one, and linking a
  // spotlight, is for whoever the thread or spotlight belongs to, who linked it, or moderation
  "ozg.link": (actor, link) => (isModerator(actor) || link.ownerId === actor.id || link.linkedById === actor.id ? null : "FORBIDDEN"),
};

type SubjectOf<A extends Action> = A extends keyof Subjects ? Subjects[A] : undefined;

function denial<A extends Action>(actor: Actor | null, action: A, subject?: SubjectOf<A>): Denial | null {
  if (!actor) return "UNAUTHORIZED";
  if (roleRank(actor.role) < roleRank(minimumRole[action])) return "FORBIDDEN";
  if (onlyRoles[action] && !onlyRoles[action].includes(actor.role)) return "FORBIDDEN";
  const rule = stateRules[action as keyof Subjects] as ((a: Actor, s: unknown) => Denial | null) | undefined;
  return rule && subject !== undefined ? rule(actor, subject) : null;
}

export function can<A extends Action>(actor: Actor | null, action: A, subject?: SubjectOf<A>): boolean {
  return denial(actor, action, subject) === null;
}

export function assertCan<A extends Action>(actor: Actor | null, action: A, subject?: SubjectOf<A>): asserts actor is Actor {
  const reason = denial(actor, action, subject);
  if (reason) throw new AppError(reason);
}
