"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { federalStates } from "@/server/schemas/federal-states";
import {
  createImpulseTalkSchema,
  impulseTalkCategories,
  impulseTalkCategoryLabels,
  TALK_ABSTRACT_MAX,
  TALK_LINKS_MAX,
  TALK_SHORT_MAX,
  TALK_SPEAKERS_MAX,
  TALK_TITLE_MAX,
  updateImpulseTalkSchema,
  URL_MAX,
} from "@/server/schemas/impulse-talk";
import type { ImpulseTalkEditDto } from "@/server/services/impulse-talks/get-talk-for-editing";
import { AttachmentPicker } from "../attachments/attachment-picker";
import { useAttachmentUploads } from "../attachments/use-attachment-uploads";
import { announce } from "../shell/live-announcer";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { SelectField, TextArea, TextField } from "../ui/field";
import { useEditedFields } from "../ui/use-edited-fields";
import { GroupCheckboxes } from "../groups/group-checkboxes";

type Errors = Record<string, string>;
interface LinkRow {
  key: number;
  label: string;
  url: string;
}

/**
 * Scheduling or editing an impulse talk. Checked with the server's schema before sending, so most
 * refusals show at once beside their field; the server's refusals (a start in the past, which only the
 * server's clock judges, or someone else's newer change) keep everything typed. Berlin wall-clock times.
 */
export function TalkForm({
  groups,
  talk,
}: {
  groups: { id: string; name: string }[];
  /** the talk as loaded for editing; none when scheduling a new one */
  talk?: ImpulseTalkEditDto;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const recordingAllowed = talk?.hasBegun ?? false;
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // the create form names its talk up front: materials are uploaded under this id before it is saved
  const [talkId] = useState(() => talk?.id ?? crypto.randomUUID());
  const [speakers, setSpeakers] = useState<{ key: number; name: string }[]>(() =>
    (talk?.speakers.length ? talk.speakers : [""]).map((name, key) => ({ key, name })),
  );
  const [links, setLinks] = useState<LinkRow[]>(() => (talk?.links ?? []).map((link, key) => ({ key, ...link })));
  const rowKey = useRef(100);
  const [groupIds, setGroupIds] = useState<string[]>(talk?.groupIds ?? []);
  const [errors, setErrors] = useState<Errors>({});
  /** the field of a row just added, to put the keyboard focus there */
  const [focusName, setFocusName] = useState<{ name: string } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const edited = useEditedFields();
  const uploads = useAttachmentUploads({ impulseTalkId: talkId }, undefined, talk?.materials ?? []);

  const onSuccess = (saved: { id: string }) => {
    router.push(`/impulse/${saved.id}`);
    router.refresh();
  };
  const onError = () => setFocusRequest((n) => n + 1);
  const create = useMutation(trpc.impulseTalk.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.impulseTalk.update.mutationOptions({ onSuccess, onError }));
  const save = talk ? update : create;

  const serverError = save.error;
  const serverFieldErrors = serverError?.data?.fieldErrors ?? {};
  const serverCode = serverError?.data?.appErrorCode;
  const errorOf = (field: string) => {
    if (edited.isEdited(field)) return undefined;
    if (errors[field]) return errors[field];
    if (field === "startsAt" && serverCode === "TALK_IN_PAST") return serverError?.message;
    return serverFieldErrors[field]?.[0];
  };
  const isFieldServerError = serverCode === "TALK_IN_PAST" || !!serverError?.data?.fieldErrors;

  useEffect(() => {
    if (focusName) formRef.current?.querySelector<HTMLElement>(`[name="${focusName.name}"]`)?.focus();
  }, [focusName]);

  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input')?.focus();
  }, [focusRequest]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    edited.reset();
    save.reset();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const fields = {
      title: text("title"),
      speakers: speakers.map((speaker) => speaker.name),
      organisation: text("organisation"),
      federalState: text("federalState"),
      category: text("category"),
      startsAt: text("startsAt"),
      endsAt: text("endsAt"),
      onlineUrl: text("onlineUrl"),
      place: text("place"),
      abstract: text("abstract"),
      groupIds,
      links: links.map(({ label, url }) => ({ label, url })),
      recordingUrl: recordingAllowed ? text("recordingUrl") : "",
      attachments: [],
    };
    const updateInput = talk ? { ...fields, talkId, expectedUpdatedAt: talk.updatedAt } : null;
    const createInput = { ...fields, id: talkId };
    const parsed = updateInput ? updateImpulseTalkSchema.safeParse(updateInput) : createImpulseTalkSchema.safeParse(createInput);
    const next: Errors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // a row's error beside the row; the list's own error (none given, too many) on the list
        next[issue.path.map(String).join(".") || "form"] ??= issue.message;
      }
    }
    const attachments = uploads.forSend();
    setErrors(next);
    if (Object.keys(next).length || !parsed.success) {
      announce("Bitte prüfen Sie die markierten Angaben.");
      setFocusRequest((n) => n + 1);
      return;
    }
    if (!attachments) return;
    // the typed strings, not the parsed instants: the server reads times as Berlin wall-clock text
    const checked = { federalState: parsed.data.federalState, category: parsed.data.category, attachments };
    if (updateInput) update.mutate({ ...updateInput, ...checked });
    else create.mutate({ ...createInput, ...checked });
  }

  const speakersError = errorOf("speakers");
  const linksError = errorOf("links");
  const groupError = errorOf("groupIds");
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form ref={formRef} onSubmit={onSubmit} onChange={edited.onChange} className="space-y-6" noValidate aria-describedby={`${id}-pflicht`}>
      <p id={`${id}-pflicht`} className="text-sm text-slate-700">
        Pflichtfelder: Titel, Vortragende, Organisation, Bundesland, Reihe, Beginn, Ende, Zusammenfassung und ein Link zur Teilnahme oder ein Ort.
      </p>
      {serverError && !isFieldServerError && <Alert tone="error">{serverError.message}</Alert>}
      {(hasErrors || isFieldServerError) && <Alert tone="error">Bitte prüfen Sie die markierten Angaben.</Alert>}

      <TextField label="Titel" name="title" required defaultValue={talk?.title} maxLength={TALK_TITLE_MAX + 50} error={errorOf("title")} autoComplete="off" />

      <fieldset className="min-w-0 space-y-2" data-invalid={speakersError ? "true" : undefined} aria-describedby={speakersError ? `${id}-speakers-error` : undefined}>
        <legend className="mb-1 font-medium">Vortragende</legend>
        <ul className="space-y-2">
          {speakers.map((speaker, index) => (
            <li key={speaker.key} className="flex items-end gap-2">
              <div className="min-w-0 flex-1">
                <TextField
                  label={`Name ${index + 1}`}
                  name={`speakers.${index}`}
                  value={speaker.name}
                  maxLength={TALK_SHORT_MAX + 50}
                  onChange={(event) => setSpeakers((current) => current.map((row) => (row.key === speaker.key ? { ...row, name: event.target.value } : row)))}
                  error={errorOf(`speakers.${index}`)}
                  autoComplete="off"
                />
              </div>
              {speakers.length > 1 && (
                <Button
                  variant="secondary"
                  className="mb-0.5"
                  onClick={() => {
                    setSpeakers((current) => current.filter((row) => row.key !== speaker.key));
                    announce(`Name ${index + 1} entfernt.`);
                  }}
                >
                  Entfernen<span className="sr-only"> (Name {index + 1})</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
        {speakers.length < TALK_SPEAKERS_MAX && (
          <Button
            variant="secondary"
            onClick={() => {
              setSpeakers((current) => [...current, { key: rowKey.current++, name: "" }]);
              setFocusName({ name: `speakers.${speakers.length}` });
            }}
          >
            Weitere Person hinzufügen
          </Button>
        )}
        {speakersError && (
          <p id={`${id}-speakers-error`} className="text-sm font-medium text-red-700">
            {speakersError}
          </p>
        )}
      </fieldset>

      <TextField label="Organisation" name="organisation" required defaultValue={talk?.organisation} maxLength={TALK_SHORT_MAX + 50} error={errorOf("organisation")} />

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Bundesland"
          name="federalState"
          required
          defaultValue={talk?.federalState ?? ""}
          options={[{ value: "", label: "Bitte wählen …" }, ...federalStates.map((state) => ({ value: state, label: state }))]}
          error={errorOf("federalState")}
        />
        <SelectField
          label="Reihe"
          name="category"
          required
          defaultValue={talk?.category ?? ""}
          options={[{ value: "", label: "Bitte wählen …" }, ...impulseTalkCategories.map((category) => ({ value: category, label: impulseTalkCategoryLabels[category] }))]}
          error={errorOf("category")}
        />
      </div>

      <fieldset className="min-w-0" aria-describedby={`${id}-zeit`}>
        <legend className="mb-1 font-medium">Zeit</legend>
        <p id={`${id}-zeit`} className="mb-2 text-sm text-slate-600">
          Zeiten in deutscher Zeit (Europe/Berlin), auch für Gäste aus anderen Zeitzonen.
        </p>
        {/* grid items keep a date-time field's intrinsic width unless allowed to shrink: at 320 px it would stick out */}
        <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
          <TextField label="Beginn" name="startsAt" type="datetime-local" required defaultValue={talk?.startsAt} error={errorOf("startsAt")} />
          <TextField label="Ende" name="endsAt" type="datetime-local" required defaultValue={talk?.endsAt} error={errorOf("endsAt")} />
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Link zur Teilnahme"
          name="onlineUrl"
          type="url"
          inputMode="url"
          defaultValue={talk?.onlineUrl}
          maxLength={URL_MAX + 1}
          hint="Zum Beispiel https://konferenz.example.org/…"
          error={errorOf("onlineUrl")}
        />
        <TextField label="Ort" name="place" defaultValue={talk?.place} maxLength={TALK_SHORT_MAX + 50} hint="Falls vor Ort, zum Beispiel „Magdeburg, Raum 1.12“." error={errorOf("place")} />
      </div>

      <TextArea
        label="Zusammenfassung"
        name="abstract"
        required
        rows={8}
        defaultValue={talk?.abstract}
        maxLength={TALK_ABSTRACT_MAX + 500}
        hint="Worum es geht. Formatierung mit Markdown: **fett**, *kursiv*, - Aufzählung, [Link](https://…)."
        error={errorOf("abstract")}
      />

      <GroupCheckboxes legend="Arbeitsgruppen (freiwillig)" hint="Für welche Arbeitsgruppen ist der Vortrag besonders interessant?" groups={groups} selected={groupIds} onChange={setGroupIds} error={groupError} />

      <fieldset className="min-w-0 space-y-2" data-invalid={linksError ? "true" : undefined}>
        <legend className="mb-1 font-medium">Materialien: Links (freiwillig)</legend>
        {links.length > 0 && (
          <ul className="space-y-3">
            {links.map((link, index) => (
              <li key={link.key} className="rounded-md border border-slate-200 p-3">
                <div className="grid gap-2 sm:grid-cols-2">
                  <TextField
                    label={`Bezeichnung ${index + 1}`}
                    name={`links.${index}.label`}
                    value={link.label}
                    maxLength={TALK_SHORT_MAX + 50}
                    onChange={(event) => setLinks((current) => current.map((row) => (row.key === link.key ? { ...row, label: event.target.value } : row)))}
                    error={errorOf(`links.${index}.label`)}
                  />
                  <TextField
                    label={`Adresse ${index + 1}`}
                    name={`links.${index}.url`}
                    type="url"
                    inputMode="url"
                    value={link.url}
                    maxLength={URL_MAX + 1}
                    onChange={(event) => setLinks((current) => current.map((row) => (row.key === link.key ? { ...row, url: event.target.value } : row)))}
                    error={errorOf(`links.${index}.url`)}
                  />
                </div>
                <Button
                  variant="secondary"
                  className="mt-2"
                  onClick={() => {
                    setLinks((current) => current.filter((row) => row.key !== link.key));
                    announce(`Link ${index + 1} entfernt.`);
                  }}
                >
                  Link entfernen<span className="sr-only"> ({index + 1})</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        {links.length < TALK_LINKS_MAX && (
          <Button
            variant="secondary"
            onClick={() => {
              setLinks((current) => [...current, { key: rowKey.current++, label: "", url: "" }]);
              setFocusName({ name: `links.${links.length}.label` });
            }}
          >
            Link hinzufügen
          </Button>
        )}
        {linksError && <p className="text-sm font-medium text-red-700">{linksError}</p>}
      </fieldset>

      <div>
        <p className="mb-1 font-medium">Materialien: Dateien (freiwillig)</p>
        <p className="mb-2 text-sm text-slate-600">Folien oder Handouts; alle, die Impulsvorträge lesen dürfen, können sie herunterladen.</p>
        <AttachmentPicker uploads={uploads} disabled={save.isPending} />
      </div>

      {talk && recordingAllowed && (
        <TextField
          label="Link zur Aufzeichnung (freiwillig)"
          name="recordingUrl"
          type="url"
          inputMode="url"
          defaultValue={talk.recordingUrl}
          maxLength={URL_MAX + 1}
          error={errorOf("recordingUrl")}
        />
      )}
      {talk && !recordingAllowed && <p className="text-sm text-slate-600">Ein Link zur Aufzeichnung kann hinterlegt werden, sobald der Vortrag begonnen hat.</p>}

      <Button type="submit" disabled={save.isPending || save.isSuccess || uploads.isUploading}>
        {save.isPending || save.isSuccess ? "Wird gespeichert …" : talk ? "Änderungen speichern" : "Impulsvortrag ansetzen"}
      </Button>
    </form>
  );
}
