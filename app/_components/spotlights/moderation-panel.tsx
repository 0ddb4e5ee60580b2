"use client";
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { formatGermanDay } from "@/server/schemas/calendar-day";
import { useTRPC } from "@/app/_lib/trpc";
import { ressorts } from "@/server/schemas/ressorts";
import { SPOTLIGHT_COMMENT_MAX, SPOTLIGHT_SHORT_MAX, SPOTLIGHT_TEXT_MAX, transitionSpotlightSchema } from "@/server/schemas/spotlight";
import { isPublicSpotlightStatus, nextSpotlightStatuses, type SpotlightStatus, spotlightStatusLabels, spotlightTransitionLabels } from "@/server/schemas/spotlight-lifecycle";
import type { SpotlightDto } from "@/server/services/spotlights/dto";
import { AttachmentPicker } from "../attachments/attachment-picker";
import { useAttachmentUploads } from "../attachments/use-attachment-uploads";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextArea, TextField } from "../ui/field";
import { useEditedFields } from "../ui/use-edited-fields";

/** What each step means, beside its choice. */
const stepHints: Partial<Record<SpotlightStatus, string>> = {
  IN_REVIEW: "Die Moderation prüft den Vorschlag.",
  PROMOTED: "Das Thema wird als Spotlight geführt und ist für Lesende sichtbar.",
  FORWARDED: "An das zuständige Ressort oder Gremium; danach sind keine Mitzeichnungen mehr möglich.",
  ANSWERED: "Die Antwort des Ressorts mit Datum und Anlagen.",
  CLOSED: "Der Vorgang ist erledigt.",
  DECLINED: "Mit Begründung; die Vorschlagenden und Mitzeichnenden werden benachrichtigt.",
};

type FieldName = "comment" | "reason" | "forwardedTo" | "forwardedContact" | "forwardedOn" | "dueOn" | "answer" | "answeredOn";
type FieldErrors = Partial<Record<FieldName, string>>;

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/**
 * Moderation's next step for this spotlight: only the steps the state machine allows from its status,
 * each with the fields it needs. Sends the status it was shown, so that a change by someone else in
 * the meantime is refused instead of overwritten. Keyed by the status: a new status starts afresh.
 */
export function ModerationPanel({
  spotlight,
  today,
  onChanged,
  onStale,
}: {
  spotlight: SpotlightDto;
  today: string;
  onChanged: (spotlight: SpotlightDto) => void;
  /** the server said the status changed meanwhile: reload what is shown */
  onStale: () => void;
}) {
  const steps = nextSpotlightStatuses(spotlight.status);
  const [to, setTo] = useState<SpotlightStatus | null>(steps[0] ?? null);
  const groupName = useId();

  return (
    <section aria-labelledby="moderation-titel" className="rounded-lg border-2 border-brand-100 bg-white p-4">
      <h2 id="moderation-titel" className="text-xl font-semibold">
        Moderation: nächster Schritt
      </h2>
      {!to ? (
        <p className="mt-2 text-slate-700">Der Vorgang ist {spotlightStatusLabels[spotlight.status].toLowerCase()}: Es gibt keinen weiteren Schritt.</p>
      ) : (
        <>
          <fieldset className="mt-3">
            <legend className="mb-2 font-medium">Von „{spotlightStatusLabels[spotlight.status]}“ weiter zu</legend>
            <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
              {steps.map((step) => (
                <div
                  key={step}
                  className={`flex min-w-0 flex-1 items-start gap-2 rounded-md border p-3 sm:min-w-56 ${to === step ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}
                >
                  <input
                    type="radio"
                    id={`${groupName}-${step}`}
                    name={groupName}
                    value={step}
                    checked={to === step}
                    onChange={() => setTo(step)}
                    aria-describedby={`${groupName}-${step}-hint`}
                    className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
                  />
                  <span className="min-w-0">
                    <label htmlFor={`${groupName}-${step}`} className="block cursor-pointer font-semibold">
                      {spotlightTransitionLabels[step]}
                    </label>
                    <span id={`${groupName}-${step}-hint`} className="block text-sm text-slate-700">
                      {stepHints[step]}
                    </span>
                  </span>
                </div>
              ))}
            </div>
          </fieldset>
          <StepForm key={to} spotlight={spotlight} to={to} today={today} onChanged={onChanged} onStale={onStale} />
        </>
      )}
    </section>
  );
}

function StepForm({
  spotlight,
  to,
  today,
  onChanged,
  onStale,
}: {
  spotlight: SpotlightDto;
  to: SpotlightStatus;
  today: string;
  onChanged: (spotlight: SpotlightDto) => void;
  onStale: () => void;
}) {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<FieldErrors>({});
  const edited = useEditedFields();
  const ressortList = useId();
  const form = useRef<HTMLFormElement>(null);
  const uploads = useAttachmentUploads({ spotlightId: spotlight.id });
  const transition = useMutation(
    trpc.spotlight.transition.mutationOptions({
      onSuccess: (result) => {
        uploads.clear();
        onChanged(result);
      },
      onError: (error) => {
        if (error.data?.appErrorCode === "STATUS_CHANGED") onStale();
      },
    }),
  );

  function focusFirstError(fields: FieldErrors) {
    const first = Object.keys(fields)[0];
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    edited.reset();
    const data = new FormData(event.currentTarget);
    const base = { spotlightId: spotlight.id, fromStatus: spotlight.status, to, comment: text(data, "comment") };
    const attachments = to === "ANSWERED" ? uploads.forSend() : [];
    const input =
      to === "FORWARDED"
        ? { ...base, forwardedTo: text(data, "forwardedTo"), forwardedContact: text(data, "forwardedContact"), forwardedOn: text(data, "forwardedOn"), dueOn: text(data, "dueOn") || null }
        : to === "ANSWERED"
          ? { ...base, answer: text(data, "answer"), answeredOn: text(data, "answeredOn"), attachments: attachments ?? [] }
          : to === "DECLINED"
            ? { ...base, reason: text(data, "reason") }
            : base;
    const parsed = transitionSpotlightSchema.safeParse(input);
    const next: FieldErrors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) next[issue.path[0] as FieldName] ??= issue.message;
    }
    // the server checks this too; said here at the field, before sending
    const answeredOn = text(data, "answeredOn");
    if (to === "ANSWERED" && spotlight.forwardedOn && answeredOn && answeredOn < spotlight.forwardedOn && !next.answeredOn) {
      next.answeredOn = `Das Datum der Antwort darf nicht vor dem Tag der Weiterleitung (${formatGermanDay(spotlight.forwardedOn)}) liegen.`;
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed.success) return focusFirstError(next);
    if (attachments === null) return;
    transition.mutate(parsed.data);
  }

  const server = (transition.error?.data?.fieldErrors ?? {}) as Partial<Record<FieldName, string[]>>;
  const errorOf = (name: FieldName) => (edited.isEdited(name) ? undefined : (errors[name] ?? server[name]?.[0]));
  const submitLabel = spotlightTransitionLabels[to];

  return (
    <form ref={form} onSubmit={onSubmit} onChange={edited.onChange} noValidate className="mt-4 space-y-4" aria-label={`${submitLabel}: Angaben`}>
      {transition.error && !transition.error.data?.fieldErrors && <Alert tone="error">{transition.error.message}</Alert>}
      {to === "FORWARDED" && (
        <>
          <TextField
            label="Ressort oder Gremium"
            name="forwardedTo"
            list={ressortList}
            required
            maxLength={SPOTLIGHT_SHORT_MAX + 50}
            autoComplete="off"
            hint="Ein Ministerium aus der Liste oder ein anderes zuständiges Gremium."
            error={errorOf("forwardedTo")}
          />
          <datalist id={ressortList}>
            {ressorts.map((ressort) => (
              <option key={ressort.code} value={ressort.name} />
            ))}
          </datalist>
          <TextField label="Ansprechperson" name="forwardedContact" required maxLength={SPOTLIGHT_SHORT_MAX + 50} hint="Name, Referat oder Funktion." error={errorOf("forwardedContact")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Weitergeleitet am" name="forwardedOn" type="date" required defaultValue={today} max={today} error={errorOf("forwardedOn")} />
            <TextField label="Antwort erbeten bis (optional)" name="dueOn" type="date" hint="Ohne Datum: keine Frist." error={errorOf("dueOn")} />
          </div>
        </>
      )}
      {to === "ANSWERED" && (
        <>
          <TextArea
            label="Antwort"
            name="answer"
            required
            rows={8}
            maxLength={SPOTLIGHT_TEXT_MAX + 1000}
            hint="Die Antwort des Ressorts, gern im Wortlaut. Formatierung mit Markdown: **fett**, - Aufzählung, [Linktext](https://…)"
            error={errorOf("answer")}
          />
          <TextField
            label="Eingegangen am"
            name="answeredOn"
            type="date"
            required
            defaultValue={spotlight.forwardedOn && today < spotlight.forwardedOn ? spotlight.forwardedOn : today}
            min={spotlight.forwardedOn ?? undefined}
            max={today}
            error={errorOf("answeredOn")}
          />
          <div>
            <p className="mb-1 font-medium">Anlagen (optional)</p>
            <AttachmentPicker uploads={uploads} disabled={transition.isPending} />
          </div>
        </>
      )}
      {to === "DECLINED" ? (
        <TextArea
          label="Begründung der Ablehnung"
          name="reason"
          required
          rows={4}
          maxLength={SPOTLIGHT_TEXT_MAX + 1000}
          hint="Die Begründung sehen die Vorschlagenden und Mitzeichnenden."
          error={errorOf("reason")}
        />
      ) : (
        <TextArea
          label="Kommentar für den Verlauf (optional)"
          name="comment"
          rows={2}
          maxLength={SPOTLIGHT_COMMENT_MAX + 100}
          hint={isPublicSpotlightStatus(to) ? "Der Verlauf ab der Aufnahme ist auch für Lesende sichtbar." : "Nur für Teilnehmende und Moderation sichtbar."}
          error={errorOf("comment")}
        />
      )}
      <Button type="submit" variant={to === "DECLINED" ? "danger" : "primary"} disabled={transition.isPending || uploads.isUploading}>
        {transition.isPending ? "Wird gespeichert …" : submitLabel}
      </Button>
    </form>
  );
}
