import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/policy";
import { db } from "../db";
import { createPost } from "../services/posts/create-post";
import { createThread } from "../services/threads/create-thread";
import type { ThreadDetail } from "../services/threads/dto";

export async function groupIdBySlug(slug: string): Promise<string> {
  return (await db().workingGroup.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** A new thread with one post, opened through the service. */
export async function makeThread(actor: Actor, options: { group?: string; title?: string; body?: string } = {}): Promise<ThreadDetail> {
  const { result } = await createThread(actor, {
    groupId: await groupIdBySlug(options.group ?? "technik"),
    firstPostId: randomUUID(),
    title: options.title ?? `Testthema ${randomUUID().slice(0, 8)}`,
    body: options.body ?? "Erster Beitrag",
  });
  return result;
}

export async function makePost(actor: Actor, threadId: string, body = "Ein Beitrag") {
  return (await createPost(actor, { id: randomUUID(), threadId, body })).result;
}

export async function setThreadLocked(threadId: string, isLocked: boolean): Promise<void> {
  await db().thread.update({ where: { id: threadId }, data: { isLocked } });
}
