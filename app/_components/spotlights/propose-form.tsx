"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { formatShortDate } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { AFFECTED_MUNICIPALITIES_MAX, createSpotlightSchema, MUNICIPALITY_NAME_MAX, SPOTLIGHT_TEXT_MAX, SPOTLIGHT_TITLE_MAX } from "@/server/schemas/spotlight";
import { normaliseText } from "@/server/schemas/text";
import { quoteOf } from "../posts/quote";
import { announce } from "../shell/live-announcer";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextArea, TextField } from "../ui/field";
import { SimilarSuggestions } from "./similar-suggestions";
import { useEditedFields } from "../ui/use-edited-fields";
import { GroupCheckboxes } from "../groups/group-checkboxes";

export interface SourcePost {
  id: string;
  number: number;
  html: string;
  createdAt: string;
  author: { name: string; organisation: string };
}

/** The thread a proposal comes from, with the posts that may be quoted. */
export interface SourceThread {
  id: string;
  title: string;
  href: string;
  groupId: string;
  posts: SourcePost[];
}

const fields = ["title", "problem", "requestedAction", "groupIds", "affectedMunicipalities"] as const;
type Field = (typeof fields)[number];
type FieldErrors = Partial<Record<Field, string>>;

/** One municipality per line; lines without visible text are no municipality. */
const municipalitiesOf = (text: string) => text.split("\n").map((line) => normaliseText(line, { singleLine: true })).filter(Boolean);

/** Appends a quote after the text, a blank line between. */
const withQuote = (text: string, quote: string) => (text.trim() ? `${text.replace(/\s+$/, "")}\n\n${quote}` : quote);
/** Takes a quote out again if it is still there as inserted. */
const withoutQuote = (text: string, quote: string) =>
  text.includes(quote) ? text.replace(quote, "").replace(/\n{3,}/g, "\n\n").replace(/^\n+/, "").replace(/\s+$/, "") : text;

/**
 * Proposing a spotlight: title (with similar spotlights and threads suggested while typing), problem,
 * requested action, working groups and affected municipalities. From a thread, its posts can be
 * quoted into the problem. Checked with the server's schema before sending; German field errors.
 */
export function ProposeForm({ groups, source }: { groups: { id: string; name: string }[]; source: SourceThread | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const clientId = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState("");
  const [problem, setProblem] = useState("");
  // in the order chosen: the discussion opens in the first
  const [groupIds, setGroupIds] = useState<string[]>(source ? [source.groupId] : []);
  const [quotes, setQuotes] = useState<Map<string, string>>(new Map());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const create = useMutation(
    trpc.spotlight.create.mutationOptions({
      onSuccess: (spotlight) => router.push(`/spotlights/${spotlight.id}`),
      onError: () => setFocusRequest((n) => n + 1),
    }),
  );
  const serverErrors = create.error?.data?.fieldErrors ?? {};
  const edited = useEditedFields();
  const errorOf = (field: Field) => (edited.isEdited(field) ? undefined : (errors[field] ?? serverErrors[field]?.[0]));

  // after a refused submit: to the first field that says why
  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input')?.focus();
  }, [focusRequest]);

  function toggleQuote(post: SourcePost, checked: boolean) {
    const existing = quotes.get(post.id);
    if (checked && !existing) {
      const shown = document.getElementById(`${id}-post-${post.id}`)?.innerText ?? "";
      const quote = quoteOf(post, shown);
      setProblem((text) => withQuote(text, quote));
      setQuotes((current) => new Map(current).set(post.id, quote));
      announce(`Beitrag #${post.number} wurde als Zitat in die Problembeschreibung übernommen.`);
    } else if (!checked && existing) {
      setProblem((text) => withoutQuote(text, existing));
      setQuotes((current) => {
        const next = new Map(current);
        next.delete(post.id);
        return next;
      });
      announce(`Das Zitat aus Beitrag #${post.number} wurde entfernt.`);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    edited.reset();
    const form = new FormData(event.currentTarget);
    clientId.current ??= crypto.randomUUID();
    const parsed = createSpotlightSchema.safeParse({
      id: clientId.current,
      title,
      problem,
      requestedAction: form.get("requestedAction"),
      groupIds,
      affectedMunicipalities: municipalitiesOf(String(form.get("affectedMunicipalities") ?? "")),
      sourceThreadId: source?.id ?? null,
    });
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        if (fields.includes(field)) next[field] ??= issue.message;
      }
      setErrors(next);
      setFocusRequest((n) => n + 1);
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  }

  const groupError = errorOf("groupIds");
  const hasFieldErrors = fields.some((field) => errorOf(field));
  return (
    <form ref={formRef} onSubmit={onSubmit} onChange={edited.onChange} className="space-y-6" noValidate aria-describedby={`${id}-pflicht`}>
      <p id={`${id}-pflicht`} className="text-sm text-slate-700">
        Alle Felder außer „Betroffene Kommunen“ sind Pflichtfelder.
      </p>
      {source && (
        <div className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-brand-800">
          <p className="break-words">
            <span className="font-semibold">Vorgeschlagen aus:</span>{" "}
            <Link href={source.href} className="underline">
              {source.title}
            </Link>
          </p>
          <p className="mt-1 text-sm">Das Thema wird mit dem Spotlight verknüpft. Unten können Sie Beiträge daraus als Zitat übernehmen.</p>
        </div>
      )}
      {create.error && !create.error.data?.fieldErrors && <Alert tone="error">{create.error.message}</Alert>}
      {hasFieldErrors && (
        <Alert tone="error">Bitte prüfen Sie die markierten Angaben.</Alert>
      )}

      <div>
        <TextField
          label="Titel"
          name="title"
          required
          maxLength={SPOTLIGHT_TITLE_MAX + 50}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          hint={`Kurz und treffend, höchstens ${SPOTLIGHT_TITLE_MAX} Zeichen. Ähnliche Spotlights und Themen werden beim Tippen angezeigt.`}
          error={errorOf("title")}
          autoComplete="off"
        />
        <SimilarSuggestions title={title} excludeThreadId={source?.id ?? null} />
      </div>

      <TextArea
        label="Problembeschreibung"
        name="problem"
        required
        rows={10}
        maxLength={SPOTLIGHT_TEXT_MAX + 500}
        value={problem}
        onChange={(event) => setProblem(event.target.value)}
        hint="Was ist das Problem, aus Sicht der Kommunen? Formatierung mit Markdown: **fett**, *kursiv*, - Aufzählung, > Zitat. Nimmt die Moderation das Spotlight auf, lesen auch Lesende Titel, Problem und Anliegen, Zitate eingeschlossen."
        error={errorOf("problem")}
      />

      {source && source.posts.length > 0 && (
        <fieldset className="min-w-0 rounded-md border border-slate-300 p-3 sm:p-4">
          <legend className="px-1 font-medium">Beiträge aus dem Thema zitieren</legend>
          <p className="text-sm text-slate-600">Gewählte Beiträge werden als Zitat mit Link in die Problembeschreibung übernommen.</p>
          <ol className="mt-3 max-h-[32rem] space-y-3 overflow-y-auto pr-1" aria-label="Beiträge des Themas">
            {source.posts.map((post) => (
              <li key={post.id} className="rounded-md border border-slate-200 bg-slate-50 p-3">
                <p className="text-sm text-slate-700">
                  <span className="font-semibold text-slate-900">#{post.number}</span> · {post.author.name} ({post.author.organisation}) ·{" "}
                  <time dateTime={post.createdAt}>{formatShortDate(post.createdAt)}</time>
                </p>
                <div id={`${id}-post-${post.id}`} className="prose-post mt-1 line-clamp-6 break-words" dangerouslySetInnerHTML={{ __html: post.html }} />
                <label className="mt-2 inline-flex min-h-10 cursor-pointer items-center gap-2 font-medium">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={quotes.has(post.id)}
                    onChange={(event) => toggleQuote(post, event.target.checked)}
                  />
                  Als Zitat übernehmen<span className="sr-only"> (Beitrag #{post.number} von {post.author.name})</span>
                </label>
              </li>
            ))}
          </ol>
        </fieldset>
      )}

      <TextArea
        label="Anliegen: Was wird von wem erbeten?"
        name="requestedAction"
        required
        rows={5}
        maxLength={SPOTLIGHT_TEXT_MAX + 500}
        hint="Zum Beispiel: „Das Ministerium für Infrastruktur und Digitales stellt eine landesweite Lösung bereit.“ Markdown ist möglich."
        error={errorOf("requestedAction")}
      />

      <GroupCheckboxes legend="Arbeitsgruppen" hint="Mindestens eine. Die Diskussion zum Spotlight wird in der zuerst gewählten Arbeitsgruppe eröffnet." groups={groups} selected={groupIds} onChange={setGroupIds} error={groupError} />

      <TextArea
        label="Betroffene Kommunen (freiwillig)"
        name="affectedMunicipalities"
        rows={4}
        maxLength={(MUNICIPALITY_NAME_MAX + 1) * AFFECTED_MUNICIPALITIES_MAX}
        hint="Eine Kommune pro Zeile, zum Beispiel „Stadt Zerbst/Anhalt“. Ihre eigene Kommune zeichnet den Vorschlag automatisch mit."
        error={errorOf("affectedMunicipalities")}
      />

      <Button type="submit" disabled={create.isPending || create.isSuccess}>
        {create.isPending || create.isSuccess ? "Wird vorgeschlagen …" : "Spotlight vorschlagen"}
      </Button>
    </form>
  );
}
