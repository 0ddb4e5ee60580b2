import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { formatBerlinRange } from "../../schemas/berlin-time";
import { updateImpulseTalkSchema, type UpdateImpulseTalk } from "../../schemas/impulse-talk";
import { attachmentSelect, toAttachmentDto } from "../attachments/dto";
import { checkAttachable, linkAttachments, type CheckedAttachment } from "../attachments/link-attachments";
import { recordAudit } from "../audit/record-audit";
import { notify } from "../notifications/notify";
import type { ImpulseTalkDto } from "./dto";
import { TALK_NOT_FOUND } from "./get-talk";
import { renderTalkAbstract, talkLink } from "./render-talk";
import { talkChange } from "./talk-events";
import { assertGroupsExist } from "./talk-groups";
import { assertRecordingAfterStart } from "./recording";

/**
 * Edits a talk: its texts, materials and recording, or its time and place (moving it). Saving over a
 * change someone else made since the editor loaded is refused (TALK_CHANGED). A change a subscribed
 * calendar must follow (time, place, link, title) raises the iCalendar SEQUENCE; a move or a new place
 * notifies the talk's followers.
 */
export async function updateImpulseTalk(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ImpulseTalkDto>> {
  assertCan(actor, "impulse.manage");
  const input = updateImpulseTalkSchema.parse(rawInput);
  return db().$transaction((tx) => applyUpdate(tx, actor, input));
}

async function applyUpdate(tx: Tx, actor: Actor, input: UpdateImpulseTalk): Promise<WithEvents<ImpulseTalkDto>> {
  const current = await tx.impulseTalk.findUnique({
    where: { id: input.talkId },
    select: { title: true, startsAt: true, endsAt: true, place: true, onlineUrl: true, cancelledAt: true, updatedAt: true },
  });
  if (!current) throw new AppError("NOT_FOUND", TALK_NOT_FOUND);
  assertCan(actor, "impulse.manage", current);
  if (current.updatedAt.toISOString() !== input.expectedUpdatedAt) throw new AppError("TALK_CHANGED");
  // claim the version the editor saw: of two saves (or a save and a cancellation) at once, only the first passes
  const claimed = await tx.impulseTalk.updateMany({
    where: { id: input.talkId, updatedAt: current.updatedAt, cancelledAt: null },
    data: { updatedAt: new Date() },
  });
  if (claimed.count !== 1) throw new AppError("TALK_CHANGED");

  // the form sends minutes: a stored time with seconds (seeds, imports) is unchanged if its minute is
  const startMoved = !isSameMinute(current.startsAt, input.startsAt);
  const endMoved = !isSameMinute(current.endsAt, input.endsAt);
  const moved = startMoved || endMoved;
  const startsAt = startMoved ? input.startsAt : current.startsAt;
  const endsAt = endMoved ? input.endsAt : current.endsAt;
  // correcting the end of a talk that already began is a fix of the record, not a new appointment
  if (startMoved && input.startsAt.getTime() <= Date.now()) throw new AppError("TALK_IN_PAST");
  assertRecordingAfterStart(startsAt, input.recordingUrl);
  const relocated = current.place !== input.place || current.onlineUrl !== input.onlineUrl;
  const calendarRelevant = moved || relocated || current.title !== input.title;
  await assertGroupsExist(tx, input.groupIds);

  const owner = { kind: "impulseTalk", id: input.talkId } as const;
  const attachments = await checkMaterials(tx, actor, input);
  const keptIds = attachments.map((attachment) => attachment.id);
  // removed materials become unlinked uploads, which the upload sweep deletes with their files
  await tx.attachment.updateMany({ where: { impulseTalkId: input.talkId, id: { notIn: keptIds } }, data: { impulseTalkId: null, attachedAt: null } });
  const alreadyLinked = new Set(
    (await tx.attachment.findMany({ where: { impulseTalkId: input.talkId, attachedAt: { not: null } }, select: { id: true } })).map((row) => row.id),
  );
  await linkAttachments(tx, actor, owner, attachments.filter((attachment) => !alreadyLinked.has(attachment.id)));
  for (const [position, attachment] of attachments.entries()) {
    await tx.attachment.update({ where: { id: attachment.id }, data: { position, altText: attachment.altText } });
  }

  await tx.impulseTalk.update({
    where: { id: input.talkId },
    data: {
      title: input.title,
      speakers: input.speakers,
      organisation: input.organisation,
      federalState: input.federalState,
      category: input.category,
      startsAt,
      endsAt,
      onlineUrl: input.onlineUrl,
      place: input.place,
      abstract: input.abstract,
      ...renderTalkAbstract(input.talkId, input.abstract),
      recordingUrl: input.recordingUrl,
      ...(calendarRelevant ? { sequence: { increment: 1 } } : {}),
      groups: { deleteMany: {}, create: input.groupIds.map((groupId) => ({ groupId })) },
      links: { deleteMany: {}, create: input.links.map((link, position) => ({ ...link, position })) },
    },
  });
  await recordAudit(tx, actor, moved ? "impulse.move" : "impulse.update", { type: "impulseTalk", id: input.talkId }, {
    title: input.title,
    ...(moved ? { from: current.startsAt.toISOString(), to: startsAt.toISOString() } : {}),
  });

  const changed = await talkChange(tx, input.talkId);
  if (!moved && !relocated) return changed;
  const followers = await tx.impulseTalkFollower.findMany({ where: { talkId: input.talkId }, select: { userId: true } });
  const what = [
    moved ? `Neuer Termin: ${formatBerlinRange(startsAt, endsAt)} (bisher ${formatBerlinRange(current.startsAt, current.endsAt)}).` : null,
    relocated ? `Neuer Ort: ${[input.place, input.onlineUrl].filter(Boolean).join(", ")}.` : null,
  ];
  const notified = await notify(tx, [
    {
      kind: "IMPULSE_TALK_CHANGED",
      recipientIds: followers.map((follower) => follower.userId),
      actorId: actor.id,
      title: input.title,
      excerpt: what.filter(Boolean).join(" "),
      link: talkLink(input.talkId),
      readAction: "impulse.read",
    },
  ]);
  return { result: changed.result, events: [...changed.events, ...notified] };
}

/**
 * The materials as sent: those already linked to the talk stay whoever uploaded them (a second
 * moderator edits the first one's talk); new ones must be the editor's own uploads.
 */
async function checkMaterials(tx: Tx, actor: Actor, input: UpdateImpulseTalk): Promise<CheckedAttachment[]> {
  const linked = await tx.attachment.findMany({
    where: { impulseTalkId: input.talkId, attachedAt: { not: null } },
    select: { ...attachmentSelect, uploaderId: true },
  });
  const linkedById = new Map(linked.map((row) => [row.id, row]));
  const owner = { kind: "impulseTalk", id: input.talkId } as const;
  const added = await checkAttachable(tx, actor, owner, input.attachments.filter((item) => !linkedById.get(item.id) || linkedById.get(item.id)!.uploaderId === actor.id));
  const addedById = new Map(added.map((item) => [item.id, item]));
  return input.attachments.map((item) => {
    const checked = addedById.get(item.id);
    if (checked) return checked;
    const row = linkedById.get(item.id)!;
    const { isImage } = toAttachmentDto(row);
    if (isImage && !item.alt) throw new AppError("BAD_INPUT", `Bitte beschreiben Sie das Bild „${row.originalName}“ (Alternativtext).`);
    return { id: item.id, altText: isImage ? (item.alt ?? null) : null };
  });
}

const isSameMinute = (a: Date, b: Date) => Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000);
