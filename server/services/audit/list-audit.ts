import { assertCan, type Actor } from "../../auth/policy";
import { db, type Prisma } from "../../db";
import { authorSelect } from "../users/dto";

const auditSelect = {
  id: true,
  action: true,
  subjectType: true,
  subjectId: true,
  details: true,
  createdAt: true,
  actor: { select: authorSelect },
} satisfies Prisma.AuditEntrySelect;

export type AuditEntryDto = Prisma.AuditEntryGetPayload<{ select: typeof auditSelect }>;

export async function listAuditEntries(actor: Actor | null, limit = 100): Promise<AuditEntryDto[]> {
  assertCan(actor, "audit.read");
  return db().auditEntry.findMany({ select: auditSelect, orderBy: { createdAt: "desc" }, take: limit });
}
