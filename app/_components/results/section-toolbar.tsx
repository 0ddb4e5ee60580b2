"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import type { ResultSectionDto } from "@/server/services/results/dto";
import { Dialog } from "../posts/dialog";
import { Button, buttonClass } from "../ui/button";
import { TextField } from "../ui/field";

type Direction = "up" | "down";
const moveButtonId = (sectionId: string, direction: Direction) => `verschieben-${direction}-${sectionId}`;
const renameButtonId = (sectionId: string) => `umbenennen-${sectionId}`;

/** Moderation's tools for one section: rename inline, move up or down, open the editor, delete after confirming. */
export function SectionToolbar({
  section,
  index,
  count,
  commentCount,
  onSections,
  announce,
}: {
  section: ResultSectionDto;
  index: number;
  count: number;
  /** the section's comments, open and resolved: deleted with it */
  commentCount: number;
  onSections: (sections: ResultSectionDto[]) => void;
  announce: (message: string) => void;
}) {
  const trpc = useTRPC();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(section.title);
  /** closes the rename form; the keyboard goes back to "Umbenennen" once the form is gone */
  const closeRename = () => {
    setRenaming(false);
    requestAnimationFrame(() => document.getElementById(renameButtonId(section.id))?.focus());
  };
  const rename = useMutation(
    trpc.results.renameSection.mutationOptions({
      onSuccess: (sections) => {
        onSections(sections);
        closeRename();
        announce(`Der Abschnitt heißt jetzt „${sections.find((s) => s.id === section.id)?.title ?? title}“.`);
      },
    }),
  );
  const move = useMutation(
    trpc.results.moveSection.mutationOptions({
      onSuccess: (sections, { direction }) => {
        onSections(sections);
        const position = sections.findIndex((s) => s.id === section.id);
        announce(`„${section.title}“ steht jetzt an Position ${position + 1} von ${sections.length}.`);
        // the section's buttons moved with it: keep the keyboard where it was
        requestAnimationFrame(() => document.getElementById(moveButtonId(section.id, direction))?.focus());
      },
    }),
  );
  const [deleting, setDeleting] = useState(false);
  const remove = useMutation(
    trpc.results.deleteSection.mutationOptions({
      onSuccess: (sections) => {
        setDeleting(false);
        onSections(sections);
        announce(`Der Abschnitt „${section.title}“ wurde gelöscht.`);
        // its buttons are gone: the keyboard goes on at the page's heading
        requestAnimationFrame(() => document.querySelector<HTMLElement>("#inhalt h1")?.focus());
      },
    }),
  );
  const moveTo = (direction: Direction) => {
    if (move.isPending) return;
    if ((direction === "up" && index === 0) || (direction === "down" && index === count - 1)) return;
    rename.reset();
    move.mutate({ sectionId: section.id, direction });
  };
  const error = move.error ?? null;

  return (
    <div className="mt-3" data-testid="section-toolbar">
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Abschnitt „${section.title}“ bearbeiten`}>
        <Link href={`/ergebnisse/entwurf/${section.id}`} className={buttonClass("primary")}>
          Bearbeiten<span className="sr-only"> – {section.title}</span>
        </Link>
        <Button
          id={renameButtonId(section.id)}
          variant="secondary"
          aria-expanded={renaming}
          onClick={() => {
            setTitle(section.title);
            rename.reset();
            setRenaming(!renaming);
          }}
        >
          Umbenennen
        </Button>
        <Button id={moveButtonId(section.id, "up")} variant="secondary" aria-disabled={index === 0 || move.isPending} onClick={() => moveTo("up")}>
          Nach oben
        </Button>
        <Button id={moveButtonId(section.id, "down")} variant="secondary" aria-disabled={index === count - 1 || move.isPending} onClick={() => moveTo("down")}>
          Nach unten
        </Button>
        <Button
          variant="danger"
          onClick={() => {
            remove.reset();
            setDeleting(true);
          }}
        >
          Löschen<span className="sr-only"> – {section.title}</span>
        </Button>
      </div>
      <Dialog title={`Abschnitt „${section.title}“ löschen?`} open={deleting} onClose={() => setDeleting(false)}>
        <p>
          Der Abschnitt verschwindet aus dem Entwurf, für alle, die ihn geöffnet haben.{" "}
          {commentCount === 0 ? "Er hat keine Kommentare." : commentCount === 1 ? "Sein Kommentar wird mit gelöscht." : `Seine ${commentCount} Kommentare werden mit gelöscht, auch offene.`}{" "}
          Nicht gespeicherter Text im Editor geht ebenfalls verloren. Bereits veröffentlichte Versionen behalten den Abschnitt unverändert.
        </p>
        <p className="mt-2">Das lässt sich nicht rückgängig machen.</p>
        {remove.error && (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {remove.error.message}
          </p>
        )}
        <div className="mt-4 flex flex-wrap gap-2">
          <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ sectionId: section.id })}>
            Abschnitt endgültig löschen
          </Button>
          <Button variant="secondary" onClick={() => setDeleting(false)}>
            Abbrechen
          </Button>
        </div>
      </Dialog>
      {renaming && (
        <form
          className="mt-3 flex flex-wrap items-end gap-2"
          aria-label={`Abschnitt „${section.title}“ umbenennen`}
          onSubmit={(event) => {
            event.preventDefault();
            if (!rename.isPending) rename.mutate({ sectionId: section.id, title });
          }}
        >
          <div className="min-w-0 flex-1 basis-64">
            <TextField label="Neuer Titel" value={title} onChange={(event) => setTitle(event.target.value)} error={rename.error?.message ?? null} autoFocus />
          </div>
          <Button type="submit" aria-disabled={rename.isPending}>
            {rename.isPending ? "Wird gespeichert …" : "Titel speichern"}
          </Button>
          <Button variant="secondary" onClick={closeRename}>
            Abbrechen
          </Button>
        </form>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error.message}
        </p>
      )}
    </div>
  );
}
