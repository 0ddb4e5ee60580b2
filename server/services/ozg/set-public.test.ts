import assert from "node:assert/strict";
import { test } from "node:test";
import { TRPCError } from "@trpc/server";
import { db } from "../../db";
import { appRouter } from "../../routers/_app";
import { rejectsWithAppError } from "../../test/assertions";
import { openTestDatabase } from "../../test/test-db";
import { listOzgServices } from "./list-services";
import { ozgOverview } from "./overview";
import { setOzgPublic } from "./set-public";

const { actors } = await openTestDatabase();
const { reader, participant, moderator, admin } = actors;

const audit = () => db().auditEntry.findMany({ where: { subjectType: "ozgSettings" }, orderBy: { createdAt: "asc" } });
const isPublic = async () => (await db().ozgSettings.findUniqueOrThrow({ where: { id: 1 } })).isPublic;

test("[ozg] only moderation makes the overview public; signed out and other roles change nothing", async () => {
  await rejectsWithAppError(() => setOzgPublic(null, { isPublic: true }), "UNAUTHORIZED");
  await rejectsWithAppError(() => setOzgPublic(reader, { isPublic: true }), "FORBIDDEN");
  await rejectsWithAppError(() => setOzgPublic(participant, { isPublic: true }), "FORBIDDEN");
  await assert.rejects(() => appRouter.createCaller({ actor: null }).ozg.setPublic({ isPublic: true }), (error: unknown) => error instanceof TRPCError && error.code === "UNAUTHORIZED");
  assert.equal(await isPublic(), false);
  assert.deepEqual(await audit(), []);
});

test("[ozg] bad input is refused in German and changes nothing", async () => {
  for (const input of [{ isPublic: "ja" }, { isPublic: 1 }, {}, null, "true"]) {
    await assert.rejects(
      () => appRouter.createCaller({ actor: moderator }).ozg.setPublic(input as never),
      (error: unknown) => error instanceof TRPCError && error.code === "BAD_REQUEST" && !/Invalid|Expected|Required/.test(error.message),
    );
  }
  assert.equal(await isPublic(), false);
  assert.deepEqual(await audit(), []);
});

test("[ozg] moderation switches public on and off: audited, readable signed out only while public", async () => {
  await rejectsWithAppError(() => ozgOverview(null), "UNAUTHORIZED");
  try {
    const on = await setOzgPublic(moderator, { isPublic: true });
    assert.equal(on.isPublic, true);
    assert.equal((await ozgOverview(null)).total, 557);
    assert.equal((await listOzgServices(null, {})).total, 557);

    // the same state again is no change and no audit row
    await setOzgPublic(admin, { isPublic: true });
    const entries = await audit();
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.action, "ozg.publish");
    assert.equal(entries[0]!.actorId, moderator.id);
    assert.deepEqual(entries[0]!.details, { isPublic: true });
  } finally {
    const off = await setOzgPublic(admin, { isPublic: false });
    assert.equal(off.isPublic, false);
  }
  await rejectsWithAppError(() => ozgOverview(null), "UNAUTHORIZED");
  const entries = await audit();
  assert.deepEqual(entries.map((entry) => [entry.action, entry.actorId]), [["ozg.publish", moderator.id], ["ozg.unpublish", admin.id]]);
});
