"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import type { ResultSectionDto, ResultVersionSummaryDto } from "@/server/services/results/dto";
import { Dialog } from "../posts/dialog";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { SelectField, TextArea, TextField } from "../ui/field";
import type { DraftViewer } from "./draft-view";

export interface GroupOption {
  id: string;
  name: string;
}

function AddSectionForm({ groups, onSections, announce }: { groups: GroupOption[]; onSections: (sections: ResultSectionDto[]) => void; announce: (message: string) => void }) {
  const trpc = useTRPC();
  const [title, setTitle] = useState("");
  const [groupId, setGroupId] = useState("");
  const create = useMutation(
    trpc.results.createSection.mutationOptions({
      onSuccess: (sections, sent) => {
        onSections(sections);
        announce(`Der Abschnitt „${sent.title.trim()}“ wurde am Ende des Entwurfs angelegt.`);
        // the live update may have shown the new section first and the next title be typed already: keep it
        setTitle((current) => (current === sent.title ? "" : current));
        setGroupId((current) => (current === (sent.groupId ?? "") ? "" : current));
      },
    }),
  );
  return (
    <form
      className="space-y-3"
      aria-labelledby="abschnitt-hinzufuegen"
      onSubmit={(event) => {
        event.preventDefault();
        if (!create.isPending) create.mutate({ title, groupId: groupId || null });
      }}
    >
      <h3 id="abschnitt-hinzufuegen" className="text-base font-semibold">
        Abschnitt hinzufügen
      </h3>
      <TextField label="Titel des Abschnitts" value={title} onChange={(event) => setTitle(event.target.value)} error={create.error?.message ?? null} />
      <SelectField
        label="Arbeitsgruppe (optional)"
        options={[{ value: "", label: "Keine Arbeitsgruppe" }, ...groups.map((group) => ({ value: group.id, label: group.name }))]}
        value={groupId}
        onChange={(event) => setGroupId(event.target.value)}
      />
      <Button type="submit" aria-disabled={create.isPending}>
        {create.isPending ? "Wird angelegt …" : "Abschnitt hinzufügen"}
      </Button>
    </form>
  );
}

/** The sections publishing would change, named: moderation sees what goes out, also edits of others. */
function ChangedSections({ titles }: { titles: string[] }) {
  if (titles.length === 0) return null;
  return (
    <div className="text-sm">
      <p className="font-medium">Geänderte Abschnitte seit der letzten Version:</p>
      <ul className="ml-5 list-disc">
        {titles.map((title, index) => (
          <li key={`${index}-${title}`} className="break-words">
            {title}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PublishForm({
  hasUnpublishedChanges,
  unpublishedSections,
  onPublished,
}: {
  hasUnpublishedChanges: boolean;
  unpublishedSections: string[];
  onPublished: (version: ResultVersionSummaryDto) => void;
}) {
  const trpc = useTRPC();
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<ResultVersionSummaryDto | null>(null);
  const [missingNote, setMissingNote] = useState(false);
  const publish = useMutation(
    trpc.results.publish.mutationOptions({
      onSuccess: (version) => {
        setPublished(version);
        setNote("");
        onPublished(version);
      },
      onSettled: () => setConfirming(false),
    }),
  );
  return (
    <form
      className="space-y-3"
      aria-labelledby="version-veroeffentlichen"
      onSubmit={(event) => {
        event.preventDefault();
        publish.reset();
        setPublished(null);
        // the server says the same; asking before the confirmation saves a pointless step
        const isEmpty = note.trim() === "";
        setMissingNote(isEmpty);
        if (!isEmpty) setConfirming(true);
      }}
    >
      <h3 id="version-veroeffentlichen" className="text-base font-semibold">
        Version veröffentlichen
      </h3>
      <p className="text-sm text-slate-700">
        {hasUnpublishedChanges
          ? "Der Entwurf enthält Änderungen seit der letzten Version. Beim Veröffentlichen wird der aktuelle Stand aller Abschnitte als neue, unveränderliche Version gespeichert."
          : "Seit der letzten Version hat sich nichts geändert."}
      </p>
      {hasUnpublishedChanges && <ChangedSections titles={unpublishedSections} />}
      <TextArea
        label="Änderungsnotiz"
        hint="Was hat sich gegenüber der letzten Version geändert? Die Notiz steht in der Versionsliste."
        rows={3}
        aria-required
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={missingNote ? "Bitte geben Sie eine Änderungsnotiz ein." : (publish.error?.message ?? null)}
      />
      <Button type="submit" aria-disabled={publish.isPending}>
        Version veröffentlichen
      </Button>
      {published && (
        <Alert tone="success">
          Version {published.number} wurde veröffentlicht.{" "}
          <Link href={`/ergebnisse/versionen/${published.number}`} className="font-semibold underline">
            Version {published.number} ansehen
          </Link>
        </Alert>
      )}
      <Dialog title="Version veröffentlichen?" open={confirming} onClose={() => setConfirming(false)}>
        <ChangedSections titles={unpublishedSections} />
        <p className="mt-3">Alle Mitglieder der Plattform, auch Lesende, werden benachrichtigt. Eine veröffentlichte Version kann nicht mehr geändert werden.</p>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button aria-disabled={publish.isPending} onClick={() => !publish.isPending && publish.mutate({ note })}>
            {publish.isPending ? "Wird veröffentlicht …" : "Jetzt veröffentlichen"}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Abbrechen
          </Button>
        </div>
      </Dialog>
    </form>
  );
}

function PublicSwitch({ isPublic, onChanged }: { isPublic: boolean; onChanged: (isPublic: boolean) => void }) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const setPublic = useMutation(
    trpc.results.setPublic.mutationOptions({
      onSuccess: (document) => onChanged(document.isPublic),
      onSettled: () => setConfirming(false),
    }),
  );
  return (
    <div className="space-y-2">
      <h3 className="text-base font-semibold">Sichtbarkeit</h3>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={isPublic}
          aria-labelledby="oeffentlich-label"
          aria-disabled={setPublic.isPending}
          onClick={() => {
            if (setPublic.isPending) return;
            setPublic.reset();
            setConfirming(true);
          }}
          className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full border-2 border-slate-600 transition-colors ${isPublic ? "bg-brand-600" : "bg-slate-200"}`}
        >
          <span aria-hidden="true" className={`inline-block h-5 w-5 rounded-full bg-white shadow ring-1 ring-slate-500 transition-transform ${isPublic ? "translate-x-5" : "translate-x-0.5"}`} />
        </button>
        <span id="oeffentlich-label" className="font-medium">
          Veröffentlichte Versionen öffentlich zeigen
        </span>
      </div>
      <p role="status" className="text-sm text-slate-700">
        {setPublic.isPending
          ? "Wird gespeichert …"
          : isPublic
            ? "Die veröffentlichten Versionen sind ohne Anmeldung unter /ergebnisse lesbar. Der Entwurf bleibt intern."
            : "Nur angemeldete Personen können die veröffentlichten Versionen lesen."}
      </p>
      {setPublic.error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {setPublic.error.message}
        </p>
      )}
      <Dialog title={isPublic ? "Ergebnisse nicht mehr öffentlich zeigen?" : "Ergebnisse öffentlich zeigen?"} open={confirming} onClose={() => setConfirming(false)}>
        <p>
          {isPublic
            ? "Besucherinnen und Besucher ohne Anmeldung können die veröffentlichten Versionen danach nicht mehr lesen."
            : "Alle veröffentlichten Versionen werden ohne Anmeldung lesbar, auch für Suchmaschinen. Der Entwurf und die Kommentare bleiben intern."}
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button aria-disabled={setPublic.isPending} onClick={() => !setPublic.isPending && setPublic.mutate({ isPublic: !isPublic })}>
            {setPublic.isPending ? "Wird gespeichert …" : isPublic ? "Nicht mehr öffentlich zeigen" : "Öffentlich zeigen"}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Abbrechen
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

/** Moderation's tools for the whole draft: add a section, publish a version, make the versions public. */
export function DraftModeration({
  viewer,
  groups,
  isPublic,
  hasUnpublishedChanges,
  unpublishedSections,
  onSections,
  onPublished,
  onPublicChanged,
  announce,
}: {
  viewer: DraftViewer;
  groups: GroupOption[];
  isPublic: boolean;
  hasUnpublishedChanges: boolean;
  unpublishedSections: string[];
  onSections: (sections: ResultSectionDto[]) => void;
  onPublished: (version: ResultVersionSummaryDto) => void;
  onPublicChanged: (isPublic: boolean) => void;
  announce: (message: string) => void;
}) {
  return (
    <section aria-labelledby="moderation-entwurf" className="mt-6 rounded-lg border border-slate-300 bg-white p-4 sm:p-6" data-testid="draft-moderation">
      <h2 id="moderation-entwurf" className="text-xl font-bold">
        Moderation
      </h2>
      <div className="mt-4 grid gap-6 lg:grid-cols-3">
        {viewer.canEdit && <AddSectionForm groups={groups} onSections={onSections} announce={announce} />}
        {viewer.canPublish && <PublishForm hasUnpublishedChanges={hasUnpublishedChanges} unpublishedSections={unpublishedSections} onPublished={onPublished} />}
        {viewer.canPublish && <PublicSwitch isPublic={isPublic} onChanged={onPublicChanged} />}
      </div>
    </section>
  );
}
