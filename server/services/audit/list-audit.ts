import { assertCan, type Actor } from "../../auth/policy";
import { db, type Prisma } from "../../db";
import { AUDIT_PER_PAGE, listAuditSchema } from "../../schemas/audit";
import { spotlightReference } from "../../schemas/spotlight-lifecycle";
import { authorSelect, type AuthorDto } from "../users/dto";

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

export interface AuditPage {
  entries: AuditEntryDto[];
  page: number;
  pageCount: number;
  total: number;
}

const TIME_ZONE = "Europe/Berlin";

/** The instant a calendar day begins in the platform's time zone (the audit log shows Berlin time). */
export function startOfDay(day: string): Date {
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, timeZoneName: "longOffset" })
    .formatToParts(noonUtc)
    .find((part) => part.type === "timeZoneName")!.value; // "GMT+01:00"
  const match = /([+-])(\d{2}):(\d{2})/.exec(offset);
  const minutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(Date.parse(`${day}T00:00:00Z`) - minutes * 60_000);
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * One page of the audit log, newest first, filtered by kind, person and period (both days included;
 * a period given backwards is read forwards). Each entry names its subject (one query per type).
 */
export async function listAuditEntries(actor: Actor | null, rawInput: unknown = {}): Promise<AuditPage> {
  assertCan(actor, "audit.read");
  const input = listAuditSchema.parse(rawInput);
  const [from, to] = input.from && input.to && input.from > input.to ? [input.to, input.from] : [input.from, input.to];
  const where: Prisma.AuditEntryWhereInput = {
    action: input.action,
    actorId: input.actorId,
    createdAt: from || to ? { gte: from ? startOfDay(from) : undefined, lt: to ? startOfDay(nextDay(to)) : undefined } : undefined,
  };
  const total = await db().auditEntry.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PER_PAGE));
  const page = Math.min(input.page, pageCount);
  const rows = await db().auditEntry.findMany({
    where,
    select: auditSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * AUDIT_PER_PAGE,
    take: AUDIT_PER_PAGE,
  });
  const idsOf = (type: string) => [...new Set(rows.filter((row) => row.subjectType === type).map((row) => row.subjectId))];
  const [users, threads, invitations, posts, spotlights] = await Promise.all([
    db().user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, name: true, organisation: true } }),
    db().thread.findMany({ where: { id: { in: idsOf("thread") } }, select: { id: true, title: true } }),
    db().invitation.findMany({ where: { id: { in: idsOf("invitation") } }, select: { id: true, email: true } }),
    db().post.findMany({ where: { id: { in: idsOf("post") } }, select: { id: true, number: true, thread: { select: { title: true } } } }),
    db().spotlight.findMany({ where: { id: { in: idsOf("spotlight") } }, select: { id: true, number: true, title: true } }),
  ]);
  const labels = new Map<string, string>([
    ...users.map((user) => [user.id, `${user.name} (${user.organisation})`] as const),
    ...threads.map((thread) => [thread.id, `„${thread.title}“`] as const),
    ...invitations.map((invitation) => [invitation.id, invitation.email] as const),
    ...posts.map((post) => [post.id, `Beitrag #${post.number} in „${post.thread.title}“`] as const),
    ...spotlights.map((spotlight) => [spotlight.id, `${spotlightReference(spotlight.number)} „${spotlight.title}“`] as const),
  ]);
  const entries = rows.map((row) => ({
    ...row,
    details: (row.details as Record<string, unknown> | null) ?? null,
    subjectLabel: labels.get(row.subjectId) ?? null,
  }));
  return { entries, page, pageCount, total };
}

/** Everyone who appears in the audit log as the one who acted: the person filter's choices. */
export async function auditActors(actor: Actor | null): Promise<AuthorDto[]> {
  assertCan(actor, "audit.read");
  const ids = await db().auditEntry.findMany({ distinct: ["actorId"], select: { actorId: true } });
  return db().user.findMany({ where: { id: { in: ids.map((row) => row.actorId) } }, select: authorSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
