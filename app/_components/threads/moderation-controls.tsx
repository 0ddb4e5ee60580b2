"use client";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { threadTitleSchema } from "@/server/schemas/thread";
import type { ThreadDetail } from "@/server/services/threads/dto";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";

export interface GroupChoice {
  id: string;
  name: string;
}

type Panel = "none" | "rename" | "move";

export function ModerationControls({
  thread,
  groups,
  onChange,
}: {
  thread: ThreadDetail;
  groups: GroupChoice[];
  onChange: (thread: ThreadDetail) => void;
}) {
  const trpc = useTRPC();
  const [panel, setPanel] = useState<Panel>("none");
  const moderate = useMutation(trpc.thread.moderate.mutationOptions({ onSuccess: onChange }));
  const done = (changed: ThreadDetail) => {
    setPanel("none");
    onChange(changed);
  };
  return (
    <div className="mt-3 space-y-3">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Moderation">
        <Button variant="secondary" disabled={moderate.isPending} onClick={() => moderate.mutate({ threadId: thread.id, isPinned: !thread.isPinned })}>
          {thread.isPinned ? "Nicht mehr anheften" : "Anheften"}
        </Button>
        <Button variant="secondary" disabled={moderate.isPending} onClick={() => moderate.mutate({ threadId: thread.id, isLocked: !thread.isLocked })}>
          {thread.isLocked ? "Entsperren" : "Sperren"}
        </Button>
        <Button variant="secondary" aria-expanded={panel === "rename"} onClick={() => setPanel(panel === "rename" ? "none" : "rename")}>
          Umbenennen
        </Button>
        <Button variant="secondary" aria-expanded={panel === "move"} onClick={() => setPanel(panel === "move" ? "none" : "move")}>
          Verschieben
        </Button>
        {moderate.error && (
          <p role="alert" className="text-sm text-red-700">
            {moderate.error.message}
          </p>
        )}
      </div>
      {panel === "rename" && <RenameForm thread={thread} onDone={done} onCancel={() => setPanel("none")} />}
      {panel === "move" && <MoveForm thread={thread} groups={groups} onDone={done} onCancel={() => setPanel("none")} />}
    </div>
  );
}

const panelClass = "max-w-xl space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4";

function RenameForm({ thread, onDone, onCancel }: { thread: ThreadDetail; onDone: (thread: ThreadDetail) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const [title, setTitle] = useState(thread.title);
  const [clientError, setClientError] = useState<string | null>(null);
  const rename = useMutation(trpc.thread.rename.mutationOptions({ onSuccess: onDone }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = threadTitleSchema.safeParse(title);
    setClientError(parsed.success ? null : parsed.error.issues[0].message);
    if (parsed.success) rename.mutate({ threadId: thread.id, title: parsed.data });
  }

  return (
    <form onSubmit={onSubmit} className={panelClass} noValidate aria-label="Thema umbenennen">
      <TextField label="Neuer Titel" value={title} onChange={(event) => setTitle(event.target.value)} error={clientError ?? rename.error?.message} autoFocus />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={rename.isPending}>
          Titel speichern
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Abbrechen
        </Button>
      </div>
    </form>
  );
}

function MoveForm({
  thread,
  groups,
  onDone,
  onCancel,
}: {
  thread: ThreadDetail;
  groups: GroupChoice[];
  onDone: (thread: ThreadDetail) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const others = groups.filter((group) => group.id !== thread.group.id);
  const [groupId, setGroupId] = useState(others[0]?.id ?? "");
  const move = useMutation(trpc.thread.move.mutationOptions({ onSuccess: onDone }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    move.mutate({ threadId: thread.id, groupId });
  }

  return (
    <form onSubmit={onSubmit} className={panelClass} noValidate aria-label="Thema verschieben">
      <div>
        <label htmlFor={id} className="mb-1 block font-medium">
          Neue Arbeitsgruppe
        </label>
        <select
          id={id}
          value={groupId}
          onChange={(event) => setGroupId(event.target.value)}
          aria-describedby={move.error ? `${id}-error` : `${id}-hint`}
          aria-invalid={move.error ? true : undefined}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm"
        >
          {others.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          Derzeit in: {thread.group.name}. Alle Beiträge ziehen mit um; die bisherige Adresse leitet weiter.
        </p>
        {move.error && (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-700">
            {move.error.message}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={move.isPending || !groupId}>
          Thema verschieben
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Abbrechen
        </Button>
      </div>
    </form>
  );
}
