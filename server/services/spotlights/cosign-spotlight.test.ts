import assert from "node:assert/strict";
import { test } from "node:test";
import { TRPCError } from "@trpc/server";
import type { Actor } from "../../auth/policy";
import { db } from "../../db";
import type { EventPayload } from "../../realtime/events";
import { appRouter } from "../../routers/_app";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makeSpotlight } from "../../test/factories";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { setThreadSubscription } from "../notifications/thread-subscription";
import { cosignSpotlight, withdrawCosignature } from "./cosign-spotlight";
import { transitionSpotlight } from "./transition-spotlight";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;

const subscriptionOf = (userId: string, threadId: string) =>
  db().threadSubscription.findUnique({ where: { userId_threadId: { userId, threadId } }, select: { level: true } }).then((row) => row?.level ?? null);

async function unchangedAfter(spotlightId: string, refused: () => Promise<unknown>) {
  const count = () => db().spotlightCosignature.findMany({ where: { spotlightId }, orderBy: { userId: "asc" } });
  const before = await count();
  await refused();
  assert.deepEqual(await count(), before);
}

test("[spotlight] a participant of a second municipality co-signs: two municipalities, their name for participants, the events carry it", async () => {
  const spotlight = await makeSpotlight(participant);
  assert.deepEqual(spotlight.cosigningMunicipalities, ["Gemeinde Hohe Börde"], "the proposer co-signs when proposing");

  const { result, events } = await cosignSpotlight(participant2, { spotlightId: spotlight.id });
  assert.deepEqual(result.cosigningMunicipalities, ["Gemeinde Hohe Börde", "Stadt Wernigerode"]);
  assert.deepEqual(
    result.cosigners.map((c) => [c.user.name, c.organisation]),
    [
      [participant.name, "Gemeinde Hohe Börde"],
      [participant2.name, "Stadt Wernigerode"],
    ],
  );
  // a proposal is internal: only the participants' room hears of it
  assert.deepEqual(
    events.map((e) => `${e.room} ${e.name}`),
    ["spotlights spotlight.changed"],
  );
  assert.deepEqual((events[0].payload as EventPayload<"spotlight.changed">).spotlight.cosigningMunicipalities, result.cosigningMunicipalities);
});

test("[spotlight] the figure counts municipalities, not people: two of one municipality count once", async () => {
  const spotlight = await makeSpotlight(participant, { status: "PROMOTED" });
  const first = await createTestUser("PARTICIPANT");
  const second = await createTestUser("PARTICIPANT");
  await cosignSpotlight(first, { spotlightId: spotlight.id });
  const { result, events } = await cosignSpotlight(second, { spotlightId: spotlight.id });
  assert.deepEqual(result.cosigningMunicipalities, ["Gemeinde Hohe Börde", "Testkommune"]);
  assert.equal(result.cosigners.length, 3);
  // promoted: readers get the figure, without the names
  const forReaders = events.find((e) => e.room === "spotlights-public")!.payload as EventPayload<"spotlight.changed">;
  assert.deepEqual(forReaders.spotlight.cosigningMunicipalities, ["Gemeinde Hohe Börde", "Testkommune"]);
  assert.deepEqual(forReaders.spotlight.cosigners, []);

  // one of them withdraws: the municipality still counts through the other
  const withdrawn = await withdrawCosignature(first, { spotlightId: spotlight.id });
  assert.deepEqual(withdrawn.result.cosigningMunicipalities, ["Gemeinde Hohe Börde", "Testkommune"]);
  const again = await withdrawCosignature(second, { spotlightId: spotlight.id });
  assert.deepEqual(again.result.cosigningMunicipalities, ["Gemeinde Hohe Börde"]);
});

test("[spotlight] co-signing twice, withdrawing what was never signed: refused, nothing changes", async () => {
  const spotlight = await makeSpotlight(participant);
  await cosignSpotlight(participant2, { spotlightId: spotlight.id });
  await unchangedAfter(spotlight.id, () =>
    rejectsWithAppError(() => cosignSpotlight(participant2, { spotlightId: spotlight.id }), "ALREADY_COSIGNED", "Sie haben dieses Spotlight bereits mitgezeichnet."),
  );
  await unchangedAfter(spotlight.id, () => rejectsWithAppError(() => cosignSpotlight(participant, { spotlightId: spotlight.id }), "ALREADY_COSIGNED"));
  // two tabs at once: one co-signature
  const other = await makeSpotlight(participant);
  const results = await Promise.allSettled([cosignSpotlight(participant2, { spotlightId: other.id }), cosignSpotlight(participant2, { spotlightId: other.id })]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  assert.equal(await db().spotlightCosignature.count({ where: { spotlightId: other.id, userId: participant2.id } }), 1);

  await withdrawCosignature(participant2, { spotlightId: spotlight.id });
  await unchangedAfter(spotlight.id, () =>
    rejectsWithAppError(() => withdrawCosignature(participant2, { spotlightId: spotlight.id }), "NOT_COSIGNED", "Sie haben dieses Spotlight nicht mitgezeichnet."),
  );
});

test("[spotlight] co-signing and withdrawing end with the forwarding (and a decline)", async () => {
  const spotlight = await makeSpotlight(participant, { status: "PROMOTED" });
  await cosignSpotlight(participant2, { spotlightId: spotlight.id });
  await transitionSpotlight(moderator, {
    spotlightId: spotlight.id,
    fromStatus: "PROMOTED",
    to: "FORWARDED",
    forwardedTo: "Ministerium für Inneres und Sport",
    forwardedContact: "Referat 14",
    forwardedOn: "2026-11-03",
  });
  const closed = "Mitzeichnen und Zurückziehen sind nur möglich, bis das Spotlight weitergeleitet oder abgelehnt wurde.";
  await unchangedAfter(spotlight.id, () => rejectsWithAppError(() => withdrawCosignature(participant2, { spotlightId: spotlight.id }), "COSIGN_CLOSED", closed));
  const third = await createTestUser("PARTICIPANT");
  await unchangedAfter(spotlight.id, () => rejectsWithAppError(() => cosignSpotlight(third, { spotlightId: spotlight.id }), "COSIGN_CLOSED", closed));
  for (const status of ["ANSWERED", "CLOSED", "DECLINED"] as const) {
    const later = await makeSpotlight(participant, { status });
    await unchangedAfter(later.id, () => rejectsWithAppError(() => cosignSpotlight(participant2, { spotlightId: later.id }), "COSIGN_CLOSED"));
    await unchangedAfter(later.id, () => rejectsWithAppError(() => withdrawCosignature(participant, { spotlightId: later.id }), "COSIGN_CLOSED"));
  }
});

test("[spotlight] co-signing speaks for a municipality: moderation and administration are refused", async () => {
  const spotlight = await makeSpotlight(participant, { status: "PROMOTED" });
  for (const actor of [moderator, admin]) {
    await unchangedAfter(spotlight.id, () => rejectsWithAppError(() => cosignSpotlight(actor, { spotlightId: spotlight.id }), "FORBIDDEN"));
  }
});

test("[spotlight] readers and the signed-out may not co-sign; unknown and malformed ids are refused", async () => {
  const spotlight = await makeSpotlight(participant, { status: "PROMOTED" });
  for (const run of [cosignSpotlight, withdrawCosignature]) {
    await unchangedAfter(spotlight.id, () => rejectsWithAppError(() => run(reader, { spotlightId: spotlight.id }), "FORBIDDEN"));
    await unchangedAfter(spotlight.id, () => rejectsWithAppError(() => run(null, { spotlightId: spotlight.id }), "UNAUTHORIZED"));
    await rejectsWithAppError(() => run(participant2, { spotlightId: "00000000-0000-4000-8000-000000000000" }), "NOT_FOUND", "Dieses Spotlight gibt es nicht.");
    await rejectsWithZodMessage(() => run(participant2, { spotlightId: "S-1" }), "Die Kennung ist ungültig.");
  }
});

test("[spotlight] co-signing follows the discussion thread, unless the person already chose", async () => {
  const spotlight = await makeSpotlight(participant);
  const threadId = spotlight.thread!.id;
  const follower = await createTestUser("PARTICIPANT");
  const muter = await createTestUser("PARTICIPANT");
  const unfollower = await createTestUser("PARTICIPANT");
  await setThreadSubscription(muter, { threadId, level: "MUTED" });
  await setThreadSubscription(unfollower, { threadId, level: "NORMAL" });
  for (const person of [follower, muter, unfollower]) await cosignSpotlight(person, { spotlightId: spotlight.id });
  assert.equal(await subscriptionOf(follower.id, threadId), "FOLLOWING");
  assert.equal(await subscriptionOf(muter.id, threadId), "MUTED");
  assert.equal(await subscriptionOf(unfollower.id, threadId), "NORMAL");
  // withdrawing leaves the subscription alone: following is a choice of its own
  await withdrawCosignature(follower, { spotlightId: spotlight.id });
  assert.equal(await subscriptionOf(follower.id, threadId), "FOLLOWING");
});

test("[spotlight] through tRPC: double co-signature and withdrawal after forwarding are CONFLICT with a German message", async () => {
  const call = (actor: Actor | null) => appRouter.createCaller({ actor }).spotlight;
  const spotlight = await makeSpotlight(participant, { status: "FORWARDED" });
  const promoted = await makeSpotlight(participant, { status: "PROMOTED" });
  const refusal = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      assert.ok(error instanceof TRPCError);
      return [error.code, error.message];
    }
    assert.fail("not refused");
  };
  assert.deepEqual(await refusal(() => call(participant).withdrawCosign({ spotlightId: spotlight.id })), [
    "CONFLICT",
    "Mitzeichnen und Zurückziehen sind nur möglich, bis das Spotlight weitergeleitet oder abgelehnt wurde.",
  ]);
  assert.deepEqual(await refusal(() => call(participant).cosign({ spotlightId: promoted.id })), ["CONFLICT", "Sie haben dieses Spotlight bereits mitgezeichnet."]);
  assert.deepEqual(await refusal(() => call(reader).cosign({ spotlightId: promoted.id })), ["FORBIDDEN", "Dafür fehlt Ihnen die Berechtigung."]);
  assert.deepEqual(await refusal(() => call(participant2).withdrawCosign({ spotlightId: promoted.id })), ["CONFLICT", "Sie haben dieses Spotlight nicht mitgezeichnet."]);
  const cosigned = await call(participant2).cosign({ spotlightId: promoted.id });
  assert.equal(cosigned.cosigningMunicipalities.length, 2);
});
