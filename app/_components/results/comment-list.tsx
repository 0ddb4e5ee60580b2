"use client";
import { useMutation } from "@tanstack/react-query";
import { formatShortDate } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import type { ResultCommentDto, ResultSectionDto } from "@/server/services/results/dto";
import { Button } from "../ui/button";
import { anchorStillMatches, blockLabel } from "./draft-section-body";

function CommentItem({
  section,
  comment,
  canResolve,
  onComment,
}: {
  section: ResultSectionDto;
  comment: ResultCommentDto;
  canResolve: boolean;
  onComment: (comment: ResultCommentDto) => void;
}) {
  const trpc = useTRPC();
  const anchored = anchorStillMatches(section, comment);
  const resolve = useMutation(trpc.results.resolveComment.mutationOptions({ onSuccess: onComment }));
  return (
    <li>
      <article id={`kommentar-${comment.id}`} className="min-w-0 scroll-mt-4 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="result-comment">
        <p className="text-sm text-slate-700">
          <span className="font-semibold text-slate-900">{comment.author.name}</span> ({comment.author.organisation}),{" "}
          <time dateTime={comment.createdAt}>{formatShortDate(comment.createdAt)}</time>
        </p>
        {comment.anchorBlock !== null && (
          <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 text-sm break-words text-slate-600">
            {anchored ? (
              <>
                <span className="font-medium">Zu {blockLabel(comment.anchorBlock)}:</span> {comment.anchorText ? `„${comment.anchorText}“` : null}
              </>
            ) : (
              <>
                {comment.anchorText ? `„${comment.anchorText}“ ` : null}
                <span className="font-medium">(Absatz inzwischen geändert)</span>
              </>
            )}
          </blockquote>
        )}
        <div className="prose-post mt-2 break-words" dangerouslySetInnerHTML={{ __html: comment.html }} />
        {comment.resolvedAt ? (
          <p className="mt-2 text-sm font-medium text-green-800">
            Erledigt{comment.resolvedBy ? ` von ${comment.resolvedBy.name}` : ""} am {formatShortDate(comment.resolvedAt)}
          </p>
        ) : (
          canResolve && (
            <div className="mt-2">
              <Button
                variant="secondary"
                aria-disabled={resolve.isPending}
                onClick={() => {
                  if (!resolve.isPending) resolve.mutate({ commentId: comment.id });
                }}
              >
                {resolve.isPending ? "Wird gespeichert …" : "Als erledigt markieren"}
              </Button>
              {resolve.error && (
                <p role="alert" className="mt-1 text-sm font-medium text-red-700">
                  {resolve.error.message}
                </p>
              )}
            </div>
          )
        )}
      </article>
    </li>
  );
}

/** A section's comments: the open ones first, the resolved ones folded away. */
export function CommentList({
  section,
  comments,
  canResolve,
  onComment,
}: {
  section: ResultSectionDto;
  comments: ResultCommentDto[];
  canResolve: boolean;
  onComment: (comment: ResultCommentDto) => void;
}) {
  const open = comments.filter((comment) => !comment.resolvedAt);
  const resolved = comments.filter((comment) => comment.resolvedAt);
  return (
    <div aria-label={`Kommentare zu „${section.title}“`} role="region" data-testid="comment-list">
      <h3 className="text-base font-semibold">Kommentare ({open.length} offen)</h3>
      {open.length === 0 && <p className="mt-1 text-sm text-slate-600">Keine offenen Kommentare.</p>}
      {open.length > 0 && (
        <ul className="mt-2 space-y-3">
          {open.map((comment) => (
            <CommentItem key={comment.id} section={section} comment={comment} canResolve={canResolve} onComment={onComment} />
          ))}
        </ul>
      )}
      {resolved.length > 0 && (
        <details className="mt-3" data-testid="resolved-comments">
          <summary className="cursor-pointer text-sm font-semibold text-slate-800">Erledigte Kommentare ({resolved.length})</summary>
          <ul className="mt-2 space-y-3">
            {resolved.map((comment) => (
              <CommentItem key={comment.id} section={section} comment={comment} canResolve={false} onComment={onComment} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
