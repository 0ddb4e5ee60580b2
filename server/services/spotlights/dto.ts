import type { Prisma } from "../../db";
import { dateToDay } from "../../schemas/calendar-day";
import type { SpotlightStatus } from "../../schemas/spotlight-lifecycle";
import { attachmentSelect, toAttachmentDto, type AttachmentDto } from "../attachments/dto";
import { authorSelect, type AuthorDto } from "../users/dto";

export const spotlightSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  statusChangedAt: true,
  updatedAt: true,
  createdAt: true,
  problemHtml: true,
  requestedActionHtml: true,
  affectedMunicipalities: true,
  forwardedTo: true,
  forwardedContact: true,
  forwardedOn: true,
  dueOn: true,
  answerHtml: true,
  answeredOn: true,
  declineReason: true,
  proposer: { select: authorSelect },
  groups: { select: { group: { select: { id: true, slug: true, name: true, position: true } } } },
  cosignatures: { select: { organisation: true, createdAt: true, user: { select: authorSelect } }, orderBy: { createdAt: "asc" } },
  transitions: {
    select: { id: true, fromStatus: true, toStatus: true, comment: true, createdAt: true, actor: { select: authorSelect } },
    orderBy: { createdAt: "asc" },
  },
  thread: { select: { id: true, postCount: true, group: { select: { slug: true } } } },
  sourceThread: { select: { id: true, title: true, group: { select: { slug: true } } } },
  attachments: { select: attachmentSelect, where: { attachedAt: { not: null } }, orderBy: { position: "asc" } },
} satisfies Prisma.SpotlightSelect;

export type SpotlightRow = Prisma.SpotlightGetPayload<{ select: typeof spotlightSelect }>;

export interface SpotlightTimelineEntry {
  id: string;
  /** null for the proposal itself */
  from: SpotlightStatus | null;
  to: SpotlightStatus;
  comment: string;
  at: string;
  actor: AuthorDto;
}

/**
 * A spotlight as the board and the detail page show it; events carry the same. Two views:
 * "internal" for participants and moderation, "public" for readers, which leaves out what is
 * internal (who co-signed by name, the discussion and the source thread, comments from before the
 * promotion). Dates of the life cycle are Berlin calendar days, YYYY-MM-DD.
 */
export interface SpotlightDto {
  id: string;
  number: number;
  title: string;
  status: SpotlightStatus;
  statusChangedAt: string;
  /** bumped by every change (co-signatures too): a page keeps the newest state it has seen */
  updatedAt: string;
  createdAt: string;
  problemHtml: string;
  requestedActionHtml: string;
  affectedMunicipalities: string[];
  groups: { id: string; slug: string; name: string }[];
  /** who proposed it (internal view only: readers see the municipality, not the person) */
  proposer: AuthorDto | null;
  proposerOrganisation: string;
  /** distinct municipalities that co-signed, sorted: the figure shown is their number */
  cosigningMunicipalities: string[];
  /** who co-signed (internal view only; empty for readers) */
  cosigners: { user: AuthorDto; organisation: string; at: string }[];
  forwardedTo: string | null;
  forwardedContact: string | null;
  forwardedOn: string | null;
  dueOn: string | null;
  answerHtml: string | null;
  answeredOn: string | null;
  declineReason: string | null;
  answerAttachments: AttachmentDto[];
  timeline: SpotlightTimelineEntry[];
  /** its discussion thread (internal view only) */
  thread: { id: string; groupSlug: string; postCount: number } | null;
  /** the thread it was proposed from (internal view only) */
  sourceThread: { id: string; title: string; groupSlug: string } | null;
}

export type SpotlightView = "internal" | "public";

const day = (value: Date | null) => (value ? dateToDay(value) : null);

export function toSpotlightDto(row: SpotlightRow, view: SpotlightView): SpotlightDto {
  const internal = view === "internal";
  const municipalities = [...new Set(row.cosignatures.map((cosignature) => cosignature.organisation))].sort((a, b) => a.localeCompare(b, "de"));
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    status: row.status,
    statusChangedAt: row.statusChangedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    problemHtml: row.problemHtml,
    requestedActionHtml: row.requestedActionHtml,
    affectedMunicipalities: row.affectedMunicipalities,
    groups: [...row.groups].sort((a, b) => a.group.position - b.group.position).map(({ group }) => ({ id: group.id, slug: group.slug, name: group.name })),
    proposer: internal ? row.proposer : null,
    proposerOrganisation: row.proposer.organisation,
    cosigningMunicipalities: municipalities,
    cosigners: internal ? row.cosignatures.map((c) => ({ user: c.user, organisation: c.organisation, at: c.createdAt.toISOString() })) : [],
    forwardedTo: row.forwardedTo,
    forwardedContact: row.forwardedContact,
    forwardedOn: day(row.forwardedOn),
    dueOn: day(row.dueOn),
    answerHtml: row.answerHtml,
    answeredOn: day(row.answeredOn),
    declineReason: internal ? row.declineReason : null,
    answerAttachments: row.attachments.map(toAttachmentDto),
    timeline: row.transitions
      // readers see the way from the promotion on: review comments are internal
      .filter((entry) => internal || (entry.fromStatus !== null && entry.toStatus !== "IN_REVIEW" && entry.fromStatus !== "PROPOSED"))
      .map((entry) => ({ id: entry.id, from: entry.fromStatus, to: entry.toStatus, comment: entry.comment, at: entry.createdAt.toISOString(), actor: entry.actor })),
    thread: internal ? { id: row.thread.id, groupSlug: row.thread.group.slug, postCount: row.thread.postCount } : null,
    sourceThread: internal && row.sourceThread ? { id: row.sourceThread.id, title: row.sourceThread.title, groupSlug: row.sourceThread.group.slug } : null,
  };
}
