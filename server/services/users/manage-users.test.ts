import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { listUsers, setUserActive, setUserRole } from "./manage-users";

const { actors } = await openTestDatabase();
const { admin, moderator, participant, reader } = actors;

const userRow = (id: string) => db().user.findUniqueOrThrow({ where: { id } });
const auditFor = (userId: string) =>
  db().auditEntry.findMany({ where: { subjectType: "user", subjectId: userId }, orderBy: { createdAt: "asc" } });

test("[user] only admins manage users: moderator and participant FORBIDDEN, signed out UNAUTHORIZED", async () => {
  const target = await createTestUser("PARTICIPANT");
  for (const actor of [moderator, participant, reader]) {
    await rejectsWithAppError(() => setUserRole(actor, { userId: target.id, role: "MODERATOR" }), "FORBIDDEN");
    await rejectsWithAppError(() => setUserActive(actor, { userId: target.id, isActive: false }), "FORBIDDEN");
    await rejectsWithAppError(() => listUsers(actor), "FORBIDDEN");
  }
  await rejectsWithAppError(() => setUserRole(null, { userId: target.id, role: "MODERATOR" }), "UNAUTHORIZED");
  const row = await userRow(target.id);
  assert.equal(row.role, "PARTICIPANT");
  assert.equal(row.deactivatedAt, null);
  assert.equal(row.sessionVersion, 0);
  assert.deepEqual(await auditFor(target.id), []);
});

test("[user] an admin may not change their own role or access", async () => {
  await rejectsWithAppError(() => setUserRole(admin, { userId: admin.id, role: "PARTICIPANT" }), "FORBIDDEN");
  await rejectsWithAppError(() => setUserActive(admin, { userId: admin.id, isActive: false }), "FORBIDDEN");
  const row = await userRow(admin.id);
  assert.equal(row.role, "ADMIN");
  assert.equal(row.deactivatedAt, null);
});

test("[user] a role change bumps sessionVersion, asks to end sessions and is audited", async () => {
  const target = await createTestUser("PARTICIPANT");
  const change = await setUserRole(admin, { userId: target.id, role: "MODERATOR" });
  assert.equal(change.endSessions, true);
  assert.equal(change.user.id, target.id);
  assert.equal(change.user.role, "MODERATOR");
  const row = await userRow(target.id);
  assert.equal(row.role, "MODERATOR");
  assert.equal(row.sessionVersion, 1);

  const audit = await auditFor(target.id);
  assert.equal(audit.length, 1);
  assert.equal(audit[0].action, "user.role");
  assert.equal(audit[0].actorId, admin.id);
  assert.deepEqual(audit[0].details, { from: "PARTICIPANT", to: "MODERATOR" });
});

test("[user] setting the role a user already has changes nothing", async () => {
  const target = await createTestUser("READER");
  const change = await setUserRole(admin, { userId: target.id, role: "READER" });
  assert.equal(change.endSessions, false);
  assert.equal((await userRow(target.id)).sessionVersion, 0);
  assert.deepEqual(await auditFor(target.id), []);
});

test("[user] deactivation ends sessions, reactivation restores access; both audited", async () => {
  const target = await createTestUser("PARTICIPANT");

  const off = await setUserActive(admin, { userId: target.id, isActive: false });
  assert.equal(off.endSessions, true);
  assert.ok(off.user.deactivatedAt instanceof Date);
  let row = await userRow(target.id);
  assert.ok(row.deactivatedAt);
  assert.equal(row.sessionVersion, 1);

  const again = await setUserActive(admin, { userId: target.id, isActive: false });
  assert.equal(again.endSessions, false, "deactivating twice is a no-op");
  assert.equal((await userRow(target.id)).sessionVersion, 1);

  const on = await setUserActive(admin, { userId: target.id, isActive: true });
  assert.equal(on.endSessions, false);
  assert.equal(on.user.deactivatedAt, null);
  row = await userRow(target.id);
  assert.equal(row.deactivatedAt, null);
  assert.equal(row.sessionVersion, 1, "old sessions stay ended after reactivation");

  assert.deepEqual((await auditFor(target.id)).map((a) => [a.action, a.actorId]), [
    ["user.deactivate", admin.id],
    ["user.reactivate", admin.id],
  ]);
});

test("[user] the last active admin cannot be demoted or deactivated (LAST_ADMIN)", async () => {
  // A second admin exists, so the first demotion works; then the acting admin is no longer one in
  // the database (a stale actor), and the remaining admin is the last one.
  const second = await createTestUser("ADMIN");
  const stale = await createTestUser("ADMIN");
  await setUserRole(second, { userId: stale.id, role: "PARTICIPANT" });
  await setUserActive(second, { userId: admin.id, isActive: false });
  try {
    // second is now the only active admin in the database
    await rejectsWithAppError(() => setUserRole(stale, { userId: second.id, role: "READER" }), "LAST_ADMIN");
    await rejectsWithAppError(() => setUserActive(stale, { userId: second.id, isActive: false }), "LAST_ADMIN");
    const row = await userRow(second.id);
    assert.equal(row.role, "ADMIN");
    assert.equal(row.deactivatedAt, null);
    assert.equal(row.sessionVersion, 0);
    assert.equal(await db().user.count({ where: { role: "ADMIN", deactivatedAt: null } }), 1);
  } finally {
    await setUserActive(second, { userId: admin.id, isActive: true });
  }
  // with two active admins again, demoting one of them works
  const change = await setUserRole(admin, { userId: second.id, role: "MODERATOR" });
  assert.equal(change.user.role, "MODERATOR");
});

test("[user] a deactivated admin does not count as the remaining admin", async () => {
  const other = await createTestUser("ADMIN");
  const inactive = await createTestUser("ADMIN");
  await setUserActive(admin, { userId: inactive.id, isActive: false });
  // admin and other are active: demoting other is fine
  await setUserRole(admin, { userId: other.id, role: "PARTICIPANT" });
  // now admin is the only active admin; a stale actor object of `inactive` tries to remove admin
  await rejectsWithAppError(() => setUserRole(inactive, { userId: admin.id, role: "READER" }), "LAST_ADMIN");
  assert.equal((await userRow(admin.id)).role, "ADMIN");
});

test("[user] unknown user NOT_FOUND, unknown role a German message", async () => {
  await rejectsWithAppError(() => setUserRole(admin, { userId: randomUUID(), role: "READER" }), "NOT_FOUND", "Diesen Zugang gibt es nicht.");
  await rejectsWithAppError(() => setUserActive(admin, { userId: randomUUID(), isActive: false }), "NOT_FOUND");
  await rejectsWithZodMessage(() => setUserRole(admin, { userId: participant.id, role: "KING" }), "Bitte wählen Sie eine gültige Rolle.");
  assert.equal((await userRow(participant.id)).role, "PARTICIPANT");
});

test("[user] the admin list keeps one order by name whatever the status, and carries no password hashes", async () => {
  const inactive = await createTestUser("READER");
  await setUserActive(admin, { userId: inactive.id, isActive: false });
  const users = await listUsers(admin);
  assert.ok(users.length >= 6);
  assert.ok(users.every((u) => !("passwordHash" in u)));
  assert.ok(users.some((u) => u.id === inactive.id && u.deactivatedAt));
  // a deactivation must not reorder the list under the admin's pointer
  const names = users.map((u) => u.name);
  assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
});
