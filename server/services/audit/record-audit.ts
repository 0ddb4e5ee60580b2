import type { Prisma, Tx } from "../../db";
import type { Actor } from "../../auth/policy";

/** Written inside the use case's transaction: the audit row exists exactly when the change does. */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  action: string,
  subject: { type: string; id: string },
  details?: Prisma.InputJsonValue,
): Promise<void> {
  await tx.auditEntry.create({
    data: { actorId: actor.id, action, subjectType: subject.type, subjectId: subject.id, details },
  });
}
