"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { REACTION_KINDS, reactionKindLabels, type ReactionKind } from "@/server/schemas/post";
import type { PostDto } from "@/server/services/posts/dto";

/** "Anna Schmidt, Ben Krüger, Sie": the viewer last, as "Sie". */
function namesOf(users: { id: string; name: string }[], viewerId: string): string {
  const others = users.filter((user) => user.id !== viewerId).map((user) => user.name);
  return [...others, ...(users.some((user) => user.id === viewerId) ? ["Sie"] : [])].join(", ");
}

/**
 * The five reactions of a post: toggle buttons (aria-pressed) with counts, who reacted in a tooltip
 * on hover and focus and in the accessible name. Kinds somebody chose always show; of the others, those
 * who may react see 👍 and open the rest with "+", so a page of fifty posts is not a wall of buttons.
 */
export function ReactionBar({ post, viewerId, canReact, onChanged }: { post: PostDto; viewerId: string; canReact: boolean; onChanged: (post: PostDto) => void }) {
  const trpc = useTRPC();
  const react = useMutation(trpc.post.react.mutationOptions({ onSuccess: onChanged }));
  const byKind = new Map(post.reactions.map((reaction) => [reaction.kind, reaction.users]));
  const [showsAll, setShowsAll] = useState(false);
  const kinds = REACTION_KINDS.filter((kind) => byKind.has(kind) || (canReact && (showsAll || kind === REACTION_KINDS[0])));
  const hasMore = canReact && kinds.length < REACTION_KINDS.length;
  if (kinds.length === 0) return null;

  return (
    <div className="mt-3">
      <ul className="flex flex-wrap gap-1.5" aria-label={`Reaktionen auf Beitrag #${post.number}`}>
        {kinds.map((kind: ReactionKind) => {
          const users = byKind.get(kind) ?? [];
          const isMine = users.some((user) => user.id === viewerId);
          const names = namesOf(users, viewerId);
          const label = `${kind} ${reactionKindLabels[kind]}: ${users.length}${names ? ` – ${names}` : ""}${canReact ? (isMine ? ". Zurücknehmen" : ". Reagieren") : ""}`;
          const tooltipId = `reaktion-${post.id}-${REACTION_KINDS.indexOf(kind)}`;
          const chip = `group relative inline-flex min-h-9 items-center gap-1 rounded-full border px-2.5 text-sm ${
            isMine ? "border-brand-600 bg-brand-50 font-semibold text-brand-800" : "border-slate-300 bg-white text-slate-800"
          }`;
          const content = (
            <>
              <span aria-hidden="true">{kind}</span>
              {users.length > 0 && <span aria-hidden="true">{users.length}</span>}
              {names && (
                <span
                  id={tooltipId}
                  role="tooltip"
                  className="pointer-events-none absolute bottom-full left-0 z-10 mb-1 hidden w-max max-w-[16rem] rounded bg-slate-900 px-2 py-1 text-xs font-normal break-words whitespace-normal text-white group-hover:block group-focus-visible:block"
                >
                  {names}
                </span>
              )}
            </>
          );
          return (
            <li key={kind}>
              {canReact ? (
                <button
                  type="button"
                  aria-pressed={isMine}
                  aria-label={label}
                  disabled={react.isPending}
                  className={`${chip} hover:border-brand-600 disabled:cursor-wait`}
                  onClick={() => react.mutate({ postId: post.id, kind, active: !isMine })}
                >
                  {content}
                </button>
              ) : (
                <span role="img" tabIndex={0} aria-label={label} className={chip}>
                  {content}
                </span>
              )}
            </li>
          );
        })}
        {(hasMore || showsAll) && (
          <li>
            <button
              type="button"
              aria-expanded={showsAll}
              aria-label={showsAll ? "Weitere Reaktionen ausblenden" : "Weitere Reaktionen"}
              className="inline-flex min-h-9 min-w-9 items-center justify-center rounded-full border border-dashed border-slate-300 px-2.5 text-sm text-slate-700 hover:border-brand-600"
              onClick={() => setShowsAll((current) => !current)}
            >
              <span aria-hidden="true">{showsAll ? "−" : "+"}</span>
            </button>
          </li>
        )}
      </ul>
      {react.error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {react.error.message}
        </p>
      )}
    </div>
  );
}
