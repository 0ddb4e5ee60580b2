import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { toBerlinLocal } from "../../schemas/berlin-time";
import type { ImpulseTalkCategory } from "../../schemas/impulse-talk";
import { attachmentSelect, toAttachmentDto, type AttachmentDto } from "../attachments/dto";
import { talkFieldsSelect } from "./dto";
import { TALK_NOT_FOUND } from "./get-talk";

/** A talk as its edit form starts: the sources (abstract Markdown), times as Berlin wall-clock fields. */
export interface ImpulseTalkEditDto {
  id: string;
  title: string;
  speakers: string[];
  organisation: string;
  federalState: string;
  category: ImpulseTalkCategory;
  /** "YYYY-MM-DDTHH:mm" in Europe/Berlin, as `<input type="datetime-local">` takes it */
  startsAt: string;
  endsAt: string;
  /** a recording may be linked once the talk has begun */
  hasBegun: boolean;
  onlineUrl: string;
  place: string;
  abstract: string;
  recordingUrl: string;
  groupIds: string[];
  links: { label: string; url: string }[];
  materials: AttachmentDto[];
  cancelledAt: string | null;
  /** sent back on save: a newer change by someone else is not overwritten */
  updatedAt: string;
}

/** Moderation only; a cancelled talk is not edited any more (policy: TALK_CANCELLED). */
export async function getImpulseTalkForEditing(actor: Actor | null, talkId: string): Promise<ImpulseTalkEditDto> {
  assertCan(actor, "impulse.manage");
  const row = await db().impulseTalk.findUnique({
    where: { id: talkId },
    select: {
      ...talkFieldsSelect,
      abstract: true,
      groups: { select: { groupId: true } },
      links: { select: { label: true, url: true }, orderBy: { position: "asc" } },
      attachments: { select: attachmentSelect, where: { attachedAt: { not: null } }, orderBy: { position: "asc" } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", TALK_NOT_FOUND);
  assertCan(actor, "impulse.manage", row);
  return {
    id: row.id,
    title: row.title,
    speakers: row.speakers,
    organisation: row.organisation,
    federalState: row.federalState,
    category: row.category,
    startsAt: toBerlinLocal(row.startsAt),
    endsAt: toBerlinLocal(row.endsAt),
    hasBegun: row.startsAt.getTime() <= Date.now(),
    onlineUrl: row.onlineUrl ?? "",
    place: row.place ?? "",
    abstract: row.abstract,
    recordingUrl: row.recordingUrl ?? "",
    groupIds: row.groups.map((group) => group.groupId),
    links: row.links,
    materials: row.attachments.map(toAttachmentDto),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
