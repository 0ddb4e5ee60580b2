"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { useTRPC, useTRPCClient } from "@/app/_lib/trpc";
import { askQuestionSchema, QUESTION_MAX } from "@/server/schemas/impulse-talk";
import { compareQuestions, type ImpulseQuestionDto, type ImpulseTalkDto, type QuestionView } from "@/server/services/impulse-talks/dto";
import { announce } from "../shell/live-announcer";
import { Button } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { SelectField, TextArea, TextField } from "../ui/field";
import { useTalkLive } from "./use-talk-live";

export interface TalkQuestionsProps {
  talk: ImpulseTalkDto;
  initialQuestions: ImpulseQuestionDto[];
  /** ids of the questions the viewer upvoted */
  initialVotes: string[];
  view: QuestionView;
  viewerId: string;
  /** the viewer's role may ask and vote (readers may not) */
  mayAsk: boolean;
}

const CANCELLED = "Der Vortrag wurde abgesagt: Fragen und Stimmen sind nicht möglich.";
const OVER = "Der Vortrag ist vorbei: Fragen und Stimmen sind nicht mehr möglich.";
/** why no question can be asked now (talk over or cancelled); null while questions are open */
const closedReasonOf = (talk: ImpulseTalkDto) => (talk.cancelledAt ? CANCELLED : new Date(talk.endsAt).getTime() <= Date.now() ? OVER : null);

/** setTimeout's limit (about 24.8 days); a talk further ahead is reloaded long before it ends */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

const votesLabel = (count: number) => (count === 1 ? "1 Stimme" : `${count.toLocaleString("de-DE")} Stimmen`);
const excerpt = (text: string, max = 80) => ([...text].length > max ? `${[...text].slice(0, max - 1).join("")}…` : text);

interface Snapshot {
  focused: HTMLElement | null;
  /** the anchor question, then its next and previous neighbours (for when it leaves the list), with their places on screen */
  anchors: { id: string; top: number }[];
  index: number;
}

const questionIdOf = (element: Element | null) => (element instanceof HTMLElement ? (element.dataset.questionId ?? null) : null);

/**
 * Keeps the viewer's keyboard focus and reading position while the list changes under them (votes
 * reorder it live). `capture()` before applying an update notes the focused element and an anchor
 * question (the focused one, else the first one in the viewport) with its place on screen; after
 * React moved the items, focus goes back where it was (moving a node blurs it) and the page scrolls by
 * however far the anchor moved, so it stays where the viewer was looking. If the anchor left the list
 * (hidden, merged), a neighbour takes its place, and the focus too.
 */
function useStablePosition(rootRef: RefObject<HTMLElement | null>) {
  const pending = useRef<Snapshot | null>(null);

  // the browser's own scroll anchoring would correct the same shift a second time
  useEffect(() => {
    const root = document.documentElement;
    const before = root.style.overflowAnchor;
    root.style.overflowAnchor = "none";
    return () => {
      root.style.overflowAnchor = before;
    };
  }, []);

  const capture = useCallback(() => {
    const root = rootRef.current;
    if (!root) return;
    const active = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement : null;
    const items = [...root.querySelectorAll<HTMLElement>("[data-question-id]")];
    const anchor =
      active?.closest<HTMLElement>("[data-question-id]") ??
      items.find((item) => {
        const rect = item.getBoundingClientRect();
        return rect.bottom > 0 && rect.top < window.innerHeight;
      }) ??
      null;
    const candidates = anchor ? [anchor, anchor.nextElementSibling, anchor.previousElementSibling] : [];
    pending.current = {
      focused: active,
      anchors: candidates.flatMap((element) => {
        const id = questionIdOf(element);
        return id ? [{ id, top: element!.getBoundingClientRect().top }] : [];
      }),
      index: anchor ? siblingIndex(anchor) : -1,
    };
  }, [rootRef]);

  useLayoutEffect(() => {
    const snapshot = pending.current;
    const root = rootRef.current;
    pending.current = null;
    if (!snapshot || !root) return;
    const found = snapshot.anchors
      .map((anchor) => ({ ...anchor, element: root.querySelector<HTMLElement>(`[data-question-id="${CSS.escape(anchor.id)}"]`) }))
      .find((anchor) => anchor.element);
    if (snapshot.focused && document.activeElement !== snapshot.focused) {
      if (snapshot.focused.isConnected) snapshot.focused.focus({ preventScroll: true });
      else if (!root.contains(document.activeElement)) (found?.element ?? root).focus({ preventScroll: true });
    }
    if (!found?.element) return;
    const shift = found.element.getBoundingClientRect().top - found.top;
    if (Math.abs(shift) >= 1) window.scrollBy({ top: shift, behavior: "instant" });
    // someone using the keyboard hears where the question they are on went; nobody else is told
    const index = siblingIndex(found.element);
    if (snapshot.focused?.isConnected && found.id === snapshot.anchors[0]?.id && index !== snapshot.index && index >= 0) {
      announce(`Die Frage steht jetzt an Stelle ${index + 1} von ${found.element.parentElement?.children.length ?? index + 1}.`);
    }
  });

  return capture;
}

const siblingIndex = (item: HTMLElement) => (item.parentElement ? [...item.parentElement.children].indexOf(item) : -1);

/**
 * The questions of a talk, live: the ask form for participants while questions are open, the list by
 * votes with upvote toggles, answers, duplicates beneath the question kept, and moderation's controls.
 * Readers see the answered questions only.
 */
export function TalkQuestions(props: TalkQuestionsProps) {
  const { talk, view, viewerId, mayAsk } = props;
  const client = useTRPCClient();
  const router = useRouter();
  const rootRef = useRef<HTMLElement>(null);
  const capture = useStablePosition(rootRef);
  const [questions, setQuestions] = useState(() => new Map(props.initialQuestions.map((question) => [question.id, question])));
  const [votes, setVotes] = useState(() => new Set(props.initialVotes));
  const [closedReason, setClosedReason] = useState(() => (mayAsk ? closedReasonOf(talk) : null));
  const [endsAt, setEndsAt] = useState(talk.endsAt);
  // the form closes when the talk ends while the page is open (a moved talk moves the moment)
  useEffect(() => {
    const left = new Date(endsAt).getTime() - Date.now();
    if (!mayAsk || left <= 0 || left > MAX_TIMEOUT_MS) return;
    const timer = setTimeout(() => setClosedReason((reason) => reason ?? OVER), left);
    return () => clearTimeout(timer);
  }, [endsAt, mayAsk]);
  const focusRequest = useRef<string | null>(null);

  const shown = useRef(questions);
  useLayoutEffect(() => {
    shown.current = questions;
  });

  const apply = useCallback(
    (question: ImpulseQuestionDto) => {
      const before = shown.current.get(question.id);
      // one's own answer and the room's event race: whichever is older than what is shown changes nothing
      if (before && before.updatedAt > question.updatedAt) return;
      capture();
      if (question.author.id === viewerId && before?.status === "OPEN" && question.status === "ANSWERED") announce("Ihre Frage wurde beantwortet.");
      setQuestions((previous) => new Map(previous).set(question.id, question));
      // a merge makes the duplicate's asker and voters voters of the question kept
      setVotes((previous) => {
        if (question.author.id === viewerId) return previous;
        const joined = question.duplicates.some((duplicate) => duplicate.author.id === viewerId || previous.has(duplicate.id));
        return joined && !previous.has(question.id) ? new Set(previous).add(question.id) : previous;
      });
    },
    [capture, viewerId],
  );

  const remove = useCallback(
    (questionId: string) => {
      capture();
      setQuestions((previous) => {
        const next = new Map(previous);
        next.delete(questionId);
        return next;
      });
    },
    [capture],
  );

  useTalkLive(talk.id, {
    onQuestion: apply,
    onQuestionRemoved: remove,
    onTalkChanged: (changed) => {
      // the talk's own part of the page (time, place, "Abgesagt") is rendered on the server
      router.refresh();
      setEndsAt(changed.endsAt);
      setClosedReason(mayAsk ? closedReasonOf(changed) : null);
    },
    onJoined: (current, loaded) => {
      capture();
      setQuestions(new Map(loaded.map((question) => [question.id, question])));
      if (mayAsk) setClosedReason(closedReasonOf(current));
      if (view !== "reader") void client.impulseTalk.myVotes.query({ talkId: talk.id }).then((ids) => setVotes(new Set(ids)), () => undefined);
    },
  });

  // after one's own moderation act the question may have moved to another section: focus follows it
  useLayoutEffect(() => {
    const questionId = focusRequest.current;
    focusRequest.current = null;
    if (questionId) rootRef.current?.querySelector<HTMLElement>(`[data-question-id="${CSS.escape(questionId)}"]`)?.focus();
  });

  const all = [...questions.values()].sort(compareQuestions);
  const open = all.filter((question) => question.status === "OPEN");
  const answered = all.filter((question) => question.status === "ANSWERED");
  const hidden = all.filter((question) => question.status === "HIDDEN");
  const mergeable = all.filter((question) => question.status === "OPEN" || question.status === "ANSWERED");

  const itemProps = {
    view,
    viewerId,
    votes,
    canVote: mayAsk && !closedReason,
    mergeable,
    onChanged: (question: ImpulseQuestionDto, voted?: boolean) => {
      apply(question);
      if (voted !== undefined) {
        setVotes((previous) => {
          const next = new Set(previous);
          if (voted) next.add(question.id);
          else next.delete(question.id);
          return next;
        });
      }
    },
    onModerated: (question: ImpulseQuestionDto) => {
      focusRequest.current = question.id;
      apply(question);
    },
    onWithdrawn: (questionId: string) => {
      announce("Ihre Frage wurde zurückgezogen.");
      remove(questionId);
    },
  };

  return (
    <section ref={rootRef} tabIndex={-1} aria-labelledby="talk-questions-title" className="space-y-4 focus:outline-none">
      <h2 id="talk-questions-title" className="text-xl font-semibold text-slate-900">
        Fragen
      </h2>
      {!mayAsk ? (
        <p className="text-slate-700">Hier stehen die beantworteten Fragen. Fragen stellen und unterstützen können Teilnehmende.</p>
      ) : closedReason ? (
        <p className="text-slate-700" data-testid="questions-closed">
          {closedReason}
        </p>
      ) : (
        <AskForm talkId={talk.id} onAsked={apply} />
      )}
      {view !== "reader" && (
        <QuestionList title="Offene Fragen" empty="Noch keine offenen Fragen." questions={open} {...itemProps} />
      )}
      <QuestionList title="Beantwortete Fragen" empty="Noch keine beantworteten Fragen." questions={answered} {...itemProps} />
      {view === "moderation" && hidden.length > 0 && <QuestionList title="Ausgeblendete Fragen" empty="" questions={hidden} {...itemProps} />}
    </section>
  );
}

function AskForm({ talkId, onAsked }: { talkId: string; onAsked: (question: ImpulseQuestionDto) => void }) {
  const trpc = useTRPC();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const clientId = useRef<string | null>(null);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const ask = useMutation(trpc.impulseTalk.ask.mutationOptions());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ask.isPending) return;
    setDone(false);
    // one id per question: a retry after a lost answer is recognised, never asked twice
    clientId.current ??= crypto.randomUUID();
    const parsed = askQuestionSchema.safeParse({ id: clientId.current, talkId, body });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Die Frage ist ungültig.");
      textRef.current?.focus();
      return;
    }
    setError(null);
    ask.mutate(
      { id: clientId.current, talkId, body },
      {
        onSuccess: (question) => {
          clientId.current = null;
          setBody("");
          setDone(true);
          onAsked(question);
        },
        onError: (failure) => {
          setError(failure.data?.fieldErrors?.body?.[0] ?? failure.message);
          textRef.current?.focus();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <TextArea
        ref={textRef}
        label="Ihre Frage"
        hint={`Höchstens ${QUESTION_MAX.toLocaleString("de-DE")} Zeichen. Andere können Ihre Frage unterstützen; die Moderation stellt sie im Vortrag.`}
        rows={3}
        value={body}
        error={error}
        onChange={(event) => {
          setBody(event.target.value);
          setError(null);
          setDone(false);
        }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" aria-disabled={ask.isPending}>
          Frage stellen
        </Button>
        <p role="status" className="text-sm text-green-800">
          {done ? "Ihre Frage wurde gestellt." : ""}
        </p>
      </div>
    </form>
  );
}

interface ItemContext {
  view: QuestionView;
  viewerId: string;
  votes: Set<string>;
  canVote: boolean;
  mergeable: ImpulseQuestionDto[];
  onChanged: (question: ImpulseQuestionDto, voted?: boolean) => void;
  onModerated: (question: ImpulseQuestionDto) => void;
  onWithdrawn: (questionId: string) => void;
}

function QuestionList({ title, empty, questions, ...context }: { title: string; empty: string; questions: ImpulseQuestionDto[] } & ItemContext) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-lg font-semibold text-slate-900">
        {title} <span className="font-normal text-slate-600">({questions.length})</span>
      </h3>
      {questions.length === 0 ? (
        <p className="mt-1 text-slate-600">{empty}</p>
      ) : (
        <ol className="mt-2 space-y-3" aria-label={title}>
          {questions.map((question) => (
            <QuestionItem key={question.id} question={question} {...context} />
          ))}
        </ol>
      )}
    </section>
  );
}

function QuestionItem({ question, view, viewerId, votes, canVote, mergeable, onChanged, onModerated, onWithdrawn }: { question: ImpulseQuestionDto } & ItemContext) {
  const bodyId = useId();
  return (
    <li
      data-question-id={question.id}
      id={`frage-${question.id}`}
      tabIndex={-1}
      className="rounded border border-slate-200 bg-white p-3 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <div className="flex gap-3">
        <VoteControl question={question} bodyId={bodyId} isOwn={question.author.id === viewerId} voted={votes.has(question.id)} canVote={canVote} onChanged={onChanged} />
        <div className="min-w-0 flex-1 space-y-2">
          <p id={bodyId} data-testid="question-body" className="whitespace-pre-line [overflow-wrap:anywhere] text-slate-900">
            {question.body}
          </p>
          <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">
            {question.author.name} ({question.author.organisation}), <RelativeTime iso={question.createdAt} />
          </p>
          {question.status === "ANSWERED" && (
            <div className="rounded border border-green-300 bg-green-50 p-2 text-green-950">
              <p className="text-sm font-semibold">Beantwortet{question.answeredBy ? ` von ${question.answeredBy.name}` : ""}</p>
              {question.answer && <p className="whitespace-pre-line [overflow-wrap:anywhere]">{question.answer}</p>}
            </div>
          )}
          {question.status === "HIDDEN" && (
            <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 [overflow-wrap:anywhere]">
              <strong>Ausgeblendet{question.hiddenBy ? ` von ${question.hiddenBy.name}` : ""}:</strong> {question.hiddenReason}
            </p>
          )}
          {question.duplicates.length > 0 && (
            <div className="border-l-4 border-slate-200 pl-3">
              <p className="text-sm font-semibold text-slate-700">Zusammengeführt mit dieser Frage:</p>
              <ul className="space-y-1 text-sm text-slate-700">
                {question.duplicates.map((duplicate) => (
                  <li key={duplicate.id} className="[overflow-wrap:anywhere]">
                    „{duplicate.body}“ – {duplicate.author.name}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {question.author.id === viewerId && question.status === "OPEN" && view !== "reader" && (
            <WithdrawControl question={question} onWithdrawn={onWithdrawn} />
          )}
          {view === "moderation" && <ModerationControls question={question} mergeable={mergeable} onModerated={onModerated} />}
        </div>
      </div>
    </li>
  );
}

function VoteControl({
  question,
  bodyId,
  isOwn,
  voted,
  canVote,
  onChanged,
}: {
  question: ImpulseQuestionDto;
  bodyId: string;
  isOwn: boolean;
  voted: boolean;
  canVote: boolean;
  onChanged: (question: ImpulseQuestionDto, voted?: boolean) => void;
}) {
  const trpc = useTRPC();
  const vote = useMutation(trpc.impulseTalk.vote.mutationOptions({ onSuccess: (changed) => onChanged(changed, true) }));
  const unvote = useMutation(trpc.impulseTalk.unvote.mutationOptions({ onSuccess: (changed) => onChanged(changed, false) }));
  const error = vote.error ?? unvote.error;
  const isPending = vote.isPending || unvote.isPending;
  const count = votesLabel(question.voteCount);

  if (question.status !== "OPEN" || !canVote || isOwn) {
    return (
      <p className="w-16 shrink-0 text-center text-sm text-slate-700" data-testid="vote-count">
        {count}
        {isOwn && question.status === "OPEN" && <span className="block text-xs text-slate-600">Ihre Frage</span>}
      </p>
    );
  }
  // one toggle button that keeps its place in the item: focus stays on it while the list reorders
  return (
    <div className="w-16 shrink-0 text-center">
      <button
        type="button"
        aria-pressed={voted}
        aria-label={`Frage unterstützen, ${count}`}
        aria-describedby={bodyId}
        aria-disabled={isPending}
        onClick={() => {
          if (isPending) return;
          vote.reset();
          unvote.reset();
          if (voted) unvote.mutate({ questionId: question.id });
          else vote.mutate({ questionId: question.id });
        }}
        className={`flex min-h-11 w-full flex-col items-center justify-center rounded-md border px-2 py-1 text-sm font-semibold ${
          voted ? "border-brand-700 bg-brand-600 text-white hover:bg-brand-700" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
        }`}
      >
        <span aria-hidden="true">▲</span>
        <span aria-hidden="true">{question.voteCount.toLocaleString("de-DE")}</span>
      </button>
      {error && (
        <p role="alert" className="mt-1 text-xs font-medium text-red-700">
          {error.message}
        </p>
      )}
    </div>
  );
}

/** One's own open question can be taken back, after a second click that says what happens to its votes. */
function WithdrawControl({ question, onWithdrawn }: { question: ImpulseQuestionDto; onWithdrawn: (questionId: string) => void }) {
  const trpc = useTRPC();
  const [isConfirming, setIsConfirming] = useState(false);
  const withdraw = useMutation(trpc.impulseTalk.withdraw.mutationOptions({ onSuccess: ({ questionId }) => onWithdrawn(questionId) }));
  if (!isConfirming) {
    return (
      <Button variant="secondary" onClick={() => setIsConfirming(true)}>
        Frage zurückziehen
      </Button>
    );
  }
  return (
    <div role="group" aria-label="Frage zurückziehen" className="space-y-2 rounded border border-slate-300 bg-slate-50 p-2">
      <p className="text-sm text-slate-800">
        {question.voteCount > 0 ? `Die Frage wird mit ${votesLabel(question.voteCount)} entfernt.` : "Die Frage wird entfernt."}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ questionId: question.id })}>
          Ja, zurückziehen
        </Button>
        <Button variant="secondary" onClick={() => setIsConfirming(false)}>
          Behalten
        </Button>
      </div>
      {withdraw.error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {withdraw.error.message}
        </p>
      )}
    </div>
  );
}

type Panel = "answer" | "merge" | "hide" | null;

function ModerationControls({
  question,
  mergeable,
  onModerated,
}: {
  question: ImpulseQuestionDto;
  mergeable: ImpulseQuestionDto[];
  onModerated: (question: ImpulseQuestionDto) => void;
}) {
  const trpc = useTRPC();
  const [panel, setPanel] = useState<Panel>(null);
  const done = (changed: ImpulseQuestionDto) => {
    setPanel(null);
    onModerated(changed);
  };
  const unhide = useMutation(trpc.impulseTalk.unhide.mutationOptions({ onSuccess: done }));
  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));

  if (question.status === "HIDDEN") {
    return (
      <div className="space-y-1">
        <Button variant="secondary" aria-disabled={unhide.isPending} onClick={() => !unhide.isPending && unhide.mutate({ questionId: question.id })}>
          Wieder einblenden
        </Button>
        {unhide.error && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {unhide.error.message}
          </p>
        )}
      </div>
    );
  }
  if (question.status === "MERGED") return null;
  const others = mergeable.filter((other) => other.id !== question.id);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" aria-expanded={panel === "answer"} onClick={() => toggle("answer")}>
          {question.status === "ANSWERED" ? "Antwort bearbeiten" : "Als beantwortet markieren"}
        </Button>
        {others.length > 0 && (
          <Button variant="secondary" aria-expanded={panel === "merge"} onClick={() => toggle("merge")}>
            Zusammenführen mit …
          </Button>
        )}
        <Button variant="danger" aria-expanded={panel === "hide"} onClick={() => toggle("hide")}>
          Ausblenden
        </Button>
      </div>
      {panel === "answer" && <AnswerForm question={question} onDone={done} onCancel={() => setPanel(null)} />}
      {panel === "merge" && <MergeForm question={question} others={others} onDone={done} onCancel={() => setPanel(null)} />}
      {panel === "hide" && <HideForm question={question} onDone={done} onCancel={() => setPanel(null)} />}
    </div>
  );
}

interface FormProps {
  question: ImpulseQuestionDto;
  onDone: (question: ImpulseQuestionDto) => void;
  onCancel: () => void;
}

/** Focuses the form's first field when it opens. */
function useFocusFirst() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>("textarea, select, input")?.focus(), []);
  return ref;
}

function FormButtons({ submit, isPending, onCancel, error }: { submit: string; isPending: boolean; onCancel: () => void; error: string | null }) {
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" aria-disabled={isPending}>
          {submit}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Abbrechen
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </>
  );
}

/** A moderation panel's form: its first field takes the focus when it opens; submitting never reloads the page. */
function PanelForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  const ref = useFocusFirst();
  return (
    <form
      ref={ref}
      className="space-y-2"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

function AnswerForm({ question, onDone, onCancel }: FormProps) {
  const trpc = useTRPC();
  const [answer, setAnswer] = useState(question.answer ?? "");
  const save = useMutation(trpc.impulseTalk.answer.mutationOptions({ onSuccess: onDone }));
  return (
    <PanelForm
      onSubmit={() => {
        if (!save.isPending) save.mutate({ questionId: question.id, answer });
      }}
    >
      <TextArea
        label="Antwort (optional)"
        hint="Leer lassen, wenn die Frage im Vortrag beantwortet wurde. Reiner Text: Zeilenumbrüche bleiben, Formatierungszeichen werden nicht umgesetzt."
        rows={3}
        value={answer}
        onChange={(event) => setAnswer(event.target.value)}
        error={save.error?.data?.fieldErrors?.answer?.[0]}
      />
      <FormButtons submit="Als beantwortet speichern" isPending={save.isPending} onCancel={onCancel} error={save.error && !save.error.data?.fieldErrors?.answer ? save.error.message : null} />
    </PanelForm>
  );
}

function MergeForm({ question, others, onDone, onCancel }: FormProps & { others: ImpulseQuestionDto[] }) {
  const trpc = useTRPC();
  const [intoQuestionId, setInto] = useState(others[0]?.id ?? "");
  const merge = useMutation(trpc.impulseTalk.merge.mutationOptions({ onSuccess: onDone }));
  return (
    <PanelForm
      onSubmit={() => {
        if (!merge.isPending) merge.mutate({ questionId: question.id, intoQuestionId });
      }}
    >
      <SelectField
        label="Behalten wird die Frage"
        hint="Diese Frage erscheint dann unter der gewählten; ihre Stimmen zählen dort."
        value={intoQuestionId}
        onChange={(event) => setInto(event.target.value)}
        options={others.map((other) => ({ value: other.id, label: `${excerpt(other.body)} (${votesLabel(other.voteCount)})` }))}
      />
      <FormButtons submit="Zusammenführen" isPending={merge.isPending} onCancel={onCancel} error={merge.error?.message ?? null} />
    </PanelForm>
  );
}

function HideForm({ question, onDone, onCancel }: FormProps) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const hide = useMutation(trpc.impulseTalk.hide.mutationOptions({ onSuccess: onDone }));
  const fieldError = hide.error?.data?.fieldErrors?.reason?.[0];
  return (
    <PanelForm
      onSubmit={() => {
        if (!hide.isPending) hide.mutate({ questionId: question.id, reason });
      }}
    >
      <TextField label="Grund (nur für die Moderation sichtbar)" value={reason} onChange={(event) => setReason(event.target.value)} error={fieldError} />
      <FormButtons submit="Frage ausblenden" isPending={hide.isPending} onCancel={onCancel} error={hide.error && !fieldError ? hide.error.message : null} />
    </PanelForm>
  );
}
