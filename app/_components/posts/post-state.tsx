import { permalinkOf } from "@/server/schemas/post";
import type { PostDto } from "@/server/services/posts/dto";

/** "Antwort auf Anna Schmidt (#12)", linking back to that post; stays when that post is deleted or hidden. */
export function ReplyReference({ post }: { post: PostDto }) {
  if (!post.replyTo) return null;
  return (
    <p className="mb-2 text-sm text-slate-700">
      Antwort auf{" "}
      <a href={permalinkOf(post.replyTo.id)} className="font-semibold text-brand-700 underline break-words">
        {post.replyTo.authorName} (#{post.replyTo.number})
      </a>
    </p>
  );
}

export const isWithdrawn = (post: PostDto) => post.deletedAt !== null || post.hiddenAt !== null;

/**
 * A deleted or hidden post. Participants got no text for it (the server left it out), so they see
 * only what happened; moderation sees the original greyed, with a label and the reason.
 */
export function WithdrawnPost({ post, isModeration }: { post: PostDto; isModeration: boolean }) {
  const what = post.hiddenAt ? "Von der Moderation ausgeblendet" : "Beitrag gelöscht";
  if (!isModeration || !post.html) {
    return <p className="text-slate-700 italic">{what}</p>;
  }
  return (
    <div>
      <p className="mb-2 flex flex-wrap gap-2 text-sm">
        <span className="rounded bg-slate-200 px-1.5 py-0.5 font-semibold text-slate-900">
          {post.hiddenAt ? "Ausgeblendet – für Teilnehmende nicht sichtbar" : "Gelöscht von der verfassenden Person"}
        </span>
        {post.deletedAt && post.hiddenAt && <span className="rounded bg-slate-200 px-1.5 py-0.5 font-semibold text-slate-900">Außerdem gelöscht</span>}
      </p>
      {post.hiddenReason && (
        <p className="mb-2 text-sm break-words text-slate-800">
          <span className="font-semibold">Grund:</span> {post.hiddenReason}
        </p>
      )}
      <div className="prose-post border-l-4 border-slate-300 pl-3 text-slate-600" dangerouslySetInnerHTML={{ __html: post.html }} />
    </div>
  );
}
