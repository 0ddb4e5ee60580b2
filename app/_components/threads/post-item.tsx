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
import type { Viewer } from "./thread-view";

export function PostItem({
  post,
  viewer,
  isThreadLocked,
  onEdited,
}: {
  post: PostDto;
  viewer: Viewer;
  isThreadLocked: boolean;
  onEdited: (post: PostDto) => void;
}) {
  const [isEditing, setIsEditing] = useState(false);
  const mayEdit = viewer.canModerate || (viewer.canPost && post.author.id === viewer.id && !isThreadLocked);
  const isStaff = post.author.role === "MODERATOR" || post.author.role === "ADMIN";
  return (
    <article id={`beitrag-${post.number}`} aria-labelledby={`beitrag-${post.number}-autor`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
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
          <div className="prose-post" dangerouslySetInnerHTML={{ __html: post.html }} />
          <PostAttachments attachments={post.attachments} />
          {mayEdit && (
            <div className="mt-3">
              <button type="button" className="text-sm font-semibold text-brand-700 underline" onClick={() => setIsEditing(true)}>
                Bearbeiten<span className="sr-only"> (Beitrag #{post.number})</span>
              </button>
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
