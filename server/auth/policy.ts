import { AppError } from "../errors";
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
export interface UserSubject {
  id: string;
}

/** The lowest role allowed for each action; state rules are in `stateRules` below. */
const minimumRole = {
  "internal.read": "PARTICIPANT",
  "group.join": "PARTICIPANT",
  "thread.create": "PARTICIPANT",
  "post.create": "PARTICIPANT",
  "post.edit": "PARTICIPANT",
  /** tell others in a thread that one is writing: only who could send the post */
  "thread.typing": "PARTICIPANT",
  "thread.moderate": "MODERATOR",
  "user.manage": "ADMIN",
  "invitation.manage": "ADMIN",
  "audit.read": "ADMIN",
} as const satisfies Record<string, RoleName>;

export type Action = keyof typeof minimumRole;

interface Subjects {
  "post.create": ThreadSubject;
  "post.edit": PostSubject;
  "thread.typing": ThreadSubject;
  "user.manage": UserSubject;
}

type Denial = "FORBIDDEN" | "THREAD_LOCKED" | "UNAUTHORIZED";

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
  // admins manage others; changing one's own role or access would lock the platform out
  "user.manage": (actor, user) => (user.id === actor.id ? "FORBIDDEN" : null),
};

type SubjectOf<A extends Action> = A extends keyof Subjects ? Subjects[A] : undefined;

function denial<A extends Action>(actor: Actor | null, action: A, subject?: SubjectOf<A>): Denial | null {
  if (!actor) return "UNAUTHORIZED";
  if (roleRank(actor.role) < roleRank(minimumRole[action])) return "FORBIDDEN";
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
