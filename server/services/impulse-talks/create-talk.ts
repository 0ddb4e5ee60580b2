import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { createImpulseTalkSchema, type CreateImpulseTalk } from "../../schemas/impulse-talk";
import { checkAttachable, linkAttachments } from "../attachments/link-attachments";
import { recordAudit } from "../audit/record-audit";
import { impulseTalkSelect, toImpulseTalkDto, type ImpulseTalkDto } from "./dto";
import { renderTalkAbstract } from "./render-talk";
import { talkChange } from "./talk-events";
import { assertGroupsExist } from "./talk-groups";
import { assertRecordingAfterStart } from "./recording";

/**
 * Schedules a talk. Its start must lie ahead: a talk that already happened is not "upcoming", and a
 * calendar would file it away unseen. Idempotent on the client's id.
 */
export async function createImpulseTalk(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ImpulseTalkDto>> {
  assertCan(actor, "impulse.manage");
  const input = createImpulseTalkSchema.parse(rawInput);
  const earlier = await replay(actor, input.id);
  if (earlier) return earlier;
  if (input.startsAt.getTime() <= Date.now()) throw new AppError("TALK_IN_PAST");
  assertRecordingAfterStart(input.startsAt, input.recordingUrl);
  return db()
    .$transaction((tx) => insertTalk(tx, actor, input))
    .catch(async (error: unknown) => {
      const raced = isUniqueViolation(error) ? await replay(actor, input.id) : null;
      if (raced) return raced;
      throw error;
    });
}

async function replay(actor: Actor, talkId: string): Promise<WithEvents<ImpulseTalkDto> | null> {
  const existing = await db().impulseTalk.findUnique({ where: { id: talkId }, select: { ...impulseTalkSelect, createdById: true } });
  if (!existing) return null;
  if (existing.createdById !== actor.id) throw new AppError("CONFLICT");
  return { result: toImpulseTalkDto(existing), events: [] };
}

async function insertTalk(tx: Tx, actor: Actor, input: CreateImpulseTalk): Promise<WithEvents<ImpulseTalkDto>> {
  await assertGroupsExist(tx, input.groupIds);
  const owner = { kind: "impulseTalk", id: input.id } as const;
  const attachments = await checkAttachable(tx, actor, owner, input.attachments);
  await tx.impulseTalk.create({
    data: {
      id: input.id,
      title: input.title,
      speakers: input.speakers,
      organisation: input.organisation,
      federalState: input.federalState,
      category: input.category,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      onlineUrl: input.onlineUrl,
      place: input.place,
      abstract: input.abstract,
      ...renderTalkAbstract(input.id, input.abstract),
      recordingUrl: input.recordingUrl,
      createdById: actor.id,
      groups: { create: input.groupIds.map((groupId) => ({ groupId })) },
      links: { create: input.links.map((link, position) => ({ ...link, position })) },
    },
  });
  await linkAttachments(tx, actor, owner, attachments);
  await recordAudit(tx, actor, "impulse.create", { type: "impulseTalk", id: input.id }, { title: input.title, startsAt: input.startsAt.toISOString() });
  return talkChange(tx, input.id);
}
