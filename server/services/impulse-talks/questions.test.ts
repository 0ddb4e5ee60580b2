import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import type { Actor } from "../../auth/policy";
import { db } from "../../db";
import type { EventPayload } from "../../realtime/events";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makeImpulseTalk } from "../../test/factories";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { answerQuestion } from "./answer-question";
import { askQuestion } from "./ask-question";
import { hideQuestion, unhideQuestion } from "./hide-question";
import { listTalkQuestions, myQuestionVotes } from "./list-questions";
import { mergeQuestion } from "./merge-question";
import { unvoteQuestion, voteQuestion } from "./vote-question";
import { withdrawQuestion } from "./withdraw-question";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;

const ask = (actor: Actor, talkId: string, body = `Frage ${randomUUID().slice(0, 6)}?`, id = randomUUID()) =>
  askQuestion(actor, { id, talkId, body }).then(({ result }) => result);

/** The talk's questions and votes as stored, to prove a refusal changed nothing. */
async function snapshot(talkId: string) {
  const questions = await db().impulseQuestion.findMany({ where: { talkId }, orderBy: { id: "asc" }, select: { id: true, status: true, voteCount: true, answer: true, hiddenReason: true, mergedIntoId: true } });
  const votes = await db().impulseQuestionVote.findMany({ where: { question: { talkId } }, orderBy: [{ questionId: "asc" }, { userId: "asc" }], select: { questionId: true, userId: true } });
  return { questions, votes };
}

async function unchangedAfter(talkId: string, refused: () => Promise<unknown>) {
  const before = await snapshot(talkId);
  await refused();
  assert.deepEqual(await snapshot(talkId), before);
}

test("[impulse] a participant asks: the question is open, the asker follows the talk, a retried send asks once", async () => {
  const talk = await makeImpulseTalk(moderator);
  const id = randomUUID();
  const { result, events } = await askQuestion(participant, { id, talkId: talk.id, body: "  Wie lange hat die Einführung gedauert?  " });
  assert.equal(result.body, "Wie lange hat die Einführung gedauert?");
  assert.equal(result.status, "OPEN");
  assert.equal(result.voteCount, 0);
  assert.deepEqual(
    events.map((e) => `${e.room} ${e.name}`),
    [`impulse-questions:moderation:${talk.id} impulse.question`, `impulse-questions:participant:${talk.id} impulse.question`],
    "readers see only answered questions",
  );
  const follower = await db().impulseTalkFollower.findUnique({ where: { talkId_userId: { talkId: talk.id, userId: participant.id } } });
  assert.ok(follower, "asking follows the talk");

  const again = await askQuestion(participant, { id, talkId: talk.id, body: "Wie lange hat die Einführung gedauert?" });
  assert.equal(again.result.id, id);
  assert.deepEqual(again.events, []);
  assert.equal(await db().impulseQuestion.count({ where: { talkId: talk.id } }), 1);
  // a second question keeps the one follower row
  await ask(participant, talk.id);
  assert.equal(await db().impulseTalkFollower.count({ where: { talkId: talk.id } }), 1);
  // someone else's client id is not theirs to replay
  await rejectsWithAppError(() => askQuestion(participant2, { id, talkId: talk.id, body: "Fremde Kennung" }), "CONFLICT");
});

test("[impulse] asking is refused: readers, a 10,000-character or empty question, after the end, on a cancelled talk, an unknown talk", async () => {
  const talk = await makeImpulseTalk(moderator);
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => askQuestion(reader, { id: randomUUID(), talkId: talk.id, body: "Darf ich?" }), "FORBIDDEN"));
  await unchangedAfter(talk.id, () =>
    rejectsWithZodMessage(() => askQuestion(participant, { id: randomUUID(), talkId: talk.id, body: "x".repeat(10_000) }), "Eine Frage darf höchstens 1.000 Zeichen lang sein."),
  );
  await unchangedAfter(talk.id, () => rejectsWithZodMessage(() => askQuestion(participant, { id: randomUUID(), talkId: talk.id, body: "   " }), "Bitte geben Sie eine Frage ein."));
  await unchangedAfter(talk.id, () =>
    rejectsWithZodMessage(() => askQuestion(participant, { id: randomUUID(), talkId: talk.id, body: "\u200b\u200d\u2060 \u00ad" }), "Bitte geben Sie eine Frage ein."),
  );

  const past = await makeImpulseTalk(moderator, { startsInHours: -3 });
  await unchangedAfter(past.id, () =>
    rejectsWithAppError(() => askQuestion(participant, { id: randomUUID(), talkId: past.id, body: "Zu spät?" }), "QUESTIONS_CLOSED", "Dieser Impulsvortrag ist vorbei: Fragen und Stimmen sind nicht mehr möglich."),
  );
  const cancelled = await makeImpulseTalk(moderator, { cancelled: true });
  await unchangedAfter(cancelled.id, () => rejectsWithAppError(() => askQuestion(participant, { id: randomUUID(), talkId: cancelled.id, body: "Abgesagt?" }), "TALK_CANCELLED"));
  await rejectsWithAppError(() => askQuestion(participant, { id: randomUUID(), talkId: randomUUID(), body: "Wo?" }), "NOT_FOUND");
  assert.equal(await db().impulseTalkFollower.count({ where: { talkId: { in: [past.id, cancelled.id] } } }), 0, "a refused question follows nothing");
});

test("[impulse] during the talk questions are still open", async () => {
  const running = await makeImpulseTalk(moderator, { startsInHours: -0.5 });
  const question = await ask(participant, running.id);
  assert.equal(question.status, "OPEN");
});

test("[impulse] votes: once per person, revocable, never for one's own question, counted equal to the vote rows", async () => {
  const talk = await makeImpulseTalk(moderator);
  const question = await ask(participant, talk.id);
  const { result } = await voteQuestion(participant2, { questionId: question.id });
  assert.equal(result.voteCount, 1);
  assert.deepEqual(await myQuestionVotes(participant2, talk.id), [question.id]);

  await unchangedAfter(talk.id, () => rejectsWithAppError(() => voteQuestion(participant2, { questionId: question.id }), "ALREADY_VOTED", "Sie haben für diese Frage bereits gestimmt."));
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => voteQuestion(participant, { questionId: question.id }), "OWN_QUESTION"));
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => voteQuestion(reader, { questionId: question.id }), "FORBIDDEN"));
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => unvoteQuestion(moderator, { questionId: question.id }), "NOT_VOTED"));
  await rejectsWithAppError(() => voteQuestion(participant2, { questionId: randomUUID() }), "NOT_FOUND");

  // two tabs at the same moment: one vote
  const third = await createTestUser("PARTICIPANT");
  const settled = await Promise.allSettled([voteQuestion(third, { questionId: question.id }), voteQuestion(third, { questionId: question.id })]);
  assert.deepEqual(settled.map((s) => s.status).sort(), ["fulfilled", "rejected"]);
  const stored = await db().impulseQuestion.findUniqueOrThrow({ where: { id: question.id }, select: { voteCount: true, _count: { select: { votes: true } } } });
  assert.equal(stored.voteCount, 2);
  assert.equal(stored._count.votes, 2);

  const withdrawn = await unvoteQuestion(participant2, { questionId: question.id });
  assert.equal(withdrawn.result.voteCount, 1);
  assert.deepEqual(await myQuestionVotes(participant2, talk.id), []);
});

test("[impulse] the list sorts by votes; an answered question takes no more votes; after the talk voting is closed", async () => {
  const talk = await makeImpulseTalk(moderator);
  const first = await ask(participant, talk.id, "Erste Frage?");
  const second = await ask(participant, talk.id, "Zweite Frage?");
  await voteQuestion(participant2, { questionId: second.id });
  assert.deepEqual((await listTalkQuestions(participant2, talk.id)).map((q) => q.body), ["Zweite Frage?", "Erste Frage?"]);
  await answerQuestion(moderator, { questionId: second.id });
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => unvoteQuestion(participant2, { questionId: second.id }), "QUESTION_NOT_OPEN"));
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => voteQuestion(moderator, { questionId: second.id }), "QUESTION_NOT_OPEN"));

  await db().impulseTalk.update({ where: { id: talk.id }, data: { startsAt: new Date(Date.now() - 7_200_000), endsAt: new Date(Date.now() - 3_600_000) } });
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => voteQuestion(participant2, { questionId: first.id }), "QUESTIONS_CLOSED"));
});

test("[impulse] moderation answers with a text: the asker and the askers of merged duplicates are notified, audited; others cannot", async () => {
  const talk = await makeImpulseTalk(moderator, { title: "Vortrag mit Antwort" });
  const kept = await ask(participant, talk.id, "Gibt es den Quellcode?");
  const duplicate = await ask(participant2, talk.id, "Ist das Open Source?");
  await mergeQuestion(moderator, { questionId: duplicate.id, intoQuestionId: kept.id });

  await unchangedAfter(talk.id, () => rejectsWithAppError(() => answerQuestion(participant, { questionId: kept.id, answer: "Ja" }), "FORBIDDEN"));
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => answerQuestion(reader, { questionId: kept.id }), "FORBIDDEN"));
  await unchangedAfter(talk.id, () =>
    rejectsWithZodMessage(() => answerQuestion(moderator, { questionId: kept.id, answer: "a".repeat(5_001) }), "Die Antwort darf höchstens 5.000 Zeichen lang sein."),
  );

  const { result, events } = await answerQuestion(moderator, { questionId: kept.id, answer: "Ja, auf OpenCoDE." });
  assert.equal(result.status, "ANSWERED");
  assert.equal(result.answer, "Ja, auf OpenCoDE.");
  assert.equal(result.answeredBy?.id, moderator.id);
  const notified = events.filter((e) => e.name === "notification.created").map((e) => e.room).sort();
  assert.deepEqual(notified, [`user:${participant.id}`, `user:${participant2.id}`].sort());
  const notification = await db().notification.findFirstOrThrow({ where: { recipientId: participant.id, kind: "IMPULSE_QUESTION_ANSWERED" }, orderBy: { createdAt: "desc" } });
  assert.equal(notification.title, "Vortrag mit Antwort");
  assert.match(notification.excerpt, /OpenCoDE/);
  assert.equal(notification.link, `/impulse/${talk.id}#frage-${kept.id}`);
  // the answered question reaches readers now
  assert.ok(events.some((e) => e.room === `impulse-questions:reader:${talk.id}` && e.name === "impulse.question"));
  assert.deepEqual((await listTalkQuestions(reader, talk.id)).map((q) => q.id), [kept.id]);
  const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "impulse.question.answer", subjectId: kept.id } });
  assert.equal(audit.actorId, moderator.id);

  // without a text it is just marked answered; changing an answer notifies nobody again
  const plain = await ask(participant, talk.id);
  assert.equal((await answerQuestion(moderator, { questionId: plain.id, answer: "" })).result.answer, null);
  const edited = await answerQuestion(moderator, { questionId: kept.id, answer: "Ja, auf OpenCoDE, seit Mai." });
  assert.equal(edited.result.answer, "Ja, auf OpenCoDE, seit Mai.");
  assert.ok(!edited.events.some((e) => e.name === "notification.created"));
});

test("[impulse] hiding needs a reason that only moderation sees; participants and readers lose the question; unhide restores it", async () => {
  const talk = await makeImpulseTalk(moderator);
  const question = await ask(participant, talk.id, "Eine unpassende Frage");
  await unchangedAfter(talk.id, () => rejectsWithZodMessage(() => hideQuestion(moderator, { questionId: question.id, reason: " " }), "Bitte geben Sie einen Grund ein."));
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => hideQuestion(participant2, { questionId: question.id, reason: "Weg damit" }), "FORBIDDEN"));

  const { result, events } = await hideQuestion(moderator, { questionId: question.id, reason: "Persönliche Daten" });
  assert.equal(result.status, "HIDDEN");
  assert.equal(result.hiddenReason, "Persönliche Daten");
  assert.deepEqual(
    events.map((e) => `${e.room.split(":")[1]} ${e.name}`),
    ["moderation impulse.question", "participant impulse.questionRemoved"],
  );
  assert.deepEqual(await listTalkQuestions(participant2, talk.id), []);
  assert.equal((await listTalkQuestions(moderator, talk.id))[0]?.hiddenReason, "Persönliche Daten");
  await rejectsWithAppError(() => voteQuestion(participant2, { questionId: question.id }), "NOT_FOUND");
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => hideQuestion(moderator, { questionId: question.id, reason: "Nochmal" }), "CONFLICT"));
  assert.ok(await db().auditEntry.findFirst({ where: { action: "impulse.question.hide", subjectId: question.id } }));

  const shown = await unhideQuestion(moderator, { questionId: question.id });
  assert.equal(shown.result.status, "OPEN");
  assert.equal(shown.result.hiddenReason, null);
  assert.deepEqual((await listTalkQuestions(participant2, talk.id)).map((q) => q.id), [question.id]);
  await rejectsWithAppError(() => unhideQuestion(moderator, { questionId: question.id }), "CONFLICT");
  assert.ok(await db().auditEntry.findFirst({ where: { action: "impulse.question.unhide", subjectId: question.id } }));

  // an answered question hidden and shown again is answered again
  await answerQuestion(moderator, { questionId: question.id, answer: "Antwort" });
  await hideQuestion(moderator, { questionId: question.id, reason: "Doch nicht" });
  assert.equal((await unhideQuestion(moderator, { questionId: question.id })).result.status, "ANSWERED");
});

test("[impulse] merging: the duplicate's voters and asker vote for the kept question, once each, never its own asker", async () => {
  const talk = await makeImpulseTalk(moderator);
  const [a, b, c] = [participant, participant2, await createTestUser("PARTICIPANT")];
  const d = await createTestUser("PARTICIPANT");
  const kept = await ask(a, talk.id, "Wie wird das finanziert?");
  const duplicate = await ask(b, talk.id, "Wer bezahlt das?");
  // c votes for both, a (the kept one's asker) votes for the duplicate, d only for the duplicate
  await voteQuestion(c, { questionId: kept.id });
  await voteQuestion(c, { questionId: duplicate.id });
  await voteQuestion(a, { questionId: duplicate.id });
  await voteQuestion(d, { questionId: duplicate.id });

  await unchangedAfter(talk.id, () => rejectsWithAppError(() => mergeQuestion(participant, { questionId: duplicate.id, intoQuestionId: kept.id }), "FORBIDDEN"));
  await unchangedAfter(talk.id, () =>
    rejectsWithZodMessage(() => mergeQuestion(moderator, { questionId: kept.id, intoQuestionId: kept.id }), "Eine Frage kann nicht mit sich selbst zusammengeführt werden."),
  );

  const { result, events } = await mergeQuestion(moderator, { questionId: duplicate.id, intoQuestionId: kept.id });
  // c once, d, and b (the duplicate's asker); not a
  assert.equal(result.voteCount, 3);
  assert.deepEqual(result.duplicates.map((q) => q.id), [duplicate.id]);
  const voters = await db().impulseQuestionVote.findMany({ where: { questionId: kept.id }, select: { userId: true } });
  assert.deepEqual(voters.map((v) => v.userId).sort(), [b.id, c.id, d.id].sort());
  const merged = await db().impulseQuestion.findUniqueOrThrow({ where: { id: duplicate.id }, select: { status: true, mergedIntoId: true, voteCount: true, _count: { select: { votes: true } } } });
  assert.deepEqual(merged, { status: "MERGED", mergedIntoId: kept.id, voteCount: 0, _count: { votes: 0 } });
  assert.ok(events.some((e) => e.room === `impulse-questions:participant:${talk.id}` && e.name === "impulse.questionRemoved"));
  assert.deepEqual((await listTalkQuestions(c, talk.id)).map((q) => q.id), [kept.id]);
  assert.ok(await db().auditEntry.findFirst({ where: { action: "impulse.question.merge", subjectId: duplicate.id } }));
  // b now counts as a voter of the kept question and may withdraw
  assert.equal((await unvoteQuestion(b, { questionId: kept.id })).result.voteCount, 2);

  // a merged question is merged for good; the kept one may itself be folded into a third, with its duplicates
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => mergeQuestion(moderator, { questionId: duplicate.id, intoQuestionId: kept.id }), "CONFLICT"));
  const third = await ask(d, talk.id, "Finanzierung?");
  const folded = await mergeQuestion(moderator, { questionId: kept.id, intoQuestionId: third.id });
  assert.deepEqual(folded.result.duplicates.map((q) => q.id).sort(), [kept.id, duplicate.id].sort());
  // a (asker of kept) and c joined; d asked the third one and left; b withdrew
  const thirdVoters = await db().impulseQuestionVote.findMany({ where: { questionId: third.id }, select: { userId: true } });
  assert.deepEqual(thirdVoters.map((v) => v.userId).sort(), [a.id, c.id].sort());
  assert.equal(folded.result.voteCount, 2);

  const otherTalk = await makeImpulseTalk(moderator);
  const elsewhere = await ask(a, otherTalk.id);
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => mergeQuestion(moderator, { questionId: elsewhere.id, intoQuestionId: third.id }), "BAD_INPUT"));
});

test("[impulse] the events of a vote carry the new count", async () => {
  const talk = await makeImpulseTalk(moderator);
  const question = await ask(participant, talk.id);
  const { events } = await voteQuestion(participant2, { questionId: question.id });
  for (const e of events) assert.equal((e.payload as EventPayload<"impulse.question">).question.voteCount, 1);
});

test("[impulse] the asker withdraws an open question with its votes; every view loses it; nobody else can, nor after an answer or a merge into it", async () => {
  const talk = await makeImpulseTalk(moderator);
  const question = await ask(participant, talk.id);
  await voteQuestion(participant2, { questionId: question.id });

  await unchangedAfter(talk.id, () => rejectsWithAppError(() => withdrawQuestion(participant2, { questionId: question.id }), "FORBIDDEN"));
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => withdrawQuestion(moderator, { questionId: question.id }), "FORBIDDEN"));
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => withdrawQuestion(reader, { questionId: question.id }), "FORBIDDEN"));
  await rejectsWithAppError(() => withdrawQuestion(participant, { questionId: randomUUID() }), "NOT_FOUND", "Diese Frage gibt es nicht.");

  const { result, events } = await withdrawQuestion(participant, { questionId: question.id });
  assert.deepEqual(result, { questionId: question.id });
  assert.deepEqual(
    events.map((sent) => [sent.room, sent.name]).sort(),
    [
      [`impulse-questions:moderation:${talk.id}`, "impulse.questionRemoved"],
      [`impulse-questions:participant:${talk.id}`, "impulse.questionRemoved"],
    ],
  );
  assert.deepEqual(await snapshot(talk.id), { questions: [], votes: [] });

  const answered = await ask(participant, talk.id);
  await answerQuestion(moderator, { questionId: answered.id, answer: null });
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => withdrawQuestion(participant, { questionId: answered.id }), "QUESTION_NOT_OPEN"));

  const kept = await ask(participant, talk.id);
  const duplicate = await ask(participant2, talk.id);
  await mergeQuestion(moderator, { questionId: duplicate.id, intoQuestionId: kept.id });
  await unchangedAfter(talk.id, () => rejectsWithAppError(() => withdrawQuestion(participant, { questionId: kept.id }), "CONFLICT"));
});
