import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { hidePost } from "../posts/hide-post";
import { closeReport } from "./close-report";
import { listReports } from "./list-reports";
import { openReportCount } from "./open-report-count";
import { reportPost } from "./report-post";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;

async function postByParticipant(body = "Ein fragwürdiger Beitrag") {
  const thread = await makeThread(participant, { group: "organisation", title: `Meldungen ${randomUUID().slice(0, 6)}` });
  return makePost(participant, thread.id, body);
}

const reportsOn = (postId: string) => db().report.findMany({ where: { postId } });

test("[report] a participant reports someone else's post; moderation's count and queue get it live", async () => {
  const post = await postByParticipant("Kaufen Sie **jetzt** unsere Software!");
  const before = await openReportCount(moderator);
  const { result, events } = await reportPost(participant2, { postId: post.id, reason: "SPAM", note: "  Werbung\u200B " });
  assert.equal(result.postId, post.id);
  assert.equal(await openReportCount(moderator), before + 1);
  assert.equal(events.length, 1);
  assert.equal(events[0].room, "moderation");
  assert.equal(events[0].name, "reports.changed");
  const payload = events[0].payload as { openCount: number; report: { id: string; note: string; post: { excerpt: string }; reporter: { id: string } } };
  assert.equal(payload.openCount, before + 1);
  assert.equal(payload.report.note, "Werbung");
  assert.equal(payload.report.post.excerpt, "Kaufen Sie jetzt unsere Software!");
  assert.equal(payload.report.reporter.id, participant2.id);
  const queue = await listReports(moderator, { status: "OPEN", page: 100_000 });
  assert.ok(queue.reports.some((r) => r.id === result.id), "the last page holds the newest open report");
});

test("[report] one open report per person and post; a second one says so in German, another person may report too", async () => {
  const post = await postByParticipant();
  await reportPost(participant2, { postId: post.id, reason: "OFFENSIVE" });
  await rejectsWithAppError(
    () => reportPost(participant2, { postId: post.id, reason: "SPAM" }),
    "ALREADY_REPORTED",
    "Sie haben diesen Beitrag bereits gemeldet. Die Moderation prüft Ihre Meldung noch.",
  );
  // two sends racing: exactly one is stored
  const other = await postByParticipant();
  const results = await Promise.allSettled([
    reportPost(participant2, { postId: other.id, reason: "SPAM" }),
    reportPost(participant2, { postId: other.id, reason: "SPAM" }),
  ]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  assert.equal((await reportsOn(other.id)).length, 1);
  await reportPost(moderator, { postId: post.id, reason: "OFFENSIVE" });
  assert.equal((await reportsOn(post.id)).length, 2);
});

test("[report] once closed, the same person may report the post again, and hears about each outcome", async () => {
  const post = await postByParticipant();
  const first = await reportPost(participant2, { postId: post.id, reason: "OFF_TOPIC" });
  await closeReport(moderator, { reportId: first.result.id, outcome: "NO_VIOLATION" });
  const second = await reportPost(participant2, { postId: post.id, reason: "OFF_TOPIC", note: "Schon wieder" });
  assert.equal((await reportsOn(post.id)).length, 2);
  const { events } = await closeReport(moderator, { reportId: second.result.id, outcome: "RESOLVED_OTHERWISE" });
  assert.ok(events.some((e) => e.name === "notification.created"));
  const outcomes = await db().notification.findMany({ where: { recipientId: participant2.id, kind: "REPORT_OUTCOME", link: `/beitraege/${post.id}` } });
  assert.equal(outcomes.length, 2);
});

test("[report] own posts, readers, signed-out callers and unreadable posts are refused; nothing is stored", async () => {
  const post = await postByParticipant();
  await rejectsWithAppError(() => reportPost(participant, { postId: post.id, reason: "SPAM" }), "OWN_POST", "Eigene Beiträge können Sie nicht melden. Sie können sie stattdessen bearbeiten.");
  await rejectsWithAppError(() => reportPost(reader, { postId: post.id, reason: "SPAM" }), "FORBIDDEN");
  await rejectsWithAppError(() => reportPost(null, { postId: post.id, reason: "SPAM" }), "UNAUTHORIZED");
  await rejectsWithAppError(() => reportPost(participant2, { postId: randomUUID(), reason: "SPAM" }), "NOT_FOUND", "Diesen Beitrag gibt es nicht (mehr).");
  assert.deepEqual(await reportsOn(post.id), []);
});

test("[report] bad input gets a German message: no reason, unknown reason, Sonstiges without words, too long a note", async () => {
  const post = await postByParticipant();
  await rejectsWithZodMessage(() => reportPost(participant2, { postId: post.id }), "Bitte wählen Sie einen Grund für die Meldung.");
  await rejectsWithZodMessage(() => reportPost(participant2, { postId: post.id, reason: "BORING" }), "Bitte wählen Sie einen Grund für die Meldung.");
  await rejectsWithZodMessage(
    () => reportPost(participant2, { postId: post.id, reason: "OTHER", note: "\u200B\u2060" }),
    "Bitte beschreiben Sie bei „Sonstiges“ kurz, was an dem Beitrag nicht in Ordnung ist.",
  );
  await rejectsWithZodMessage(
    () => reportPost(participant2, { postId: post.id, reason: "SPAM", note: "W".repeat(1001) }),
    "Die Erläuterung darf höchstens 1.000 Zeichen lang sein.",
  );
  await rejectsWithZodMessage(() => reportPost(participant2, { postId: "nicht-da", reason: "SPAM" }), "Die Kennung ist ungültig.");
  assert.deepEqual(await reportsOn(post.id), []);
});

test("[report] moderation closes a report with an outcome: audited, live, moved from open to done", async () => {
  const post = await postByParticipant();
  const { result: filed } = await reportPost(participant2, { postId: post.id, reason: "PERSONAL_DATA", note: "Telefonnummer" });
  const openBefore = await openReportCount(admin);
  const { result, events } = await closeReport(moderator, { reportId: filed.id, outcome: "POST_HIDDEN", outcomeNote: "Nummer entfernt" });
  assert.equal(result.outcome, "POST_HIDDEN");
  assert.equal(result.outcomeNote, "Nummer entfernt");
  assert.equal(result.closedBy?.id, moderator.id);
  assert.ok(result.closedAt);
  assert.equal(await openReportCount(admin), openBefore - 1);
  const reportEvent = events.find((e) => e.name === "reports.changed");
  assert.equal((reportEvent?.payload as { openCount: number }).openCount, openBefore - 1);
  const done = await listReports(moderator, { status: "DONE" });
  assert.equal(done.reports[0].id, filed.id, "the latest closed report comes first");
  const notified = events.find((e) => e.name === "notification.created");
  assert.equal(notified?.room, `user:${participant2.id}`, "the reporter is told");
  const [notification] = await db().notification.findMany({ where: { recipientId: participant2.id, kind: "REPORT_OUTCOME", link: `/beitraege/${post.id}` } });
  assert.equal(notification.excerpt, "Ergebnis: Beitrag ausgeblendet – Nummer entfernt");
  assert.equal(notification.actorId, moderator.id);
  const [entry] = await db().auditEntry.findMany({ where: { action: "report.close", subjectId: post.id } });
  assert.equal(entry.actorId, moderator.id);
  assert.deepEqual(entry.details, { reportId: filed.id, reason: "PERSONAL_DATA", outcome: "POST_HIDDEN", outcomeNote: "Nummer entfernt" });
});

test("[report] closing is refused below moderation, twice, without an outcome or for an unknown report", async () => {
  const post = await postByParticipant();
  const { result: filed } = await reportPost(participant2, { postId: post.id, reason: "SPAM" });
  await rejectsWithAppError(() => closeReport(participant2, { reportId: filed.id, outcome: "NO_VIOLATION" }), "FORBIDDEN");
  await rejectsWithAppError(() => closeReport(participant, { reportId: filed.id, outcome: "NO_VIOLATION" }), "FORBIDDEN");
  await rejectsWithAppError(() => closeReport(reader, { reportId: filed.id, outcome: "NO_VIOLATION" }), "FORBIDDEN");
  await rejectsWithAppError(() => closeReport(null, { reportId: filed.id, outcome: "NO_VIOLATION" }), "UNAUTHORIZED");
  await rejectsWithZodMessage(() => closeReport(moderator, { reportId: filed.id }), "Bitte wählen Sie ein Ergebnis.");
  await rejectsWithAppError(() => closeReport(moderator, { reportId: randomUUID(), outcome: "NO_VIOLATION" }), "NOT_FOUND", "Diese Meldung gibt es nicht.");
  assert.equal((await db().report.findUniqueOrThrow({ where: { id: filed.id } })).closedAt, null);
  await closeReport(moderator, { reportId: filed.id, outcome: "RESOLVED_OTHERWISE" });
  await rejectsWithAppError(() => closeReport(admin, { reportId: filed.id, outcome: "NO_VIOLATION" }), "REPORT_CLOSED", "Diese Meldung wurde bereits abgeschlossen.");
  assert.equal((await db().report.findUniqueOrThrow({ where: { id: filed.id } })).outcome, "RESOLVED_OTHERWISE");
});

test("[report] the queue and its count are moderation's: participants and readers are refused", async () => {
  await rejectsWithAppError(() => listReports(participant, {}), "FORBIDDEN");
  await rejectsWithAppError(() => listReports(reader, {}), "FORBIDDEN");
  await rejectsWithAppError(() => openReportCount(participant), "FORBIDDEN");
  await rejectsWithAppError(() => openReportCount(null), "UNAUTHORIZED");
  await rejectsWithZodMessage(() => listReports(moderator, { status: "CLOSED" }), "Bitte wählen Sie offene oder erledigte Meldungen.");
  const page = await listReports(moderator, { status: "OPEN", page: 100_000 });
  assert.equal(page.page, page.pageCount, "a page past the end is the last page");
});

test("[report] hiding a reported post closes its open reports as hidden, with the reason, and tells each reporter", async () => {
  const post = await postByParticipant("Persönliche Daten eines Bürgers: Max Muster, Musterstraße 1");
  await reportPost(participant2, { postId: post.id, reason: "PERSONAL_DATA" });
  await reportPost(admin, { postId: post.id, reason: "OTHER", note: "Adresse eines Bürgers" });
  const before = await openReportCount(moderator);

  const { events } = await hidePost(moderator, { postId: post.id, reason: "Enthält die Anschrift einer Privatperson" });

  const reports = await reportsOn(post.id);
  assert.equal(reports.length, 2);
  for (const report of reports) {
    assert.ok(report.closedAt, "closed");
    assert.equal(report.outcome, "POST_HIDDEN");
    assert.equal(report.outcomeNote, "Enthält die Anschrift einer Privatperson");
    assert.equal(report.closedById, moderator.id);
  }
  assert.equal(await openReportCount(moderator), before - 2);
  const queueEvents = events.filter((e) => e.name === "reports.changed");
  assert.equal(queueEvents.length, 2, "the queue hears about both");
  assert.equal((queueEvents.at(-1)!.payload as { openCount: number }).openCount, before - 2);
  const told = await db().notification.findMany({ where: { kind: "REPORT_OUTCOME", recipientId: { in: [participant2.id, admin.id] }, link: `/beitraege/${post.id}` } });
  assert.equal(told.length, 2);
  assert.ok(told.every((n) => n.excerpt.includes("Enthält die Anschrift einer Privatperson")));
});
