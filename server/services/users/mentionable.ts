import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { mentionableSchema } from "../../schemas/post";
import { getThread } from "../threads/get-thread";

export const MENTIONABLE_LIMIT = 8;

export interface MentionableUser {
  id: string;
  name: string;
  organisation: string;
}

/**
 * People who may read the thread (participants and up, active), by name or organisation: the `@`
 * autocomplete of the composer. Readers and deactivated users are never offered.
 */
export async function listMentionable(actor: Actor | null, rawInput: unknown): Promise<MentionableUser[]> {
  assertCan(actor, "post.create");
  const { threadId, query } = mentionableSchema.parse(rawInput);
  await getThread(actor, threadId);
  // Prisma hands `contains` to LIKE as it is: % and _ typed by someone are searched for as text
  const contains = query ? { contains: query.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const } : undefined;
  return db().user.findMany({
    where: {
      deactivatedAt: null,
      role: { in: ["PARTICIPANT", "MODERATOR", "ADMIN"] },
      id: { not: actor.id },
      ...(contains ? { OR: [{ name: contains }, { organisation: contains }] } : {}),
    },
    select: { id: true, name: true, organisation: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MENTIONABLE_LIMIT,
  });
}
