import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { idSchema } from "@/server/schemas/common";
import { locatePost } from "@/server/services/posts/locate-post";

export const metadata: Metadata = { title: "Beitrag" };

/** The permalink of a post: leads to the page of its thread that holds it, scrolled to it. */
export default async function PostPermalinkPage({ params }: { params: Promise<{ postId: string }> }) {
  const { postId } = await params;
  const actor = await getActor();
  if (!can(actor, "internal.read")) forbidden();
  if (!idSchema.safeParse(postId).success) notFound();
  const location = await locatePost(actor, { postId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  redirect(location.url);
}
