import { assertCan, type Actor } from "../../auth/policy";
import { threadTypingSchema } from "../../schemas/presence";
import { getThread } from "./get-thread";

export interface TypingNotice {
  threadId: string;
  user: { id: string; name: string };
  stopped: boolean;
}

/** "Anna Schmidt schreibt …": only someone who could post in the thread may say so. */
export async function typingNotice(actor: Actor | null, rawInput: unknown): Promise<TypingNotice> {
  assertCan(actor, "thread.typing");
  const { threadId, stopped = false } = threadTypingSchema.parse(rawInput);
  const thread = await getThread(actor, threadId);
  assertCan(actor, "thread.typing", thread);
  return { threadId: thread.id, user: { id: actor.id, name: actor.name }, stopped };
}
