import assert from "node:assert/strict";
import { test } from "node:test";
import { db, hasDatabase } from "../db";
import { demoCosigners } from "../../seeds/demo-spotlights";
import { demoEmails, openTestDatabase } from "./test-db";

const testDb = await openTestDatabase();

test("[test-db] a fresh database with the working groups and the five demo users is installed", async () => {
  assert.equal(hasDatabase(), true);
  assert.equal(await db().workingGroup.count(), 4);
  const users = await db().user.findMany({ where: { email: { in: Object.values(demoEmails) } }, select: { email: true, role: true }, orderBy: { email: "asc" } });
  assert.deepEqual(users, [
    { email: "admin@gdst.example", role: "ADMIN" },
    { email: "lesend@gdst.example", role: "READER" },
    { email: "moderation@gdst.example", role: "MODERATOR" },
    { email: "teilnehmer@gdst.example", role: "PARTICIPANT" },
    { email: "teilnehmerin@gdst.example", role: "PARTICIPANT" },
  ]);
  // besides them only the colleagues of other municipalities who co-sign the demo spotlights
  const others = await db().user.findMany({ where: { email: { notIn: Object.values(demoEmails) } }, select: { email: true, role: true } });
  assert.deepEqual(others.map((user) => user.role), demoCosigners.map(() => "PARTICIPANT"));
  assert.deepEqual(others.map((user) => user.email).sort(), demoCosigners.map((person) => person.email).sort());
});

test("[test-db] demo actors match their users", () => {
  for (const [key, email] of Object.entries(demoEmails)) {
    const actor = testDb.actors[key as keyof typeof demoEmails];
    assert.equal(actor.email, email);
    assert.match(actor.id, /^[0-9a-f-]{36}$/);
  }
  assert.equal(testDb.actors.admin.role, "ADMIN");
  assert.equal(testDb.actors.reader.role, "READER");
});
