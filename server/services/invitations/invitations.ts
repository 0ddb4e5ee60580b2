import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "../../auth/password";
import { assertCan, type Actor } from "../../auth/policy";
import { db, type Prisma } from "../../db";
import { AppError } from "../../errors";
import {
  acceptInvitationSchema,
  createInvitationSchema,
  invitationIdSchema,
  invitationTokenSchema,
} from "../../schemas/user";
import { recordAudit } from "../audit/record-audit";
import { createUser } from "../users/create-user";
import type { UserAdminDto } from "../users/dto";

export const INVITATION_VALID_DAYS = 14;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const invitationSelect = {
  id: true,
  email: true,
  role: true,
  organisation: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.InvitationSelect;

export type InvitationDto = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;

/** The token is returned once, for the link; only its hash is stored. */
export async function createInvitation(actor: Actor | null, rawInput: unknown): Promise<{ invitation: InvitationDto; token: string }> {
  assertCan(actor, "invitation.manage");
  const input = createInvitationSchema.parse(rawInput);
  const token = randomBytes(32).toString("base64url");
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new AppError("EMAIL_TAKEN");
    const invitation = await tx.invitation.create({
      data: {
        ...input,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000),
        createdById: actor.id,
      },
      select: invitationSelect,
    });
    await recordAudit(tx, actor, "invitation.create", { type: "invitation", id: invitation.id }, { email: input.email, role: input.role });
    return { invitation, token };
  });
}

export async function listInvitations(actor: Actor | null): Promise<InvitationDto[]> {
  assertCan(actor, "invitation.manage");
  return db().invitation.findMany({ select: invitationSelect, orderBy: { createdAt: "desc" }, take: 200 });
}

export async function revokeInvitation(actor: Actor | null, rawInput: unknown): Promise<InvitationDto> {
  assertCan(actor, "invitation.manage");
  const { invitationId } = invitationIdSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const current = await tx.invitation.findUnique({ where: { id: invitationId }, select: { acceptedAt: true, revokedAt: true } });
    if (!current) throw new AppError("NOT_FOUND", "Diese Einladung gibt es nicht.");
    if (current.acceptedAt) throw new AppError("CONFLICT", "Diese Einladung wurde bereits angenommen.");
    const invitation = await tx.invitation.update({
      where: { id: invitationId },
      data: { revokedAt: current.revokedAt ?? new Date() },
      select: invitationSelect,
    });
    await recordAudit(tx, actor, "invitation.revoke", { type: "invitation", id: invitationId });
    return invitation;
  });
}

const openInvitationWhere = (token: string) => ({
  tokenHash: hashToken(token),
  acceptedAt: null,
  revokedAt: null,
  expiresAt: { gt: new Date() },
});

/** What the invitee sees before accepting; anything not open is the same "invalid" answer. */
export async function findOpenInvitation(rawInput: unknown) {
  const { token } = invitationTokenSchema.parse(rawInput);
  const invitation = await db().invitation.findFirst({
    where: openInvitationWhere(token),
    select: { email: true, role: true, organisation: true, expiresAt: true },
  });
  if (!invitation) throw new AppError("INVITATION_INVALID");
  return invitation;
}

/** Creates the account and uses the invitation up, in one transaction: a link works exactly once. */
export async function acceptInvitation(rawInput: unknown): Promise<UserAdminDto> {
  const input = acceptInvitationSchema.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: openInvitationWhere(input.token), select: { id: true, email: true, role: true, organisation: true } });
    if (!invitation) throw new AppError("INVITATION_INVALID");
    const user = await createUser(
      { email: invitation.email, name: input.name, organisation: invitation.organisation, role: invitation.role, passwordHash },
      tx,
    );
    const used = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date(), acceptedById: user.id },
    });
    if (used.count !== 1) throw new AppError("INVITATION_INVALID");
    await recordAudit(tx, user, "invitation.accept", { type: "invitation", id: invitation.id });
    return user;
  });
}
