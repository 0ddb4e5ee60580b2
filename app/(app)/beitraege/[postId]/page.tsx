import { notFound, redirect } from "next/navigation";
import { NoAccess } from "@/app/_lib/no-access";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { idSchema } from "@/server/schemas/common";
import { db } from "@/server/db";

// Stand-in for the `posts` branch's permalink route (same path): on merging, take theirs.
export default async function PostPermalinkPage({ params }: { params: Promise<{ postId: string }> }) {
  const { postId } = await params;
  const actor = await getActor();
  if (!can(actor, "internal.read")) return <NoAccess />;
  if (!idSchema.safeParse(postId).success) notFound();
  const post = await db().post.findUnique({ where: { id: postId }, select: { number: true, thread: { select: { id: true, group: { select: { slug: true } } } } } });
  if (!post) notFound();
  redirect(`/arbeitsgruppen/${post.thread.group.slug}/themen/${post.thread.id}?beitrag=${post.number}#beitrag-${post.number}`);
}
