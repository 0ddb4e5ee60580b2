import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { openTestDatabase } from "../../test/test-db";
import { authenticate } from "../users/authenticate";
import {
  acceptInvitation,
  createInvitation,
  findOpenInvitation,
  INVITATION_VALID_DAYS,
  listInvitations,
  revokeInvitation,
} from "./invitations";

const { actors } = await openTestDatabase();
const { admin, moderator, participant, reader } = actors;

let counter = 0;
const newEmail = () => `eingeladen-${++counter}-${Date.now()}@kommune.example`;
const invite = (email = newEmail(), role: "READER" | "PARTICIPANT" | "MODERATOR" | "ADMIN" = "PARTICIPANT") =>
  createInvitation(admin, { email, role, organisation: "Verbandsgemeinde Elbe-Heide" });
const accept = (token: string, password = "sicheres-passwort-1") => acceptInvitation({ token, name: "Erika Eingeladen", password });
const userCount = () => db().user.count();

test("[invitation] an admin invites; the token is returned once and only its hash is stored", async () => {
  const email = newEmail();
  const { invitation, token } = await invite(email, "MODERATOR");
  assert.equal(invitation.email, email);
  assert.equal(invitation.role, "MODERATOR");
  assert.equal(invitation.createdBy.name, admin.name);
  assert.equal(invitation.acceptedAt, null);
  assert.ok(token.length >= 32);
  const days = (invitation.expiresAt.getTime() - Date.now()) / (24 * 60 * 60 * 1000);
  assert.ok(Math.abs(days - INVITATION_VALID_DAYS) < 0.01, `expires in ${days} days`);

  const row = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
  assert.notEqual(row.tokenHash, token);
  assert.equal(row.tokenHash.includes(token), false);
  assert.equal(row.tokenHash, createHash("sha256").update(token).digest("hex"));
  assert.equal(await db().invitation.count({ where: { tokenHash: token } }), 0);
  assert.ok(!("tokenHash" in invitation), "the DTO carries no token hash");

  const audit = await db().auditEntry.findMany({ where: { subjectType: "invitation", subjectId: invitation.id } });
  assert.deepEqual(audit.map((a) => [a.action, a.actorId]), [["invitation.create", admin.id]]);
  assert.ok((await listInvitations(admin)).some((i) => i.id === invitation.id));
});

test("[invitation] only admins invite: moderator, participant, reader FORBIDDEN; signed out UNAUTHORIZED", async () => {
  const before = await db().invitation.count();
  const input = { email: newEmail(), role: "PARTICIPANT", organisation: "Stadt Dessau-Roßlau" };
  for (const actor of [moderator, participant, reader]) {
    await rejectsWithAppError(() => createInvitation(actor, input), "FORBIDDEN");
    await rejectsWithAppError(() => listInvitations(actor), "FORBIDDEN");
  }
  await rejectsWithAppError(() => createInvitation(null, input), "UNAUTHORIZED");
  assert.equal(await db().invitation.count(), before);
});

test("[invitation] an email that already has an account is EMAIL_TAKEN, in any spelling", async () => {
  const before = await db().invitation.count();
  await rejectsWithAppError(() => invite("teilnehmerin@gdst.example"), "EMAIL_TAKEN");
  await rejectsWithAppError(() => invite("  TeilnehmerIn@GDST.example "), "EMAIL_TAKEN");
  assert.equal(await db().invitation.count(), before);
});

test("[invitation] a malformed email or missing organisation is refused in German", async () => {
  const before = await db().invitation.count();
  await rejectsWithZodMessage(() => invite("keine-adresse"), "Bitte geben Sie eine gültige E-Mail-Adresse ein.");
  await rejectsWithZodMessage(
    () => createInvitation(admin, { email: newEmail(), role: "PARTICIPANT", organisation: "  " }),
    "Bitte geben Sie eine Kommune oder Organisation ein.",
  );
  await rejectsWithZodMessage(
    () => createInvitation(admin, { email: newEmail(), role: "CHEF", organisation: "Stadt" }),
    "Bitte wählen Sie eine gültige Rolle.",
  );
  assert.equal(await db().invitation.count(), before);
});

test("[invitation] an open invitation is shown, accepted once and then invalid", async () => {
  const email = newEmail();
  const { invitation, token } = await invite(email, "READER");
  const open = await findOpenInvitation({ token });
  assert.deepEqual(open, { email, role: "READER", organisation: "Verbandsgemeinde Elbe-Heide", expiresAt: invitation.expiresAt });

  const user = await accept(token);
  assert.equal(user.email, email);
  assert.equal(user.role, "READER");
  assert.equal(user.name, "Erika Eingeladen");
  assert.equal(user.organisation, "Verbandsgemeinde Elbe-Heide");
  assert.equal((await authenticate(email, "sicheres-passwort-1"))?.id, user.id);

  const row = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
  assert.ok(row.acceptedAt);
  assert.equal(row.acceptedById, user.id);

  const before = await userCount();
  await rejectsWithAppError(() => accept(token, "anderes-passwort-2"), "INVITATION_INVALID");
  await rejectsWithAppError(() => findOpenInvitation({ token }), "INVITATION_INVALID");
  assert.equal(await userCount(), before);
  assert.equal(await authenticate(email, "anderes-passwort-2"), null);
});

test("[invitation] an expired invitation is INVITATION_INVALID", async () => {
  const email = newEmail();
  const { invitation, token } = await invite(email);
  await db().invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const before = await userCount();
  await rejectsWithAppError(() => findOpenInvitation({ token }), "INVITATION_INVALID");
  await rejectsWithAppError(
    () => accept(token),
    "INVITATION_INVALID",
    "Diese Einladung ist ungültig, abgelaufen oder wurde bereits verwendet.",
  );
  assert.equal(await userCount(), before);
  assert.equal(await db().user.count({ where: { email } }), 0);
});

test("[invitation] a revoked invitation is INVITATION_INVALID; revocation is audited", async () => {
  const email = newEmail();
  const { invitation, token } = await invite(email);
  const revoked = await revokeInvitation(admin, { invitationId: invitation.id });
  assert.ok(revoked.revokedAt);
  await rejectsWithAppError(() => findOpenInvitation({ token }), "INVITATION_INVALID");
  await rejectsWithAppError(() => accept(token), "INVITATION_INVALID");
  assert.equal(await db().user.count({ where: { email } }), 0);
  const actions = (await db().auditEntry.findMany({ where: { subjectId: invitation.id } })).map((a) => a.action).sort();
  assert.deepEqual(actions, ["invitation.create", "invitation.revoke"]);
});

test("[invitation] revoking: accepted invitation CONFLICT, non-admin FORBIDDEN", async () => {
  const { invitation, token } = await invite();
  await rejectsWithAppError(() => revokeInvitation(moderator, { invitationId: invitation.id }), "FORBIDDEN");
  await accept(token);
  await rejectsWithAppError(() => revokeInvitation(admin, { invitationId: invitation.id }), "CONFLICT", "Diese Einladung wurde bereits angenommen.");
  assert.equal((await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt, null);
});

test("[invitation] a short password is refused in German and no user is created", async () => {
  const email = newEmail();
  const { invitation, token } = await invite(email);
  const before = await userCount();
  await rejectsWithZodMessage(() => accept(token, "kurz"), "Das Passwort muss mindestens 10 Zeichen lang sein.");
  await rejectsWithZodMessage(() => acceptInvitation({ token, name: " ", password: "lang-genug-123" }), "Bitte geben Sie Ihren Namen ein.");
  assert.equal(await userCount(), before);
  assert.equal(await db().user.count({ where: { email } }), 0);
  assert.equal((await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt, null);
  // the invitation is still usable
  assert.equal((await findOpenInvitation({ token })).email, email);
});

test("[invitation] a truncated or unknown token is refused", async () => {
  await rejectsWithZodMessage(() => findOpenInvitation({ token: "abc" }), "Dieser Einladungslink ist unvollständig.");
  await rejectsWithAppError(() => findOpenInvitation({ token: "x".repeat(43) }), "INVITATION_INVALID");
  await rejectsWithAppError(() => accept("y".repeat(43)), "INVITATION_INVALID");
});

test("[invitation] if the email got an account meanwhile, accepting is EMAIL_TAKEN and the invitation stays open", async () => {
  const email = newEmail();
  const first = await invite(email);
  const second = await invite(email);
  await accept(first.token);
  const before = await userCount();
  await rejectsWithAppError(() => accept(second.token), "EMAIL_TAKEN");
  assert.equal(await userCount(), before);
  assert.equal((await db().invitation.findUniqueOrThrow({ where: { id: second.invitation.id } })).acceptedAt, null);
});
