import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../../db";
import { ozgPhaseInfo } from "../../schemas/ozg";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makeSpotlight, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { followOzgService, unfollowOzgService } from "./follow-service";
import { getOzgService, OZG_SERVICE_NOT_FOUND } from "./get-service";
import { linkOzgServiceToSpotlight, linkOzgServiceToThread } from "./link-service";

const { actors } = await openTestDatabase();
const { reader, participant, participant2, moderator } = actors;

const setPublic = (isPublic: boolean) => db().ozgSettings.update({ where: { id: 1 }, data: { isPublic } });

test("[ozg] detail: every field, the LeiKa services and the history grouped by import, newest first", async () => {
  const service = await getOzgService(reader, "10169");
  assert.equal(service.name, "Führerschein");
  assert.equal(service.isFocus, true);
  assert.ok(service.ressort && service.ressortName && service.ressortName.length > service.ressort.length, "the Ressort's full name");
  assert.ok(service.leikaServices.length >= 3);
  assert.ok(service.leikaServices.some((leika) => leika.leikaKey === "99023001000000" && leika.legalBasis?.includes("[http://www.gesetze-im-internet.de/fev_2010/")));
  assert.ok(service.history.length >= 1);
  const times = service.history.map((entry) => entry.changedAt.getTime());
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
  const first = service.history.at(-1)!;
  assert.match(first.fileName ?? "", /^Nachnutzungsuebersicht_\d{4}-\d{2}\.csv$/);
  assert.ok(first.changedBy);
  assert.ok(first.changes.some((change) => change.field === "phase" && change.oldValue === null && change.label === "Phase"));
  // the last recorded phase is the current one
  const lastPhase = service.history.flatMap((entry) => entry.changes).find((change) => change.field === "phase");
  assert.equal(lastPhase?.newValue, ozgPhaseInfo[service.phase].label);
});

test("[ozg] detail: unknown or malformed IDs are not found; signed out only when public", async () => {
  for (const ozgId of ["99999999", "'; DROP TABLE", "", "../../etc", "x".repeat(500), "10169 "]) {
    await rejectsWithAppError(() => getOzgService(participant, ozgId), "NOT_FOUND", OZG_SERVICE_NOT_FOUND);
  }
  await rejectsWithAppError(() => getOzgService(null, "10169"), "UNAUTHORIZED");
  await setPublic(true);
  try {
    const open = await getOzgService(null, "10169");
    assert.equal(open.name, "Führerschein");
    assert.equal(open.threads, null, "visitors see no threads");
    assert.equal(open.spotlights, null, "visitors see no spotlights");
    assert.equal(open.isFollowing, null);
    assert.ok(open.history.length >= 1);
    for (const entry of open.history) {
      assert.equal(entry.changedBy, null, "visitors do not see who imported");
      assert.equal(entry.fileName, null, "visitors do not see the file's name");
      assert.ok(entry.changedAt instanceof Date, "but when");
      assert.ok(entry.changes.length >= 1);
    }
    assert.ok(open.history.some((entry) => entry.isImport));
    // signed in, the same service still names them
    const signedIn = await getOzgService(reader, "10169");
    assert.ok(signedIn.history.some((entry) => entry.fileName && entry.changedBy));
  } finally {
    await setPublic(false);
  }
});

test("[ozg] detail: participants see linked threads and spotlights; readers only public spotlights", async () => {
  const thread = await makeThread(participant, { title: "Führerschein online beantragen" });
  await linkOzgServiceToThread(participant, { threadId: thread.id, ozgId: "10169" });
  const proposed = await makeSpotlight(participant, { title: "Führerschein-Vorschlag" });
  const promoted = await makeSpotlight(participant, { title: "Führerschein-Spotlight", status: "PROMOTED" });
  await linkOzgServiceToSpotlight(participant, { spotlightId: proposed.id, ozgId: "10169" });
  await linkOzgServiceToSpotlight(participant, { spotlightId: promoted.id, ozgId: "10169" });

  const asParticipant = await getOzgService(participant2, "10169");
  assert.ok(asParticipant.threads?.some((linked) => linked.id === thread.id && linked.groupSlug === "technik"));
  assert.deepEqual(new Set(asParticipant.spotlights?.filter((s) => [proposed.id, promoted.id].includes(s.id)).map((s) => s.id)), new Set([proposed.id, promoted.id]));

  const asReader = await getOzgService(reader, "10169");
  assert.equal(asReader.threads, null);
  assert.ok(asReader.spotlights?.some((s) => s.id === promoted.id));
  assert.ok(!asReader.spotlights?.some((s) => s.id === proposed.id), "a proposal is not the reader's");
});

test("[ozg] follow and unfollow: readers too, twice is fine, unknown services and signed out refused", async () => {
  const where = { ozgId_userId: { ozgId: "10000", userId: reader.id } };
  assert.deepEqual(await followOzgService(reader, { ozgId: "10000" }), { ozgId: "10000", isFollowing: true });
  assert.deepEqual(await followOzgService(reader, { ozgId: "10000" }), { ozgId: "10000", isFollowing: true });
  assert.ok(await db().ozgServiceFollower.findUnique({ where }));
  assert.equal((await getOzgService(reader, "10000")).isFollowing, true);
  assert.deepEqual(await unfollowOzgService(reader, { ozgId: "10000" }), { ozgId: "10000", isFollowing: false });
  assert.deepEqual(await unfollowOzgService(reader, { ozgId: "10000" }), { ozgId: "10000", isFollowing: false });
  assert.equal(await db().ozgServiceFollower.findUnique({ where }), null);
  // someone else's follow stays
  assert.equal((await getOzgService(participant2, "10169")).isFollowing, true);
  await unfollowOzgService(moderator, { ozgId: "10169" });
  assert.equal((await getOzgService(participant2, "10169")).isFollowing, true);

  const before = await db().ozgServiceFollower.count();
  await rejectsWithAppError(() => followOzgService(reader, { ozgId: "99999999" }), "NOT_FOUND", OZG_SERVICE_NOT_FOUND);
  await rejectsWithZodMessage(() => followOzgService(reader, { ozgId: "<script>" }), "Diese OZG-ID gibt es nicht.");
  await rejectsWithAppError(() => followOzgService(null, { ozgId: "10000" }), "UNAUTHORIZED");
  await rejectsWithAppError(() => unfollowOzgService(null, { ozgId: "10000" }), "UNAUTHORIZED");
  assert.equal(await db().ozgServiceFollower.count(), before);
});
