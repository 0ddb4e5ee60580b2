import assert from "node:assert/strict";
import { test } from "node:test";
import { impulseTalkCategories } from "../../schemas/impulse-talk";
import { db } from "../../db";
import { openTestDatabase } from "../../test/test-db";
import { listImpulseTalks, nextImpulseTalk } from "./list-talks";

const { actors } = await openTestDatabase();
const { reader } = actors;

test("[impulse] the demo programme has talks ahead (one within days) and behind, every series, a cancelled one", async () => {
  const upcoming = await listImpulseTalks(reader, { period: "upcoming" });
  const past = await listImpulseTalks(reader, { period: "past" });
  const next = await nextImpulseTalk(reader);
  assert.ok(next, "a talk is ahead");
  assert.ok(new Date(next.startsAt).getTime() - Date.now() < 4 * 86_400_000, "the next talk is within the next days");
  assert.ok(past.length >= 3 && upcoming.length >= 3);
  assert.deepEqual(new Set([...upcoming, ...past].map((talk) => talk.category)), new Set(impulseTalkCategories));
  assert.ok(upcoming.some((talk) => talk.cancelledAt && talk.cancelReason), "a cancelled talk stays listed");
  assert.ok(past.some((talk) => talk.recordingUrl && talk.links.length), "a past talk with recording and materials");
  for (const talk of [...upcoming, ...past]) assert.match(talk.abstractHtml, /^<p>/, `${talk.title}: abstract rendered`);
});

test("[impulse] the demo questions keep their vote counts equal to their votes, duplicates merged into a question of the same talk", async () => {
  const questions = await db().impulseQuestion.findMany({ select: { talkId: true, status: true, voteCount: true, mergedInto: { select: { talkId: true } }, _count: { select: { votes: true } } } });
  assert.ok(questions.length >= 8);
  for (const question of questions) assert.equal(question.voteCount, question._count.votes);
  assert.deepEqual(new Set(questions.map((question) => question.status)), new Set(["OPEN", "ANSWERED", "HIDDEN", "MERGED"]));
  for (const question of questions.filter((q) => q.status === "MERGED")) assert.equal(question.mergedInto?.talkId, question.talkId);
});
