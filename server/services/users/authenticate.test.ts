import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../../db";
import { createTestUser, DEMO_PASSWORD, openTestDatabase } from "../../test/test-db";
import { authenticate } from "./authenticate";

const { actors } = await openTestDatabase();

test("[auth] the right password signs in and returns the user without the hash", async () => {
  const user = await authenticate("teilnehmer@gdst.example", DEMO_PASSWORD);
  assert.ok(user);
  assert.equal(user.id, actors.participant.id);
  assert.equal(user.email, "teilnehmer@gdst.example");
  assert.equal(user.sessionVersion, 0);
  assert.equal(user.deactivatedAt, null);
});

test("[auth] email is matched case-insensitively and trimmed", async () => {
  const user = await authenticate("  Admin@GDST.example ", DEMO_PASSWORD);
  assert.equal(user?.id, actors.admin.id);
});

test("[auth] a wrong password or an unknown email gives null", async () => {
  assert.equal(await authenticate("teilnehmer@gdst.example", "falsches-passwort"), null);
  assert.equal(await authenticate("teilnehmer@gdst.example", `${DEMO_PASSWORD} `), null);
  assert.equal(await authenticate("teilnehmer@gdst.example", ""), null);
  assert.equal(await authenticate("niemand@gdst.example", DEMO_PASSWORD), null);
});

test("[auth] a deactivated user cannot sign in, even with the right password", async () => {
  const user = await createTestUser("PARTICIPANT", "richtiges-passwort");
  assert.equal((await authenticate(user.email, "richtiges-passwort"))?.id, user.id);
  await db().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
  assert.equal(await authenticate(user.email, "richtiges-passwort"), null);
});

test("[auth] passwords are stored as scrypt hashes, never in clear", async () => {
  const row = await db().user.findUniqueOrThrow({ where: { id: actors.reader.id }, select: { passwordHash: true } });
  assert.match(row.passwordHash, /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
  assert.equal(row.passwordHash.includes(DEMO_PASSWORD), false);
});
