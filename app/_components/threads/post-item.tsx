"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { roleLabels } from "@/server/auth/roles";
import { postBodySchema } from "@/server/schemas/post";
import type { PostDto } from "@/server/services/posts/dto";
import { PostAttachments } from "../attachments/post-attachments";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextArea } from "../ui/field";
import { RelativeTime } from "../ui/relative-time";
import { DeleteButton, HideButton, PermalinkButton, QuoteButton } from "../posts/post-actions";
import { isWithdrawn, ReplyReference, WithdrawnPost } from "../posts/post-state";
import { ReactionBar } from "../posts/reaction-bar";
import { ReportForm } from "./report-form";
import type { Viewer } from "./thread-view";

export function PostItem({
  post,
  viewer,
  isThreadLocked,
  onEdited,
  onQuote,
}: {
  post: PostDto;
  viewer: Viewer;
  isThreadLocked: boolean;
  /** any change the viewer made: edited, reacted, deleted, hidden */
  onEdited: (post: PostDto) => void;
  onQuote: (post: PostDto) => void;
}) {
  const [isEditing, setIsEditing] = useState(false);
  const isOwn = post.author.id === viewer.id;
  const withdrawn = isWithdrawn(post);
  const mayEdit = !post.deletedAt && (viewer.canModerate || (viewer.canPost && isOwn && !isThreadLocked && !post.hiddenAt));
  const mayQuote = viewer.canPost && !withdrawn && (!isThreadLocked || viewer.canModerate);
  const [report, setReport] = useState<"closed" | "open" | "sent">("closed");
  const mayReport = viewer.canReport && !isOwn && !withdrawn;
  const isStaff = post.author.role === "MODERATOR" || post.author.role === "ADMIN";
  return (
    <article id={`beitrag-${post.number}`} tabIndex={-1} aria-labelledby={`beitrag-${post.number}-autor`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p id={`beitrag-${post.number}-autor`}>
          <span className="font-semibold">{post.author.name}</span>
          <span className="text-slate-600"> · {post.author.organisation}</span>
          {isStaff && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">{roleLabels[post.author.role]}</span>}
        </p>
        <p className="text-sm text-slate-600">
          <a href={`#beitrag-${post.number}`} className="hover:underline">
            #{post.number}
          </a>{" "}
          · <RelativeTime iso={post.createdAt} />
          {post.editedAt && (
            <>
              {" "}
              · bearbeitet <RelativeTime iso={post.editedAt} />
            </>
          )}
        </p>
      </header>
      {isEditing ? (
        <EditForm post={post} onDone={(edited) => { setIsEditing(false); if (edited) onEdited(edited); }} />
      ) : (
        <>
          <ReplyReference post={post} />
          {withdrawn ? <WithdrawnPost post={post} isModeration={viewer.canModerate} /> : <div className="prose-post" dangerouslySetInnerHTML={{ __html: post.html }} />}
          <PostAttachments attachments={post.attachments} />
          <ReactionBar post={post} viewerId={viewer.id} canReact={viewer.canPost && !withdrawn} onChanged={onEdited} />
          <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
            {mayEdit && (
              <button type="button" className="text-sm font-semibold text-brand-700 underline" onClick={() => setIsEditing(true)}>
                Bearbeiten<span className="sr-only"> (Beitrag #{post.number})</span>
              </button>
            )}
            {mayQuote && <QuoteButton post={post} onQuote={onQuote} />}
            <PermalinkButton post={post} />
            {isOwn && viewer.canPost && !post.deletedAt && <DeleteButton post={post} onChanged={onEdited} />}
            {viewer.canModerate && <HideButton post={post} onChanged={onEdited} />}
            {mayReport && report === "closed" && (
              <button type="button" className="text-sm font-semibold text-slate-700 underline" onClick={() => setReport("open")}>
                Melden<span className="sr-only"> (Beitrag #{post.number})</span>
              </button>
            )}
          </div>
          {report === "open" && <ReportForm postId={post.id} postNumber={post.number} onDone={() => setReport("sent")} onCancel={() => setReport("closed")} />}
          {report === "sent" && (
            <div className="mt-3">
              <Alert tone="success">Danke! Die Moderation prüft Ihre Meldung zu Beitrag #{post.number}. Sie erfahren, wie sie entschieden hat.</Alert>
            </div>
          )}
        </>
      )}
    </article>
  );
}

/** Readers get HTML only; the Markdown source is fetched when its author or moderation edits it. */
function EditForm({ post, onDone }: { post: PostDto; onDone: (edited: PostDto | null) => void }) {
  const trpc = useTRPC();
  const source = useQuery(trpc.post.source.queryOptions({ postId: post.id }, { staleTime: 0, gcTime: 0 }));
  if (source.error) {
    return (
      <div className="space-y-3">
        <Alert tone="error">{source.error.message}</Alert>
        <Button variant="secondary" onClick={() => onDone(null)}>
          Schließen
        </Button>
      </div>
    );
  }
  if (!source.data) return <p className="text-slate-700">Beitrag wird zum Bearbeiten geladen …</p>;
  return <EditFormFields post={post} initialBody={source.data.body} onDone={onDone} />;
}

function EditFormFields({ post, initialBody, onDone }: { post: PostDto; initialBody: string; onDone: (edited: PostDto | null) => void }) {
  const trpc = useTRPC();
  const [body, setBody] = useState(initialBody);
  const [clientError, setClientError] = useState<string | null>(null);
  const edit = useMutation(trpc.post.edit.mutationOptions({ onSuccess: (edited) => onDone(edited) }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = postBodySchema.safeParse(body);
    setClientError(parsed.success ? null : parsed.error.issues[0].message);
    if (parsed.success) edit.mutate({ postId: post.id, body: parsed.data });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <TextArea label="Beitrag bearbeiten" value={body} onChange={(event) => setBody(event.target.value)} error={clientError ?? edit.error?.message} />
      <div className="flex gap-2">
        <Button type="submit" disabled={edit.isPending}>
          Änderung speichern
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          Abbrechen
        </Button>
      </div>
    </form>
  );
}
