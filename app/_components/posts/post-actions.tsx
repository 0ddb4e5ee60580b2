"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { hideReasonSchema, HIDE_REASON_MAX, permalinkOf } from "@/server/schemas/post";
import type { PostDto } from "@/server/services/posts/dto";
import { Button } from "../ui/button";
import { TextArea } from "../ui/field";
import { Dialog } from "./dialog";

const actionClass = "text-sm font-semibold text-brand-700 underline hover:text-brand-800";

/** Copies the permalink; where the clipboard is not available, it is shown to copy by hand. */
export function PermalinkButton({ post }: { post: PostDto }) {
  const [state, setState] = useState<"idle" | "copied" | "shown">("idle");
  const url = () => `${window.location.origin}${permalinkOf(post.id)}`;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={actionClass}
        onClick={() =>
          navigator.clipboard?.writeText(url()).then(
            () => setState("copied"),
            () => setState("shown"),
          ) ?? setState("shown")
        }
      >
        Link<span className="sr-only"> zu Beitrag #{post.number} kopieren</span>
      </button>
      <span role="status" className="text-sm text-slate-700">
        {state === "copied" && "Link kopiert."}
      </span>
      {state === "shown" && (
        <input readOnly aria-label={`Link zu Beitrag #${post.number}`} value={url()} onFocus={(event) => event.target.select()} className="min-w-0 rounded border border-slate-300 px-2 py-1 text-sm" />
      )}
    </span>
  );
}

export function QuoteButton({ post, onQuote }: { post: PostDto; onQuote: (post: PostDto) => void }) {
  return (
    // mousedown would clear a selection inside the post before the click reads it
    <button type="button" className={actionClass} onMouseDown={(event) => event.preventDefault()} onClick={() => onQuote(post)}>
      Zitieren<span className="sr-only"> (Beitrag #{post.number})</span>
    </button>
  );
}

/** The author deletes their own post, after confirming. */
export function DeleteButton({ post, onChanged }: { post: PostDto; onChanged: (post: PostDto) => void }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const remove = useMutation(trpc.post.delete.mutationOptions({ onSuccess: (changed) => { setOpen(false); onChanged(changed); } }));
  return (
    <>
      <button type="button" className={`${actionClass} text-red-800`} onClick={() => setOpen(true)}>
        Löschen<span className="sr-only"> (Beitrag #{post.number})</span>
      </button>
      <Dialog title={`Beitrag #${post.number} löschen?`} open={open} onClose={() => setOpen(false)}>
        <p>Der Beitrag wird für alle als „Beitrag gelöscht“ angezeigt. Antworten und Zitate bleiben lesbar. Das lässt sich nicht rückgängig machen.</p>
        {remove.error && (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {remove.error.message}
          </p>
        )}
        <div className="mt-4 flex flex-wrap gap-2">
          <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ postId: post.id })}>
            Endgültig löschen
          </Button>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Abbrechen
          </Button>
        </div>
      </Dialog>
    </>
  );
}

/** Moderation hides a post with a reason, or shows it again. */
export function HideButton({ post, onChanged }: { post: PostDto; onChanged: (post: PostDto) => void }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [clientError, setClientError] = useState<string | null>(null);
  const done = (changed: PostDto) => {
    setOpen(false);
    setReason("");
    onChanged(changed);
  };
  const hide = useMutation(trpc.post.hide.mutationOptions({ onSuccess: done }));
  const unhide = useMutation(trpc.post.unhide.mutationOptions({ onSuccess: onChanged }));

  if (post.hiddenAt) {
    return (
      <>
        <button type="button" className={actionClass} disabled={unhide.isPending} onClick={() => unhide.mutate({ postId: post.id })}>
          Wieder einblenden<span className="sr-only"> (Beitrag #{post.number})</span>
        </button>
        {unhide.error && (
          <span role="alert" className="text-sm text-red-700">
            {unhide.error.message}
          </span>
        )}
      </>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = hideReasonSchema.safeParse(reason);
    setClientError(parsed.success ? null : parsed.error.issues[0].message);
    if (parsed.success) hide.mutate({ postId: post.id, reason: parsed.data });
  }

  return (
    <>
      <button type="button" className={actionClass} onClick={() => setOpen(true)}>
        Ausblenden<span className="sr-only"> (Beitrag #{post.number})</span>
      </button>
      <Dialog title={`Beitrag #${post.number} ausblenden`} open={open} onClose={() => setOpen(false)}>
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          <p>Teilnehmende sehen dann nur „Von der Moderation ausgeblendet“. Die Moderation sieht den Beitrag weiter, mit Ihrem Grund. Das Ausblenden wird protokolliert.</p>
          <TextArea
            label="Grund (für Moderation und Protokoll)"
            rows={3}
            value={reason}
            maxLength={HIDE_REASON_MAX + 100}
            onChange={(event) => setReason(event.target.value)}
            error={clientError ?? hide.error?.message}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={hide.isPending}>
              Beitrag ausblenden
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Abbrechen
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
