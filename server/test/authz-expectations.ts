import { randomUUID } from "node:crypto";
import type { AnyProcedure, inferProcedureInput, TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { Actor } from "../auth/policy";
import type { AppErrorCode } from "../errors";
import type { ClientEvents, EventName } from "../realtime/events";
import type { AppRouter } from "../routers/_app";
import type { PostDto } from "../services/posts/dto";
import { hidePost } from "../services/posts/hide-post";
import { cosignSpotlight } from "../services/spotlights/cosign-spotlight";
import type { ThreadDetail } from "../services/threads/dto";
import type { SpotlightStatus } from "../schemas/spotlight-lifecycle";
import type { SpotlightDto } from "../services/spotlights/dto";
import type { ImpulseTalkDto } from "../services/impulse-talks/dto";
import { toBerlinLocal } from "../schemas/berlin-time";
import { askQuestion } from "../services/impulse-talks/ask-question";
import { hideQuestion } from "../services/impulse-talks/hide-question";
import { voteQuestion } from "../services/impulse-talks/vote-question";
import { linkOzgServiceToSpotlight, linkOzgServiceToThread } from "../services/ozg/link-service";
import { checkOzgImport } from "../services/ozg/import/check-import";
import { createResultSection } from "../services/results/manage-sections";
import { saveResultSection } from "../services/results/save-section";
import { getSectionForEditing } from "../services/results/get-section-for-editing";
import { createResultComment } from "../services/results/comments";
import { publishResultVersion } from "../services/results/publish-version";
import { listResultVersions } from "../services/results/versions";

/**
 * Who calls, in the order of every expectation row. The participant owns the fixtures (thread, post);
 * the other participant has the same role but owns nothing.
 */
export const callerNames = ["signedOut", "reader", "participant", "otherParticipant", "moderator", "admin"] as const;
export type CallerName = (typeof callerNames)[number];

export type Row<Outcome> = readonly [
  signedOut: Outcome,
  reader: Outcome,
  participant: Outcome,
  otherParticipant: Outcome,
  moderator: Outcome,
  admin: Outcome,
];

/** What the authorisation matrix test hands every input builder; each `fresh*` makes a new object per call. */
export interface AuthzFixtures {
  actors: Record<Exclude<CallerName, "signedOut">, Actor>;
  group: { id: string; slug: string };
  /** opened by the participant; shared by calls that only read it or add to it */
  thread: ThreadDetail;
  freshThread(): Promise<ThreadDetail>;
  /** a post by the participant in a fresh thread */
  freshPost(): Promise<PostDto>;
  /** an open invitation created by the admin */
  freshInvitation(): Promise<{ id: string; token: string }>;
  /** another working group than `group`, to move threads to */
  otherGroup: { id: string; slug: string };
  /** an open report by the other participant on a fresh post of the participant */
  freshReport(): Promise<string>;
  /** an active participant nobody else uses */
  freshUser(): Promise<Actor>;
  /** a notification for the participant */
  freshNotification(): Promise<{ id: string }>;
  /** a spotlight proposed by the participant, put into the given status (default PROPOSED) */
  freshSpotlight(status?: SpotlightStatus): Promise<SpotlightDto>;
  /** an upcoming impulse talk scheduled by the moderator */
  freshTalk(): Promise<ImpulseTalkDto>;
}

export type InputBuilder<Input> = (fixtures: AuthzFixtures, caller: CallerName) => Input | Promise<Input>;

// --- tRPC procedures ---

type RouterRecord = AppRouter["_def"]["record"];
type PathsOf<Record, Prefix extends string = ""> = {
  [K in keyof Record & string]: Record[K] extends AnyProcedure ? `${Prefix}${K}` : PathsOf<Record[K], `${Prefix}${K}.`>;
}[keyof Record & string];
type ProcedureAt<Path extends string, Record = RouterRecord> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof Record
    ? ProcedureAt<Rest, Record[Head]>
    : never
  : Path extends keyof Record
    ? Record[Path]
    : never;

export type ProcedurePath = PathsOf<RouterRecord>;
type ProcedureInput<Path extends ProcedurePath> = ProcedureAt<Path> extends AnyProcedure ? inferProcedureInput<ProcedureAt<Path>> : never;

/**
 * "ok", or the TRPCError code; a refusal for another reason (THREAD_LOCKED, bad input) never matches
 * unless the row names it ("FORBIDDEN (OWN_POST)").
 */
export type ProcedureOutcome = "ok" | TRPC_ERROR_CODE_KEY | `${TRPC_ERROR_CODE_KEY} (${AppErrorCode})`;

export type ProcedureEntry<Input> = { expect: Row<ProcedureOutcome> } & (undefined extends Input
  ? { input?: InputBuilder<Input> }
  : { input: InputBuilder<Input> });

const ok = "ok";
const U = "UNAUTHORIZED";
const F = "FORBIDDEN";

/** Signed in, but readers see nothing internal. */
const internal = [U, F, ok, ok, ok, ok] as const;
const moderation = [U, F, F, F, ok, ok] as const;
/** everyone signed in, readers too */
const signedIn = [U, ok, ok, ok, ok, ok] as const;
/** one's own: the participant's; anybody else's is not found */
const participantsOwn = [U, "NOT_FOUND", ok, "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"] as const;
const administration = [U, F, F, F, F, ok] as const;
/** the token in the link is the authorisation */
const publicWithToken = [ok, ok, ok, ok, ok, ok] as const;

/** a fresh post of the participant, hidden by the moderator */
async function hiddenPost(f: AuthzFixtures): Promise<PostDto> {
  const post = await f.freshPost();
  await hidePost(f.actors.moderator, { postId: post.id, reason: "Zum Test ausgeblendet" });
  return post;
}

/** an open question of the participant about a fresh talk (or the given one) */
async function freshQuestion(f: AuthzFixtures, talkId?: string): Promise<string> {
  const { result } = await askQuestion(f.actors.participant, { id: randomUUID(), talkId: talkId ?? (await f.freshTalk()).id, body: "Eine Frage zum Test?" });
  return result.id;
}

const inHours = (hours: number) => toBerlinLocal(new Date(Date.now() + hours * 3_600_000));
/** a complete talk form, a week ahead */
const talkFields = <Key extends object>(f: AuthzFixtures, key: Key) => ({
  ...key,
  title: "Ein Impulsvortrag",
  speakers: ["Dr. Anna Beispiel"],
  organisation: "Digitalagentur",
  federalState: "Hamburg" as const,
  category: "OTHER_STATES" as const,
  startsAt: inHours(24 * 7),
  endsAt: inHours(24 * 7 + 1),
  onlineUrl: "https://konferenz.example.org/impuls",
  abstract: "Worum es geht",
  groupIds: [f.group.id],
});

/** a fresh thread of the participant, linked by the participant to a service */
async function linkedThread(f: AuthzFixtures) {
  const link = { threadId: (await f.freshThread()).id, ozgId: "10169" };
  await linkOzgServiceToThread(f.actors.participant, link);
  return link;
}

/** a fresh spotlight of the participant, linked by the participant to a service */
async function linkedSpotlight(f: AuthzFixtures) {
  const link = { spotlightId: (await f.freshSpotlight()).id, ozgId: "10169" };
  await linkOzgServiceToSpotlight(f.actors.participant, link);
  return link;
}

const uniqueEmail = () => `authz-${randomUUID().slice(0, 8)}@test.example`;

/** One row per procedure: who may call it. A new procedure fails typecheck and the matrix test until it has a row. */
export const procedureExpectations = {
  "activity.recent": { expect: internal },

  "group.list": { expect: internal },
  "group.bySlug": { expect: internal, input: (f) => ({ slug: f.group.slug }) },
  "group.threads": { expect: internal, input: (f) => ({ groupId: f.group.id }) },
  "group.join": { expect: internal, input: (f) => ({ groupId: f.group.id }) },
  "group.leave": { expect: internal, input: (f) => ({ groupId: f.group.id }) },
  "group.markRead": { expect: internal, input: (f) => ({ groupId: f.group.id }) },

  "invitation.list": { expect: administration },
  "invitation.create": {
    expect: administration,
    input: () => ({ email: uniqueEmail(), role: "READER", organisation: "Testkommune" }),
  },
  "invitation.revoke": { expect: administration, input: async (f) => ({ invitationId: (await f.freshInvitation()).id }) },
  "invitation.byToken": { expect: publicWithToken, input: async (f) => ({ token: (await f.freshInvitation()).token }) },
  "invitation.accept": {
    expect: publicWithToken,
    input: async (f) => ({ token: (await f.freshInvitation()).token, name: "Eingeladene Person", password: "lang-genug-123" }),
  },

  "notification.list": { expect: signedIn, input: () => ({ page: 1 }) },
  "notification.markRead": { expect: participantsOwn, input: async (f) => ({ notificationId: (await f.freshNotification()).id }) },
  "notification.markAllRead": { expect: signedIn },
  "notification.settings": { expect: signedIn },
  "notification.updateSettings": { expect: signedIn, input: () => ({ disabledKinds: ["NEW_THREAD"], digest: "WEEKLY" }) },
  "notification.threadSubscription": { expect: internal, input: (f) => ({ threadId: f.thread.id }) },
  "notification.setThreadSubscription": { expect: internal, input: async (f) => ({ threadId: (await f.freshThread()).id, level: "MUTED" }) },

  "post.list": { expect: internal, input: (f) => ({ threadId: f.thread.id }) },
  "post.since": { expect: internal, input: (f) => ({ threadId: f.thread.id, afterSeq: 0 }) },
  "post.create": { expect: internal, input: (f) => ({ id: randomUUID(), threadId: f.thread.id, body: "Ein Beitrag" }) },
  // only the author, or moderation
  "post.source": { expect: [U, F, ok, F, ok, ok], input: async (f) => ({ postId: (await f.freshPost()).id }) },
  "post.edit": { expect: [U, F, ok, F, ok, ok], input: async (f) => ({ postId: (await f.freshPost()).id, body: "Geändert" }) },
  "post.react": { expect: internal, input: async (f) => ({ postId: (await f.freshPost()).id, kind: "👍", active: true }) },
  // only the author: moderation hides instead
  "post.delete": { expect: [U, F, ok, F, F, F], input: async (f) => ({ postId: (await f.freshPost()).id }) },
  "post.hide": { expect: moderation, input: async (f) => ({ postId: (await f.freshPost()).id, reason: "Persönlicher Angriff" }) },
  "post.unhide": { expect: moderation, input: async (f) => ({ postId: (await hiddenPost(f)).id }) },

  "search.find": { expect: internal, input: () => ({ query: "Bauantrag" }) },
  "search.filters": { expect: internal },

  // readers see spotlights from the promotion on: a proposal is not found for them
  "spotlight.list": { expect: signedIn, input: () => ({}) },
  "spotlight.byId": { expect: [U, "NOT_FOUND", ok, ok, ok, ok], input: async (f) => ({ spotlightId: (await f.freshSpotlight()).id }) },
  "spotlight.forwardedToOptions": { expect: signedIn },
  // readers get the public spotlights only and no threads (similar-spotlights.test.ts)
  "spotlight.similar": { expect: signedIn, input: (f) => ({ title: "Digitaler Bauantrag", excludeThreadId: f.thread.id }) },
  "spotlight.create": {
    expect: internal,
    input: (f) => ({ id: randomUUID(), title: "Neues Spotlight", problem: "Problem", requestedAction: "Anliegen", groupIds: [f.group.id] }),
  },

  // only moderation moves a spotlight along its life cycle
  "spotlight.transition": {
    expect: moderation,
    input: async (f) => ({ spotlightId: (await f.freshSpotlight()).id, fromStatus: "PROPOSED", to: "IN_REVIEW" }),
  },
  // the participant proposed the fresh spotlight and so co-signed it already; co-signing speaks for a
  // municipality: moderation (a ministry) and administration do not co-sign
  "spotlight.cosign": { expect: [U, F, "CONFLICT (ALREADY_COSIGNED)", ok, F, F], input: async (f) => ({ spotlightId: (await f.freshSpotlight()).id }) },
  // participants withdraw their own co-signature (made for the call)
  "spotlight.withdrawCosign": {
    expect: [U, F, ok, ok, F, F],
    input: async (f, caller) => {
      const spotlight = await f.freshSpotlight();
      if (caller === "otherParticipant") await cosignSpotlight(f.actors[caller], { spotlightId: spotlight.id });
      return { spotlightId: spotlight.id };
    },
  },

  "thread.byId": { expect: internal, input: (f) => ({ threadId: f.thread.id }) },
  "thread.create": {
    expect: internal,
    input: (f) => ({ groupId: f.group.id, firstPostId: randomUUID(), title: "Neues Thema", body: "Erster Beitrag" }),
  },
  "thread.markRead": { expect: internal, input: (f) => ({ threadId: f.thread.id, readUpTo: 1 }) },
  "thread.moderate": { expect: moderation, input: async (f) => ({ threadId: (await f.freshThread()).id, isPinned: true }) },
  "thread.rename": { expect: moderation, input: async (f) => ({ threadId: (await f.freshThread()).id, title: "Neuer Titel" }) },
  "thread.move": { expect: moderation, input: async (f) => ({ threadId: (await f.freshThread()).id, groupId: f.otherGroup.id }) },

  // the fixture post is the participant's own: they are refused (FORBIDDEN with OWN_POST), everyone else may report it once
  "report.create": { expect: [U, F, "FORBIDDEN (OWN_POST)", ok, ok, ok], input: async (f) => ({ postId: (await f.freshPost()).id, reason: "SPAM" }) },
  "report.list": { expect: moderation, input: () => ({ status: "OPEN" }) },
  "report.openCount": { expect: moderation },
  "report.close": { expect: moderation, input: async (f) => ({ reportId: await f.freshReport(), outcome: "NO_VIOLATION" }) },

  // talks and their answered questions are for readers too; only moderation schedules and edits them
  "impulseTalk.list": { expect: signedIn, input: () => ({ period: "upcoming" }) },
  "impulseTalk.byId": { expect: signedIn, input: async (f) => ({ talkId: (await f.freshTalk()).id }) },
  "impulseTalk.questions": { expect: signedIn, input: async (f) => ({ talkId: (await f.freshTalk()).id }) },
  "impulseTalk.create": { expect: moderation, input: (f) => talkFields(f, { id: randomUUID() }) },
  "impulseTalk.update": {
    expect: moderation,
    input: async (f) => {
      const talk = await f.freshTalk();
      return talkFields(f, { talkId: talk.id, expectedUpdatedAt: talk.updatedAt });
    },
  },
  "impulseTalk.forEditing": { expect: moderation, input: async (f) => ({ talkId: (await f.freshTalk()).id }) },
  "impulseTalk.cancel": { expect: moderation, input: async (f) => ({ talkId: (await f.freshTalk()).id, reason: "Die Referentin ist erkrankt." }) },
  // following only asks to be told of changes: every reader may
  "impulseTalk.follow": { expect: signedIn, input: async (f) => ({ talkId: (await f.freshTalk()).id }) },
  "impulseTalk.unfollow": { expect: signedIn, input: async (f) => ({ talkId: (await f.freshTalk()).id }) },

  // participants ask and vote (not for their own question: the fixture question is the participant's);
  // readers ask nothing; only moderation answers, hides and merges
  "impulseTalk.myVotes": { expect: signedIn, input: async (f) => ({ talkId: (await f.freshTalk()).id }) },
  "impulseTalk.ask": { expect: [U, F, ok, ok, ok, ok], input: async (f) => ({ id: randomUUID(), talkId: (await f.freshTalk()).id, body: "Eine Frage?" }) },
  "impulseTalk.vote": { expect: [U, F, "FORBIDDEN (OWN_QUESTION)", ok, ok, ok], input: async (f) => ({ questionId: await freshQuestion(f) }) },
  "impulseTalk.unvote": {
    expect: [U, F, "FORBIDDEN (OWN_QUESTION)", ok, ok, ok],
    input: async (f, caller) => {
      const questionId = await freshQuestion(f);
      if (caller === "otherParticipant" || caller === "moderator" || caller === "admin") await voteQuestion(f.actors[caller], { questionId });
      return { questionId };
    },
  },
  // only the asker (the participant) takes a question back; moderation hides instead
  "impulseTalk.withdraw": { expect: [U, F, ok, F, F, F], input: async (f) => ({ questionId: await freshQuestion(f) }) },
  "impulseTalk.answer": { expect: moderation, input: async (f) => ({ questionId: await freshQuestion(f), answer: "Eine Antwort" }) },
  "impulseTalk.hide": { expect: moderation, input: async (f) => ({ questionId: await freshQuestion(f), reason: "Zum Test ausgeblendet" }) },
  "impulseTalk.unhide": {
    expect: moderation,
    input: async (f) => {
      const questionId = await freshQuestion(f);
      await hideQuestion(f.actors.moderator, { questionId, reason: "Zum Test ausgeblendet" });
      return { questionId };
    },
  },
  "impulseTalk.merge": {
    expect: moderation,
    input: async (f) => {
      const talk = await f.freshTalk();
      return { questionId: await freshQuestion(f, talk.id), intoQuestionId: await freshQuestion(f, talk.id) };
    },
  },

  // one's own subscription address: every signed-in role follows the talks in a calendar
  "calendar.feedAddress": { expect: signedIn },
  "calendar.renew": { expect: signedIn },
  "ozg.list": { expect: signedIn, input: () => ({ phases: ["PILOT"], sort: "name" }) },
  "ozg.filterOptions": { expect: signedIn },
  "ozg.byId": { expect: signedIn, input: () => ({ ozgId: "10169" }) },
  "ozg.follow": { expect: signedIn, input: () => ({ ozgId: "10169" }) },
  "ozg.unfollow": { expect: signedIn, input: () => ({ ozgId: "10169" }) },
  // participants link services to any thread they read; the picker's search is for them
  "ozg.linkThread": { expect: internal, input: (f) => ({ threadId: f.thread.id, ozgId: "10169" }) },
  "ozg.searchForLink": { expect: internal, input: () => ({ query: "Führerschein" }) },
  // removing a link, and linking a spotlight: the thread's or spotlight's owner (the participant), who linked it, or moderation
  "ozg.unlinkThread": { expect: [U, F, ok, F, ok, ok], input: async (f) => linkedThread(f) },
  "ozg.linkSpotlight": { expect: [U, F, ok, F, ok, ok], input: async (f) => ({ spotlightId: (await f.freshSpotlight()).id, ozgId: "10169" }) },
  "ozg.unlinkSpotlight": { expect: [U, F, ok, F, ok, ok], input: async (f) => linkedSpotlight(f) },
  // false: the matrix must not leave the overview public for other tests
  "ozg.setPublic": { expect: moderation, input: () => ({ isPublic: false }) },
  // the monthly import is moderation's: a dry run that changes nothing, fresh for every call
  "ozg.imports": { expect: moderation },
  "ozg.importById": { expect: moderation, input: async (f) => ({ importId: await freshOzgImport(f) }) },
  "ozg.applyImport": { expect: moderation, input: async (f) => ({ importId: await freshOzgImport(f) }) },
  "ozg.discardImport": { expect: moderation, input: async (f) => ({ importId: await freshOzgImport(f) }) },

  // the published versions: signed in, or (once public) visitors; the matrix leaves the document internal
  "results.latest": { expect: signedIn },
  "results.versions": { expect: signedIn },
  "results.version": { expect: signedIn, input: async (f) => ({ number: await publishedVersion(f) }) },
  "results.compare": { expect: signedIn, input: async (f) => ({ from: await publishedVersion(f), to: await publishedVersion(f) }) },
  // the draft is participants' and moderation's: readers are told where the published versions are
  "results.draft": { expect: [U, "FORBIDDEN (DRAFT_INTERNAL)", ok, ok, ok, ok] },
  "results.comment": { expect: internal, input: async (f) => ({ id: randomUUID(), sectionId: await freshSection(f), body: "Ein Kommentar", anchorBlock: null }) },
  "results.sectionForEditing": { expect: moderation, input: async (f) => ({ sectionId: await freshSection(f) }) },
  "results.createSection": { expect: moderation, input: () => ({ title: "Abschnitt der Matrix" }) },
  "results.renameSection": { expect: moderation, input: async (f) => ({ sectionId: await freshSection(f), title: "Neuer Titel" }) },
  // a section of its own for every call: the shared one must outlive the other procedures
  "results.deleteSection": { expect: moderation, input: async (f) => ({ sectionId: (await createResultSection(f.actors.moderator, { title: "Abschnitt zum Löschen" })).result.at(-1)!.id }) },
  "results.moveSection": { expect: moderation, input: async (f) => ({ sectionId: await freshSection(f), direction: "up" }) },
  "results.saveSection": { expect: moderation, input: async (f) => {
    const sectionId = await freshSection(f);
    return { sectionId, markdown: `Neuer Text ${randomUUID()}`, baseRevision: (await getSectionForEditing(f.actors.moderator, { sectionId })).revision };
  } },
  "results.autosave": { expect: moderation, input: async (f) => ({ sectionId: await freshSection(f), markdown: "Halb geschrieben", baseRevision: 0 }) },
  "results.discardAutosave": { expect: moderation, input: async (f) => ({ sectionId: await freshSection(f) }) },
  "results.preview": { expect: moderation, input: () => ({ markdown: "# Vorschau" }) },
  "results.resolveComment": { expect: moderation, input: async (f) => ({ commentId: await freshComment(f) }) },
  // a fresh section with text for every call: there is always something to publish
  "results.publish": { expect: moderation, input: async (f) => (await freshSection(f, "Text, der veröffentlicht wird"), { note: "Neue Fassung" }) },
  // false: the matrix must not leave the document public for other tests
  "results.setPublic": { expect: moderation, input: () => ({ isPublic: false }) },

  "user.list": { expect: administration },
  "user.setRole": { expect: administration, input: async (f) => ({ userId: (await f.freshUser()).id, role: "MODERATOR" }) },
  "user.setActive": { expect: administration, input: async (f) => ({ userId: (await f.freshUser()).id, isActive: false }) },
  "user.mentionable": { expect: internal, input: (f) => ({ threadId: f.thread.id, query: "" }) },
  "user.audit": { expect: administration, input: () => ({}) },
  "user.auditActors": { expect: administration },
} satisfies { [Path in ProcedurePath]: ProcedureEntry<ProcedureInput<Path>> };

// --- Socket.IO client events ---

/**
 * "ok", or the AppErrorCode in the acknowledgement. Signed out, the handshake is refused before any
 * event: that refusal is "UNAUTHORIZED". Events without an acknowledgement are "ok" when the
 * connection survives them; what they may not do is covered by `onNewPost`.
 */
export type SocketOutcome = "ok" | AppErrorCode;

export interface SocketEntry<E extends keyof ClientEvents> {
  expect: Row<SocketOutcome>;
  /** whether the event takes an acknowledgement; checked against ClientEvents */
  acknowledged: Parameters<ClientEvents[E]> extends [unknown, unknown] ? true : false;
  input: InputBuilder<Parameters<ClientEvents[E]>[0]>;
  /**
   * What a caller expected to get "ok" receives when, after all calls, a post is published in the
   * fixture thread; every other caller must receive nothing at all.
   */
  onNewPost: EventName | null;
}

const handshake = "UNAUTHORIZED";
const internalSocket = [handshake, "FORBIDDEN", ok, ok, ok, ok] as const;
/** leaving a room one is not in is harmless; the reader still receives nothing */
const fireAndForget = [handshake, ok, ok, ok, ok, ok] as const;

/** One row per client event. A new event in ClientEvents fails typecheck and the matrix test until it has a row. */
export const socketExpectations = {
  "thread.watch": {
    expect: internalSocket,
    acknowledged: true,
    input: (f) => ({ threadId: f.thread.id, afterSeq: f.thread.seq }),
    onNewPost: "post.created",
  },
  "thread.unwatch": { expect: fireAndForget, acknowledged: false, input: (f) => ({ threadId: f.thread.id }), onNewPost: null },
  "group.watch": { expect: internalSocket, acknowledged: true, input: (f) => ({ groupId: f.group.id }), onNewPost: "group.thread" },
  "group.unwatch": { expect: fireAndForget, acknowledged: false, input: (f) => ({ groupId: f.group.id }), onNewPost: null },
  "activity.watch": { expect: internalSocket, acknowledged: true, input: () => ({}), onNewPost: "activity.created" },
  "post.create": {
    expect: internalSocket,
    acknowledged: true,
    input: (f) => ({ id: randomUUID(), threadId: f.thread.id, body: "Über den Socket" }),
    onNewPost: null,
  },
  "reports.watch": { expect: [handshake, "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", ok, ok], acknowledged: true, input: () => ({}), onNewPost: null },
  "thread.typing": { expect: internalSocket, acknowledged: true, input: (f) => ({ threadId: f.thread.id }), onNewPost: null },
  // readers join their own, public room
  "spotlights.watch": { expect: [handshake, ok, ok, ok, ok, ok], acknowledged: true, input: () => ({}), onNewPost: null },
  "spotlights.unwatch": { expect: fireAndForget, acknowledged: false, input: () => ({}), onNewPost: null },
  // readers watch a talk too (its answered questions)
  "impulse.watch": { expect: [handshake, ok, ok, ok, ok, ok], acknowledged: true, input: async (f) => ({ talkId: (await f.freshTalk()).id }), onNewPost: null },
  "impulse.unwatch": { expect: fireAndForget, acknowledged: false, input: async (f) => ({ talkId: (await f.freshTalk()).id }), onNewPost: null },
  // the draft is internal: readers are told where the published versions are
  "results.watch": { expect: [handshake, "DRAFT_INTERNAL", ok, ok, ok, ok], acknowledged: true, input: () => ({}), onNewPost: null },
  "results.unwatch": { expect: fireAndForget, acknowledged: false, input: () => ({}), onNewPost: null },
} satisfies { [E in keyof ClientEvents]: SocketEntry<E> };

let matrixSection: Promise<string> | null = null;
/**
 * The one draft section the matrix works on (sections are few in a real document, and the number is
 * capped); with `newText`, saved with a text no call wrote before, so there is something to publish.
 */
async function freshSection(f: AuthzFixtures, newText?: string): Promise<string> {
  matrixSection ??= createResultSection(f.actors.moderator, { title: "Abschnitt der Matrix" }).then(({ result }) => result.at(-1)!.id);
  const sectionId = await matrixSection;
  if (newText) {
    const { revision } = await getSectionForEditing(f.actors.moderator, { sectionId });
    await saveResultSection(f.actors.moderator, { sectionId, markdown: `${newText} ${randomUUID()}`, baseRevision: revision });
  }
  return sectionId;
}

/** An open comment by the participant on a fresh section. */
async function freshComment(f: AuthzFixtures): Promise<string> {
  const { result } = await createResultComment(f.actors.participant, { id: randomUUID(), sectionId: await freshSection(f), body: "Bitte prüfen", anchorBlock: null });
  return result.id;
}

/** The latest published version's number, publishing one when there is none yet. */
async function publishedVersion(f: AuthzFixtures): Promise<number> {
  const [latest] = await listResultVersions(f.actors.moderator);
  if (latest) return latest.number;
  await freshSection(f, "Erste Fassung");
  return (await publishResultVersion(f.actors.moderator, { note: "Version für die Matrix" })).result.number;
}

/** A checked import of one unchanged service: applying it changes nothing. */
async function freshOzgImport(f: AuthzFixtures): Promise<string> {
  return (await checkOzgImport(f.actors.moderator, { name: "authz.csv", bytes: Buffer.from("OZG-ID\n10000\n") })).importId;
}
