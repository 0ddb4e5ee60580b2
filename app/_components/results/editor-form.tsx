"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { formatCount, formatShortDate } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { SECTION_MARKDOWN_MAX } from "@/server/schemas/results";
import type { ResultSectionForEditingDto } from "@/server/services/results/dto";
import { Alert } from "../ui/alert";
import { Button, buttonClass } from "../ui/button";
import { EditorDiff } from "./editor-diff";
import { EditorPreview } from "./editor-preview";
import { EditorSourcePicker, type PickedSource } from "./editor-source-picker";

/** a pause this long after typing sends the text to the server's autosave */
const AUTOSAVE_AFTER_MS = 3_000;
/** the counter appears from here on: below it the limit does not matter */
const COUNTER_FROM = SECTION_MARKDOWN_MAX * 0.9;
const LEAVE_WARNING = "Ihre Änderungen an diesem Abschnitt sind noch nicht gespeichert. Seite trotzdem verlassen?";

const clock = new Intl.DateTimeFormat("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" });

/** What the server holds after someone else saved in between. */
interface Conflict {
  message: string;
  /** the text this editor started from; null when unknown (an autosave from an older revision) */
  from: string | null;
  current: { markdown: string; revision: number };
  /** the user chose to overwrite: the next save names the current revision */
  accepted: boolean;
}

/**
 * Links into the platform for a source: `Grundlage: [Title](/path)`, brackets in the title escaped; the
 * word stays outside the link, as people write it, and is left out when the text before already ends with it.
 */
const sourceLink = (source: PickedSource, textBefore: string) =>
  `${/Grundlage:\s*$/i.test(textBefore) ? "" : "Grundlage: "}[${source.title.replace(/[[\]\\]/g, "\\$&")}](${source.href})`;

/**
 * Moderation's editor for one section of the results draft: Markdown with a live preview and its
 * sources, autosave on the server, saving with optimistic concurrency (a refused save keeps the text
 * and shows what changed meanwhile), and a warning before unsaved text is left behind.
 */
export function SectionEditor({ initial }: { initial: ResultSectionForEditingDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const textareaId = useId();
  const helpId = useId();
  const counterId = useId();
  const pickerId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pickerButton = useRef<HTMLButtonElement>(null);
  const selection = useRef<{ start: number; end: number } | null>(null);

  const [text, setText] = useState(initial.autosave?.markdown ?? initial.markdown);
  /** the section's text on the server as this editor last loaded or saved it */
  const [savedText, setSavedText] = useState(initial.markdown);
  /** the revision of savedText on the server */
  const [savedRevision, setSavedRevision] = useState(initial.revision);
  /** the revision the next save names; a restored autosave keeps the revision it was typed on */
  const [baseRevision, setBaseRevision] = useState(initial.autosave?.baseRevision ?? initial.revision);
  /** the text at baseRevision, for the diff after a refused save */
  const [baseText, setBaseText] = useState<string | null>(initial.autosave && initial.autosave.baseRevision < initial.revision ? null : initial.markdown);
  const [restored, setRestored] = useState(initial.autosave);
  const [autosavedAt, setAutosavedAt] = useState<string | null>(null);
  const [lastAutosaved, setLastAutosaved] = useState(initial.autosave?.markdown ?? initial.markdown);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  /** who saved the section last, and when: as loaded, then this editor's own saves */
  const [lastSave, setLastSave] = useState({ by: initial.updatedBy, at: initial.updatedAt });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPicking, setIsPicking] = useState(false);
  /** "Speichern" waits for a running autosave before it sends the text */
  const [isWaitingForAutosave, setIsWaitingForAutosave] = useState(false);
  const autosaveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** the autosave request on its way, so a save can wait for it instead of being overtaken by it */
  const autosaveInFlight = useRef<Promise<unknown> | null>(null);

  const save = useMutation(trpc.results.saveSection.mutationOptions());
  const autosave = useMutation(trpc.results.autosave.mutationOptions());
  const discard = useMutation(trpc.results.discardAutosave.mutationOptions());
  const isSaving = save.isPending || isWaitingForAutosave;
  const isDirty = text !== savedText;
  const tooLong = text.length > SECTION_MARKDOWN_MAX;

  // autosave a few seconds after the last change; nothing to keep when the text is the saved one
  const { mutateAsync: autosaveMutate } = autosave;
  useEffect(() => {
    if (text === lastAutosaved || text === savedText || tooLong) return;
    const timer = setTimeout(() => {
      autosaveTimer.current = null;
      const request = autosaveMutate({ sectionId: initial.id, markdown: text, baseRevision })
        .then(({ savedAt: at }) => {
          setLastAutosaved(text);
          setAutosavedAt(at);
        })
        // a failed autosave is retried with the next change; saving reports its own errors
        .catch(() => undefined)
        .finally(() => {
          if (autosaveInFlight.current === request) autosaveInFlight.current = null;
        });
      autosaveInFlight.current = request;
    }, AUTOSAVE_AFTER_MS);
    autosaveTimer.current = timer;
    return () => {
      clearTimeout(timer);
      if (autosaveTimer.current === timer) autosaveTimer.current = null;
    };
  }, [text, lastAutosaved, savedText, tooLong, baseRevision, initial.id, autosaveMutate]);

  // closing the tab or leaving the page with unsaved text asks first
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    // links inside the app navigate without unloading the page: they ask too
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.hash)) return;
      if (!window.confirm(LEAVE_WARNING)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [isDirty]);

  const onSave = async () => {
    if (isSaving) return;
    setError(null);
    const markdown = text;
    // no autosave may overtake the save: a pending one is dropped, a running one finishes first
    if (autosaveTimer.current) {
      clearTimeout(autosaveTimer.current);
      autosaveTimer.current = null;
    }
    if (autosaveInFlight.current) {
      setIsWaitingForAutosave(true);
      try {
        await autosaveInFlight.current;
      } finally {
        setIsWaitingForAutosave(false);
      }
    }
    save.mutate(
      { sectionId: initial.id, markdown, baseRevision },
      {
        onSuccess: (section) => {
          setSavedText(markdown);
          setSavedRevision(section.revision);
          setBaseText(markdown);
          setBaseRevision(section.revision);
          setLastAutosaved(markdown);
          setAutosavedAt(null);
          setRestored(null);
          setConflict(null);
          setSavedAt(new Date().toISOString());
          setLastSave({ by: section.updatedBy, at: section.updatedAt });
        },
        onError: async (failure) => {
          const code = failure instanceof TRPCClientError ? (failure.data as { appErrorCode?: string } | undefined)?.appErrorCode : undefined;
          if (code !== "SECTION_CHANGED") {
            setError(failure.message);
            return;
          }
          try {
            const current = await queryClient.fetchQuery({ ...trpc.results.sectionForEditing.queryOptions({ sectionId: initial.id }), staleTime: 0 });
            setConflict({ message: failure.message, from: baseText, current: { markdown: current.markdown, revision: current.revision }, accepted: false });
          } catch (loadFailure) {
            setError(`${failure.message} ${loadFailure instanceof Error ? loadFailure.message : ""}`.trim());
          }
        },
      },
    );
  };

  /** keep one's own text: the next save overwrites the current state on the server */
  const acceptCurrent = () => {
    if (!conflict) return;
    setBaseRevision(conflict.current.revision);
    setBaseText(conflict.current.markdown);
    setSavedText(conflict.current.markdown);
    setSavedRevision(conflict.current.revision);
    setConflict({ ...conflict, accepted: true });
  };

  /** give up one's own text: the textarea takes the state saved on the server */
  const takeCurrent = () => {
    if (!conflict) return;
    const { markdown, revision } = conflict.current;
    setText(markdown);
    setSavedText(markdown);
    setSavedRevision(revision);
    setBaseRevision(revision);
    setBaseText(markdown);
    setLastAutosaved(markdown);
    setAutosavedAt(null);
    setConflict(null);
    if (restored || autosavedAt) {
      // the own draft is given up: it should not come back after a reload
      discard.mutate({ sectionId: initial.id });
      setRestored(null);
    }
    textarea.current?.focus();
  };

  const onDiscard = () => {
    if (discard.isPending) return;
    discard.mutate(
      { sectionId: initial.id },
      {
        onSuccess: () => {
          // back to the text last loaded or saved; the revision it belongs to stays the base
          setText(savedText);
          setLastAutosaved(savedText);
          setBaseRevision(savedRevision);
          setBaseText(savedText);
          setRestored(null);
          setAutosavedAt(null);
          textarea.current?.focus();
        },
      },
    );
  };

  const openPicker = () => {
    const area = textarea.current;
    selection.current = area ? { start: area.selectionStart, end: area.selectionEnd } : null;
    setIsPicking(true);
  };
  const closePicker = () => {
    setIsPicking(false);
    pickerButton.current?.focus();
  };
  const insertSource = (source: PickedSource) => {
    const { start, end } = selection.current ?? { start: text.length, end: text.length };
    const link = sourceLink(source, text.slice(0, start));
    setText(text.slice(0, start) + link + text.slice(end));
    setIsPicking(false);
    const caret = start + link.length;
    selection.current = { start: caret, end: caret };
    // after React has put the new text into the textarea
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(caret, caret);
    });
  };

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/ergebnisse/entwurf#abschnitt-${initial.id}`} className="font-medium text-brand-700 underline">
          Zurück zum Entwurf
        </Link>
      </p>
      <div className="mb-4 min-w-0">
        <h1 className="text-2xl font-bold break-words text-slate-900 sm:text-3xl">{initial.title}</h1>
        <p className="mt-1 text-sm text-slate-700">
          Abschnitt des Ergebnisdokuments bearbeiten
          {initial.groupName ? ` · ${initial.groupName}` : ""}
          {lastSave.by ? ` · zuletzt gespeichert von ${lastSave.by.name} am ${formatShortDate(lastSave.at)}` : ""}
        </p>
      </div>

      {restored && (
        <div className="mb-4">
          <Alert tone="warning">
            <p>Ungespeicherter Entwurf vom {formatShortDate(restored.savedAt)} wiederhergestellt.</p>
            {restored.baseRevision < initial.revision && (
              <p className="mt-1">
                Der Abschnitt wurde inzwischen von {initial.updatedBy?.name ?? "jemand anderem"} gespeichert. Beim Speichern sehen Sie die Unterschiede
                und entscheiden, welcher Stand gilt.
              </p>
            )}
            <div className="mt-2 flex flex-wrap gap-2">
              <Button variant="secondary" onClick={onDiscard} aria-disabled={discard.isPending}>
                Verwerfen
              </Button>
            </div>
            {discard.error && <p className="mt-1 font-medium text-red-700">{discard.error.message}</p>}
          </Alert>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0 space-y-3">
          <div>
            <label htmlFor={textareaId} className="mb-1 block font-medium">
              Text des Abschnitts (Markdown)
            </label>
            <div id={helpId} className="mb-2 text-sm text-slate-700">
              <p>
                Überschriften mit <code className="rounded bg-slate-100 px-1">## Titel</code>, Listen mit <code className="rounded bg-slate-100 px-1">- Punkt</code>{" "}
                oder <code className="rounded bg-slate-100 px-1">1. Punkt</code>, Tabellen mit{" "}
                <code className="rounded bg-slate-100 px-1">| Spalte | Spalte |</code> und einer Zeile <code className="rounded bg-slate-100 px-1">| --- | --- |</code>,
                Links mit <code className="rounded bg-slate-100 px-1 break-all">[Text](Adresse)</code>.
              </p>
              <p className="mt-1">Verweise auf Themen, Beiträge und Spotlights erscheinen als Quellen des Abschnitts.</p>
            </div>
            <textarea
              id={textareaId}
              ref={textarea}
              value={text}
              spellCheck
              aria-describedby={[helpId, tooLong || text.length >= COUNTER_FROM ? counterId : null].filter(Boolean).join(" ")}
              aria-invalid={tooLong || undefined}
              onChange={(event) => setText(event.target.value)}
              className={`block min-h-80 w-full min-w-0 rounded-md border bg-white px-3 py-2 font-mono text-sm leading-relaxed shadow-sm [field-sizing:content] ${tooLong ? "border-red-600" : "border-slate-400"}`}
            />
            {(tooLong || text.length >= COUNTER_FROM) && (
              <p id={counterId} className={`mt-1 text-sm ${tooLong ? "font-medium text-red-700" : "text-slate-700"}`}>
                {formatCount(text.length)} von {formatCount(SECTION_MARKDOWN_MAX)} Zeichen
                {tooLong ? ` – ${formatCount(text.length - SECTION_MARKDOWN_MAX)} zu viel. Bitte kürzen Sie den Text oder teilen Sie ihn auf.` : ""}
              </p>
            )}
          </div>

          <div>
            <button
              type="button"
              ref={pickerButton}
              className={buttonClass("secondary")}
              aria-expanded={isPicking}
              aria-controls={isPicking ? pickerId : undefined}
              onClick={() => (isPicking ? closePicker() : openPicker())}
            >
              Quelle einfügen
            </button>
            {isPicking && (
              <div id={pickerId} className="mt-2">
                <EditorSourcePicker onPick={insertSource} onClose={closePicker} />
              </div>
            )}
          </div>

          <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3">
            <Button onClick={() => void onSave()} aria-disabled={isSaving}>
              {isSaving ? "Wird gespeichert …" : "Speichern"}
            </Button>
            {/* only saving and autosaving are announced, not every keystroke */}
            <p aria-live="polite" className="text-sm text-slate-700">
              {savedAt && !isDirty
                ? `Gespeichert um ${clock.format(new Date(savedAt))} Uhr.`
                : autosavedAt && text === lastAutosaved
                  ? `Entwurf automatisch gesichert um ${clock.format(new Date(autosavedAt))} Uhr.`
                  : ""}
            </p>
            {isDirty && !(autosavedAt && text === lastAutosaved) && <p className="text-sm text-slate-700">Ungespeicherte Änderungen.</p>}
          </div>
          {error && (
            <p role="alert" className="text-sm font-medium text-red-700">
              {error}
            </p>
          )}

          {conflict && (
            <section aria-labelledby={`${pickerId}-conflict`} className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
              <h2 id={`${pickerId}-conflict`} className="text-lg font-semibold text-amber-900">
                Der Abschnitt wurde inzwischen geändert
              </h2>
              <p role="alert" className="text-amber-900">
                {conflict.message}
              </p>
              <p className="text-sm text-slate-800">
                {conflict.from === null
                  ? "Unterschiede zwischen Ihrem Text und dem jetzt gespeicherten Stand:"
                  : "Was sich seit Beginn Ihrer Bearbeitung auf dem Server geändert hat:"}
              </p>
              <EditorDiff
                from={conflict.from ?? text}
                to={conflict.current.markdown}
                label={conflict.from === null ? "Unterschiede zu Ihrem Text" : "Änderungen seit Beginn Ihrer Bearbeitung"}
              />
              {conflict.accepted ? (
                <p className="text-sm font-medium text-slate-800">Ihr Text ersetzt beim nächsten Speichern den jetzt gespeicherten Stand.</p>
              ) : (
                <div className="flex flex-wrap gap-2">
                  <Button variant="secondary" onClick={acceptCurrent}>
                    Mit meinem Text überschreiben
                  </Button>
                  <Button variant="secondary" onClick={takeCurrent}>
                    Gespeicherten Stand übernehmen
                  </Button>
                </div>
              )}
            </section>
          )}
        </div>

        <EditorPreview markdown={text} initial={{ html: initial.html, sources: initial.sources, missing: 0 }} />
      </div>
    </div>
  );
}
