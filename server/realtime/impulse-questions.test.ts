import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import type { Actor } from "../auth/policy";
import { appRouter } from "../routers/_app";
import type { ImpulseQuestionDto } from "../services/impulse-talks/dto";
import { makeImpulseTalk } from "../test/factories";
import { call, socketTestServer, type ClientSocket } from "../test/socket-harness";
import { openTestDatabase } from "../test/test-db";

const { openAs } = socketTestServer();
const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;

type Received = { name: "impulse.question"; question: ImpulseQuestionDto } | { name: "impulse.questionRemoved"; questionId: string };

/** A signed-in socket watching a talk, with what it receives about its questions. */
async function watcher(actor: Actor, talkId: string): Promise<{ socket: ClientSocket; received: Received[]; initial: ImpulseQuestionDto[]; settle(): Promise<void> }> {
  const socket = await openAs(actor);
  const received: Received[] = [];
  socket.on("impulse.question", ({ question }) => received.push({ name: "impulse.question", question }));
  socket.on("impulse.questionRemoved", ({ questionId }) => received.push({ name: "impulse.questionRemoved", questionId }));
  const watch = () => call<{ questions: ImpulseQuestionDto[] }>(socket, "impulse.watch", { talkId });
  const first = await watch();
  assert.ok(first.ok);
  // one socket's packets arrive in order: once this answer is back, every earlier event is too
  return { socket, received, initial: first.data.questions, settle: async () => void (await watch()) };
}

const talkCalls = (actor: Actor) => appRouter.createCaller({ actor }).impulseTalk;

test("[impulse/socket] each view gets what it may see: readers only answered questions, participants never the reason for hiding", async () => {
  const talk = await makeImpulseTalk(moderator);
  const early = await talkCalls(participant).ask({ id: randomUUID(), talkId: talk.id, body: "Schon vorher da?" });
  const [mod, part, read] = await Promise.all([watcher(moderator, talk.id), watcher(participant2, talk.id), watcher(reader, talk.id)]);
  assert.deepEqual(read.initial, [], "the reader's first load has no open question");
  assert.deepEqual(part.initial.map((q) => q.id), [early.id]);
  const settle = () => Promise.all([mod.settle(), part.settle(), read.settle()]);

  const asked = await talkCalls(participant).ask({ id: randomUUID(), talkId: talk.id, body: "Eine offene Frage?" });
  await talkCalls(participant2).vote({ questionId: asked.id });
  await talkCalls(moderator).hide({ questionId: early.id, reason: "Vertraulicher Grund" });
  await settle();

  assert.deepEqual(
    part.received.map((r) => (r.name === "impulse.question" ? `${r.question.id === asked.id ? "asked" : "early"} ${r.question.voteCount}` : `removed ${r.questionId === early.id ? "early" : "?"}`)),
    ["asked 0", "asked 1", "removed early"],
  );
  assert.deepEqual(
    mod.received.map((r) => r.name === "impulse.question" && `${r.question.status} ${r.question.hiddenReason ?? "-"}`),
    ["OPEN -", "OPEN -", "HIDDEN Vertraulicher Grund"],
  );
  assert.deepEqual(read.received, [], "the reader hears nothing of open or hidden questions");
  assert.ok(!JSON.stringify(part.received).includes("Vertraulicher Grund"), "participants never get the reason");

  // answered: now the reader gets it; hidden again: the reader loses it, still without the reason
  await talkCalls(moderator).answer({ questionId: asked.id, answer: "Ja." });
  await settle();
  assert.deepEqual((read.received as Received[]).map((r) => r.name === "impulse.question" && [r.question.id, r.question.status, r.question.answer]), [[asked.id, "ANSWERED", "Ja."]]);
  await talkCalls(moderator).hide({ questionId: asked.id, reason: "Noch ein Grund" });
  await settle();
  assert.deepEqual((read.received as Received[]).slice(1), [{ name: "impulse.questionRemoved", questionId: asked.id }]);
  assert.ok(!JSON.stringify([...(read.received as Received[]), ...part.received]).includes("Noch ein Grund"));
  assert.equal(part.received.at(-1)?.name, "impulse.questionRemoved");

  // merging: the duplicate leaves the participants' list, the kept one arrives with its votes
  const kept = await talkCalls(participant).ask({ id: randomUUID(), talkId: talk.id, body: "Behalten?" });
  const duplicate = await talkCalls(participant2).ask({ id: randomUUID(), talkId: talk.id, body: "Doppelt?" });
  await settle();
  part.received.length = 0;
  await talkCalls(moderator).merge({ questionId: duplicate.id, intoQuestionId: kept.id });
  await settle();
  assert.deepEqual(
    part.received.map((r) => (r.name === "impulse.question" ? `${r.question.id === kept.id ? "kept" : "?"} ${r.question.voteCount} ${r.question.duplicates.length}` : `removed ${r.questionId === duplicate.id ? "duplicate" : "?"}`)),
    ["removed duplicate", "kept 1 1"],
  );

  // an unwatched talk sends nothing more
  part.socket.emit("impulse.unwatch", { talkId: talk.id });
  await call(part.socket, "impulse.watch", { talkId: randomUUID() });
  part.received.length = 0;
  await talkCalls(participant).ask({ id: randomUUID(), talkId: talk.id, body: "Nach dem Abmelden?" });
  await mod.settle();
  await call(part.socket, "impulse.watch", { talkId: randomUUID() });
  assert.deepEqual(part.received, []);
});
