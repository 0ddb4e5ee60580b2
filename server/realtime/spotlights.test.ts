import assert from "node:assert/strict";
import { test } from "node:test";
import type { Actor } from "../auth/policy";
import { appRouter } from "../routers/_app";
import type { SpotlightDto } from "../services/spotlights/dto";
import { makeSpotlight } from "../test/factories";
import { call, socketTestServer, type ClientSocket } from "../test/socket-harness";
import { openTestDatabase } from "../test/test-db";

const { openAs } = socketTestServer();
const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;

type Received = { name: "spotlight.changed"; spotlight: SpotlightDto } | { name: "spotlight.removed"; spotlightId: string };

/** A signed-in socket watching spotlights, with what it receives about them. */
async function watcher(actor: Actor): Promise<{ socket: ClientSocket; received: Received[]; settle(): Promise<void> }> {
  const socket = await openAs(actor);
  const received: Received[] = [];
  socket.on("spotlight.changed", ({ spotlight }) => received.push({ name: "spotlight.changed", spotlight }));
  socket.on("spotlight.removed", ({ spotlightId }) => received.push({ name: "spotlight.removed", spotlightId }));
  const watch = () => call(socket, "spotlights.watch", {});
  assert.deepEqual(await watch(), { ok: true, data: null });
  // one socket's packets arrive in order: once this answer is back, every earlier event is too
  return { socket, received, settle: async () => void (await watch()) };
}

test("[spotlight/socket] participants get every change in the internal view; readers only public spotlights, in the public view", async () => {
  const spotlight = await makeSpotlight(participant, { title: "Live-Spotlight" });
  const [inside, outside] = await Promise.all([watcher(participant2), watcher(reader)]);
  const settle = () => Promise.all([inside.settle(), outside.settle()]);
  const spotlightCalls = (actor: Actor) => appRouter.createCaller({ actor }).spotlight;

  // a proposal and its review are internal
  await spotlightCalls(participant2).cosign({ spotlightId: spotlight.id });
  await spotlightCalls(moderator).transition({ spotlightId: spotlight.id, fromStatus: "PROPOSED", to: "IN_REVIEW", comment: "Interne Notiz" });
  await settle();
  assert.deepEqual(
    inside.received.map((r) => r.name === "spotlight.changed" && [r.spotlight.status, r.spotlight.cosigningMunicipalities.length, r.spotlight.cosigners.length]),
    [
      ["PROPOSED", 2, 2],
      ["IN_REVIEW", 2, 2],
    ],
  );
  assert.ok(inside.received.every((r) => r.name === "spotlight.changed" && r.spotlight.thread?.id === spotlight.thread!.id), "with the discussion thread");
  assert.deepEqual(outside.received, [], "the reader hears nothing of a proposal under review");

  // promoted: the reader's board gets it, without names, thread or review comments
  await spotlightCalls(moderator).transition({ spotlightId: spotlight.id, fromStatus: "IN_REVIEW", to: "PROMOTED" });
  await settle();
  assert.equal(outside.received.length, 1);
  const seen = outside.received[0] as Received;
  assert.ok(seen.name === "spotlight.changed");
  assert.equal(seen.spotlight.status, "PROMOTED");
  assert.deepEqual(seen.spotlight.cosigningMunicipalities, ["Gemeinde Hohe Börde", "Stadt Wernigerode"]);
  assert.deepEqual(seen.spotlight.cosigners, []);
  assert.equal(seen.spotlight.thread, null);
  assert.equal(seen.spotlight.sourceThread, null);
  assert.ok(!JSON.stringify(seen.spotlight).includes("Interne Notiz"), "the review comment stays internal");
  assert.ok(!JSON.stringify(seen.spotlight).includes(participant2.name), "nor who co-signed");

  // declined after the promotion: it leaves the reader's board
  await spotlightCalls(moderator).transition({ spotlightId: spotlight.id, fromStatus: "PROMOTED", to: "DECLINED", reason: "Doppelt zu S-1" });
  await settle();
  assert.deepEqual((outside.received as Received[]).at(-1), { name: "spotlight.removed", spotlightId: spotlight.id });
  const last = inside.received.at(-1)!;
  assert.ok(last.name === "spotlight.changed" && last.spotlight.declineReason === "Doppelt zu S-1");
});

test("[spotlight/socket] a refused transition or co-signature sends nothing to anyone", async () => {
  const spotlight = await makeSpotlight(participant, { status: "FORWARDED" });
  const [inside, outside] = await Promise.all([watcher(participant2), watcher(reader)]);
  const refusedWith = (appErrorCode: string) => (error: { cause?: { code?: string } }) => error.cause?.code === appErrorCode;
  await assert.rejects(appRouter.createCaller({ actor: participant }).spotlight.withdrawCosign({ spotlightId: spotlight.id }), refusedWith("COSIGN_CLOSED"));
  await assert.rejects(
    appRouter.createCaller({ actor: participant }).spotlight.transition({ spotlightId: spotlight.id, fromStatus: "FORWARDED", to: "ANSWERED", answer: "A", answeredOn: "2026-11-02" }),
    refusedWith("FORBIDDEN"),
  );
  await assert.rejects(
    appRouter.createCaller({ actor: moderator }).spotlight.transition({ spotlightId: spotlight.id, fromStatus: "FORWARDED", to: "CLOSED" }),
    refusedWith("INVALID_TRANSITION"),
  );
  await Promise.all([inside.settle(), outside.settle()]);
  assert.deepEqual(inside.received, []);
  assert.deepEqual(outside.received, []);
});
