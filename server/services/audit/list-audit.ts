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

type AuditRow = Prisma.AuditEntryGetPayload<{ select: typeof auditSelect }>;

export interface AuditEntryDto extends Omit<AuditRow, "details"> {
  details: Record<string, unknown> | null;
  /** what the entry is about, as a person would name it (user name, thread title, invited email) */
  subjectLabel: string | null;
}

/** The newest entries, each with a readable name for its subject (one query per subject type). */
export async function listAuditEntries(actor: Actor | null, limit = 100): Promise<AuditEntryDto[]> {
  assertCan(actor, "audit.read");
  const rows = await db().auditEntry.findMany({ select: auditSelect, orderBy: { createdAt: "desc" }, take: limit });
  const idsOf = (type: string) => [...new Set(rows.filter((row) => row.subjectType === type).map((row) => row.subjectId))];
  const [users, threads, invitations, posts] = await Promise.all([
    db().user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, name: true, organisation: true } }),
    db().thread.findMany({ where: { id: { in: idsOf("thread") } }, select: { id: true, title: true } }),
    db().invitation.findMany({ where: { id: { in: idsOf("invitation") } }, select: { id: true, email: true } }),
    db().post.findMany({ where: { id: { in: idsOf("post") } }, select: { id: true, number: true, thread: { select: { title: true } } } }),
  ]);
  const labels = new Map<string, string>([
    ...users.map((user) => [user.id, `${user.name} (${user.organisation})`] as const),
    ...threads.map((thread) => [thread.id, `„${thread.title}“`] as const),
    ...invitations.map((invitation) => [invitation.id, invitation.email] as const),
    ...posts.map((post) => [post.id, `Beitrag #${post.number} in „${post.thread.title}“`] as const),
  ]);
  return rows.map((row) => ({
    ...row,
    details: (row.details as Record<string, unknown> | null) ?? null,
    subjectLabel: labels.get(row.subjectId) ?? null,
  }));
}

