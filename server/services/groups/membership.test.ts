import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { groupIdBySlug } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { listGroups } from "./list-groups";
import { setMembership } from "./membership";

const { actors } = await openTestDatabase();
const { participant, reader } = actors;

const isMemberOf = async (userId: string, groupId: string) =>
  (await db().groupMembership.count({ where: { userId, groupId } })) === 1;

test("[group] a participant joins and leaves a group; both are idempotent", async () => {
  const groupId = await groupIdBySlug("strategie");
  assert.equal(await isMemberOf(participant.id, groupId), false);

  assert.deepEqual(await setMembership(participant, { groupId }, true), { isMember: true });
  assert.deepEqual(await setMembership(participant, { groupId }, true), { isMember: true });
  assert.equal(await isMemberOf(participant.id, groupId), true);
  const listed = (await listGroups(participant)).find((g) => g.id === groupId)!;
  assert.equal(listed.isMember, true);
  assert.equal(listed.memberCount, 2);

  assert.deepEqual(await setMembership(participant, { groupId }, false), { isMember: false });
  assert.deepEqual(await setMembership(participant, { groupId }, false), { isMember: false });
  assert.equal(await isMemberOf(participant.id, groupId), false);
  assert.equal((await listGroups(participant)).find((g) => g.id === groupId)!.memberCount, 1);
});

test("[group] leaving one group keeps the others", async () => {
  const technik = await groupIdBySlug("technik");
  const umsetzung = await groupIdBySlug("umsetzung");
  await setMembership(participant, { groupId: umsetzung }, false);
  assert.equal(await isMemberOf(participant.id, technik), true);
  assert.equal(await isMemberOf(participant.id, umsetzung), false);
  await setMembership(participant, { groupId: umsetzung }, true);
});

test("[group] a reader may not join (FORBIDDEN), a signed-out caller is UNAUTHORIZED", async () => {
  const groupId = await groupIdBySlug("organisation");
  await rejectsWithAppError(() => setMembership(reader, { groupId }, true), "FORBIDDEN");
  await rejectsWithAppError(() => setMembership(reader, { groupId }, false), "FORBIDDEN");
  await rejectsWithAppError(() => setMembership(null, { groupId }, true), "UNAUTHORIZED");
  assert.equal(await isMemberOf(reader.id, groupId), false);
});

test("[group] an unknown group is NOT_FOUND, a malformed id a German validation message", async () => {
  await rejectsWithAppError(() => setMembership(participant, { groupId: randomUUID() }, true), "NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  await rejectsWithAppError(() => setMembership(participant, { groupId: randomUUID() }, false), "NOT_FOUND");
  await rejectsWithZodMessage(() => setMembership(participant, { groupId: "technik" }, true), "Die Kennung ist ungültig.");
});
