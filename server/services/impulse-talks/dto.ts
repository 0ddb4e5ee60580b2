import type { Prisma } from "../../db";
import type { ImpulseTalkCategory } from "../../schemas/impulse-talk";
import { attachmentSelect, toAttachmentDto, type AttachmentDto } from "../attachments/dto";
import { authorSelect, type AuthorDto } from "../users/dto";

/** What a talk's page and its edit form both show as it is stored. */
export const talkFieldsSelect = {
  id: true,
  title: true,
  speakers: true,
  organisation: true,
  federalState: true,
  category: true,
  startsAt: true,
  endsAt: true,
  onlineUrl: true,
  place: true,
  recordingUrl: true,
  cancelledAt: true,
  updatedAt: true,
} satisfies Prisma.ImpulseTalkSelect;

export const impulseTalkSelect = {
  ...talkFieldsSelect,
  abstractHtml: true,
  cancelReason: true,
  sequence: true,
  createdAt: true,
  groups: { select: { group: { select: { id: true, slug: true, name: true, position: true } } } },
  links: { select: { id: true, label: true, url: true }, orderBy: { position: "asc" } },
  attachments: { select: attachmentSelect, where: { attachedAt: { not: null } }, orderBy: { position: "asc" } },
} satisfies Prisma.ImpulseTalkSelect;

export type ImpulseTalkRow = Prisma.ImpulseTalkGetPayload<{ select: typeof impulseTalkSelect }>;

/**
 * A talk as lists, its page, events and the calendar show it: the same for every role (talks and their
 * materials are for readers too). Times are ISO instants in UTC; pages show them in Europe/Berlin.
 */
export interface ImpulseTalkDto {
  id: string;
  title: string;
  speakers: string[];
  organisation: string;
  federalState: string;
  category: ImpulseTalkCategory;
  startsAt: string;
  endsAt: string;
  onlineUrl: string | null;
  place: string | null;
  abstractHtml: string;
  recordingUrl: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** iCalendar SEQUENCE */
  sequence: number;
  createdAt: string;
  /** bumped by every change: a page keeps the newest state it has seen, an editor saves only over what it loaded */
  updatedAt: string;
  groups: { id: string; slug: string; name: string }[];
  links: { id: string; label: string; url: string }[];
  materials: AttachmentDto[];
}

export function toImpulseTalkDto(row: ImpulseTalkRow): ImpulseTalkDto {
  return {
    id: row.id,
    title: row.title,
    speakers: row.speakers,
    organisation: row.organisation,
    federalState: row.federalState,
    category: row.category,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    onlineUrl: row.onlineUrl,
    place: row.place,
    abstractHtml: row.abstractHtml,
    recordingUrl: row.recordingUrl,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelReason: row.cancelReason,
    sequence: row.sequence,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    groups: [...row.groups].sort((a, b) => a.group.position - b.group.position).map(({ group }) => ({ id: group.id, slug: group.slug, name: group.name })),
    links: row.links,
    materials: row.attachments.map(toAttachmentDto),
  };
}

export const impulseQuestionSelect = {
  id: true,
  talkId: true,
  body: true,
  status: true,
  voteCount: true,
  createdAt: true,
  updatedAt: true,
  answer: true,
  answeredAt: true,
  hiddenReason: true,
  hiddenAt: true,
  mergedIntoId: true,
  author: { select: authorSelect },
  answeredBy: { select: authorSelect },
  hiddenBy: { select: authorSelect },
  duplicates: { select: { id: true, body: true, createdAt: true, author: { select: authorSelect } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.ImpulseQuestionSelect;

export type ImpulseQuestionRow = Prisma.ImpulseQuestionGetPayload<{ select: typeof impulseQuestionSelect }>;
export type ImpulseQuestionStatus = ImpulseQuestionRow["status"];

/**
 * Who sees what of the Q&A: moderation everything (hidden questions with their reason, merged
 * duplicates); participants the open and answered questions; readers the answered ones.
 */
export type QuestionView = "moderation" | "participant" | "reader";

export interface ImpulseQuestionDto {
  id: string;
  talkId: string;
  body: string;
  author: AuthorDto;
  status: ImpulseQuestionStatus;
  voteCount: number;
  createdAt: string;
  /** bumped by every change (votes too): a page keeps the newest state it has seen */
  updatedAt: string;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: AuthorDto | null;
  /** moderation view only */
  hiddenReason: string | null;
  hiddenAt: string | null;
  hiddenBy: AuthorDto | null;
  /** the question this duplicate was folded into (moderation sees merged ones) */
  mergedIntoId: string | null;
  /** the duplicates folded into this one, shown beneath it */
  duplicates: { id: string; body: string; author: AuthorDto; createdAt: string }[];
}

export function toImpulseQuestionDto(row: ImpulseQuestionRow, view: QuestionView): ImpulseQuestionDto {
  const moderation = view === "moderation";
  return {
    id: row.id,
    talkId: row.talkId,
    body: row.body,
    author: row.author,
    status: row.status,
    voteCount: row.voteCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answeredBy: row.answeredBy,
    hiddenReason: moderation ? row.hiddenReason : null,
    hiddenAt: moderation ? (row.hiddenAt?.toISOString() ?? null) : null,
    hiddenBy: moderation ? row.hiddenBy : null,
    mergedIntoId: row.mergedIntoId,
    duplicates: row.duplicates.map((duplicate) => ({ ...duplicate, createdAt: duplicate.createdAt.toISOString() })),
  };
}

/** Most votes first; among equals the earlier question first, so the order never flickers. */
export function compareQuestions(a: Pick<ImpulseQuestionDto, "voteCount" | "createdAt" | "id">, b: typeof a): number {
  return b.voteCount - a.voteCount || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}
