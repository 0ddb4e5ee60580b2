import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { test } from "node:test";
import { TRPCError } from "@trpc/server";
import type { Actor } from "../../auth/policy";
import { db } from "../../db";
import type { AppErrorCode } from "../../errors";
import type { EventPayload, RealtimeEvent } from "../../realtime/events";
import { appRouter } from "../../routers/_app";
import type { TransitionSpotlightInput } from "../../schemas/spotlight";
import { spotlightStatuses, type SpotlightStatus } from "../../schemas/spotlight-lifecycle";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makeSpotlight } from "../../test/factories";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { samplePdf, samplePng } from "../../../seeds/sample-files";
import { readAttachment } from "../attachments/read-attachment";
import { listAuditEntries } from "../audit/list-audit";
import { uploadAttachment } from "../attachments/upload-attachment";
import { setThreadSubscription } from "../notifications/thread-subscription";
import { cosignSpotlight } from "./cosign-spotlight";
import { getSpotlight } from "./get-spotlight";
import { transitionSpotlight } from "./transition-spotlight";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;

const forward = (spotlightId: string, extra: Partial<Record<string, unknown>> = {}) => ({
  spotlightId,
  fromStatus: "PROMOTED" as const,
  to: "FORWARDED" as const,
  forwardedTo: "Ministerium für Infrastruktur und Digitales",
  forwardedContact: "Referat 21, Frau Beispiel",
  forwardedOn: "2026-11-02",
  dueOn: "2026-12-15",
  ...extra,
});
const answer = (spotlightId: string, extra: Partial<Record<string, unknown>> = {}) => ({
  spotlightId,
  fromStatus: "FORWARDED" as const,
  to: "ANSWERED" as const,
  answer: "Das Ministerium stellt eine **Musterlösung** bereit.",
  answeredOn: "2026-11-20",
  ...extra,
});

/** Everything a refused call must leave as it was. */
async function snapshot(spotlightId: string) {
  const [spotlight, transitions, audit, notifications, attachments] = await Promise.all([
    db().spotlight.findUniqueOrThrow({ where: { id: spotlightId }, omit: { updatedAt: true } }),
    db().spotlightTransition.count({ where: { spotlightId } }),
    db().auditEntry.count({ where: { subjectType: "spotlight", subjectId: spotlightId } }),
    db().notification.count({ where: { kind: "SPOTLIGHT_STATUS" } }),
    db().attachment.count({ where: { spotlightId } }),
  ]);
  return { spotlight, transitions, audit, notifications, attachments };
}

async function unchangedAfter(spotlightId: string, refused: () => Promise<unknown>) {
  const before = await snapshot(spotlightId);
  await refused();
  assert.deepEqual(await snapshot(spotlightId), before);
}

const notificationsFor = (recipientId: string, spotlightId: string) =>
  db().notification.findMany({ where: { recipientId, kind: "SPOTLIGHT_STATUS", link: `/spotlights/${spotlightId}` }, orderBy: { createdAt: "asc" } });

const roomsOf = (events: RealtimeEvent[]) => events.filter((e) => e.name !== "notification.created").map((e) => `${e.room} ${e.name}`);

async function upload(actor: Actor | null, spotlightId: string, name: string, content: Buffer) {
  return uploadAttachment(actor, { spotlight: spotlightId }, async () => ({ name, content: Readable.from([content]) }));
}

test("[spotlight] only moderation transitions: participants, readers and the signed-out are refused and nothing changes", async () => {
  const spotlight = await makeSpotlight(participant);
  const step = { spotlightId: spotlight.id, fromStatus: "PROPOSED", to: "IN_REVIEW" };
  for (const [actor, code] of [
    [participant, "FORBIDDEN"],
    [participant2, "FORBIDDEN"],
    [reader, "FORBIDDEN"],
    [null, "UNAUTHORIZED"],
  ] as const) {
    await unchangedAfter(spotlight.id, () => rejectsWithAppError(() => transitionSpotlight(actor, step), code));
  }
});

test("[spotlight] moderation walks a spotlight through the whole life cycle; each step is recorded, audited and stored", async () => {
  const spotlight = await makeSpotlight(participant, { title: "Digitale Bauantragsakte" });
  const proposedAt = (await db().spotlight.findUniqueOrThrow({ where: { id: spotlight.id } })).statusChangedAt;

  const review = await transitionSpotlight(moderator, { spotlightId: spotlight.id, fromStatus: "PROPOSED", to: "IN_REVIEW", comment: "Wir prüfen das." });
  assert.equal(review.result.status, "IN_REVIEW");
  assert.ok(review.result.statusChangedAt > proposedAt.toISOString());
  // not yet public: readers hear nothing of it
  assert.deepEqual(roomsOf(review.events), ["spotlights spotlight.changed"]);

  const promoted = await transitionSpotlight(admin, { spotlightId: spotlight.id, fromStatus: "IN_REVIEW", to: "PROMOTED" });
  assert.deepEqual(roomsOf(promoted.events), ["spotlights spotlight.changed", "spotlights-public spotlight.changed"]);
  const publicEvent = promoted.events.find((e) => e.room === "spotlights-public")!.payload as EventPayload<"spotlight.changed">;
  assert.deepEqual(publicEvent.spotlight.cosigners, [], "readers never get who co-signed");
  assert.equal(publicEvent.spotlight.thread, null, "nor the discussion thread");

  const forwarded = await transitionSpotlight(moderator, forward(spotlight.id, { comment: "Per Brief vom 2. November." }));
  assert.equal(forwarded.result.forwardedTo, "Ministerium für Infrastruktur und Digitales");
  assert.equal(forwarded.result.forwardedContact, "Referat 21, Frau Beispiel");
  assert.equal(forwarded.result.forwardedOn, "2026-11-02");
  assert.equal(forwarded.result.dueOn, "2026-12-15");

  const answered = await transitionSpotlight(moderator, answer(spotlight.id));
  assert.equal(answered.result.answerHtml, "<p>Das Ministerium stellt eine <strong>Musterlösung</strong> bereit.</p>");
  assert.equal(answered.result.answeredOn, "2026-11-20");
  const row = await db().spotlight.findUniqueOrThrow({ where: { id: spotlight.id } });
  assert.equal(row.answer, "Das Ministerium stellt eine **Musterlösung** bereit.", "the Markdown is kept for later edits and re-rendering");

  const closed = await transitionSpotlight(moderator, { spotlightId: spotlight.id, fromStatus: "ANSWERED", to: "CLOSED" });
  assert.equal(closed.result.status, "CLOSED");
  assert.deepEqual(
    closed.result.timeline.map((entry) => [entry.from, entry.to, entry.actor.name, entry.comment]),
    [
      [null, "PROPOSED", participant.name, ""],
      ["PROPOSED", "IN_REVIEW", moderator.name, "Wir prüfen das."],
      ["IN_REVIEW", "PROMOTED", admin.name, ""],
      ["PROMOTED", "FORWARDED", moderator.name, "Per Brief vom 2. November."],
      ["FORWARDED", "ANSWERED", moderator.name, ""],
      ["ANSWERED", "CLOSED", moderator.name, ""],
    ],
  );
  assert.equal(closed.result.statusChangedAt, closed.result.timeline.at(-1)!.at);

  const audit = await db().auditEntry.findMany({ where: { subjectType: "spotlight", subjectId: spotlight.id }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(
    audit.map((entry) => [entry.action, (entry.details as { from: string }).from, (entry.details as { to: string }).to]),
    [
      ["spotlight.transition", "PROPOSED", "IN_REVIEW"],
      ["spotlight.transition", "IN_REVIEW", "PROMOTED"],
      ["spotlight.transition", "PROMOTED", "FORWARDED"],
      ["spotlight.transition", "FORWARDED", "ANSWERED"],
      ["spotlight.transition", "ANSWERED", "CLOSED"],
    ],
  );
  assert.equal((audit[2].details as { forwardedTo: string }).forwardedTo, "Ministerium für Infrastruktur und Digitales");
  // the admin's audit log names the spotlight as people do
  const logged = await listAuditEntries(admin, { action: "spotlight.transition" });
  assert.ok(logged.entries.some((entry) => entry.subjectLabel === `S-${spotlight.number} „Digitale Bauantragsakte“`));

  // the reader sees it now, with the answer, but not the review
  const forReader = await getSpotlight(reader, spotlight.id);
  assert.equal(forReader.answerHtml, answered.result.answerHtml);
  assert.deepEqual(
    forReader.timeline.map((entry) => entry.to),
    ["PROMOTED", "FORWARDED", "ANSWERED", "CLOSED"],
  );
});

test("[spotlight] every step the state machine does not list is refused with INVALID_TRANSITION, and nothing changes", async () => {
  const byStatus = new Map<SpotlightStatus, string>();
  for (const status of spotlightStatuses) byStatus.set(status, (await makeSpotlight(participant, { status })).id);
  const legal = new Set(["PROPOSED>IN_REVIEW", "PROPOSED>DECLINED", "IN_REVIEW>PROMOTED", "IN_REVIEW>DECLINED", "PROMOTED>FORWARDED", "PROMOTED>DECLINED", "FORWARDED>ANSWERED", "ANSWERED>CLOSED"]);
  const fieldsFor: Record<SpotlightStatus, Record<string, unknown>> = {
    PROPOSED: {},
    IN_REVIEW: {},
    PROMOTED: {},
    CLOSED: {},
    DECLINED: { reason: "Kein Landesthema" },
    FORWARDED: { forwardedTo: "MID", forwardedContact: "Referat 21", forwardedOn: "2026-10-01" },
    ANSWERED: { answer: "Antwort", answeredOn: "2026-10-02" },
  };
  let refused = 0;
  for (const from of spotlightStatuses) {
    for (const to of spotlightStatuses) {
      if (legal.has(`${from}>${to}`)) continue;
      const spotlightId = byStatus.get(from)!;
      await unchangedAfter(spotlightId, () =>
        rejectsWithAppError(
          () => transitionSpotlight(moderator, { spotlightId, fromStatus: from, to, ...fieldsFor[to] }),
          "INVALID_TRANSITION",
          "Dieser Statuswechsel ist im Ablauf eines Spotlights nicht vorgesehen.",
        ),
      );
      refused++;
    }
  }
  assert.equal(refused, 49 - legal.size);
});

test("[spotlight] a moderator acting on a status someone else already changed gets STATUS_CHANGED", async () => {
  const spotlight = await makeSpotlight(participant);
  await transitionSpotlight(moderator, { spotlightId: spotlight.id, fromStatus: "PROPOSED", to: "IN_REVIEW" });
  // the second moderator still had the page with "Vorgeschlagen" open
  await unchangedAfter(spotlight.id, () =>
    rejectsWithAppError(() => transitionSpotlight(admin, { spotlightId: spotlight.id, fromStatus: "PROPOSED", to: "DECLINED", reason: "Doppelt" }), "STATUS_CHANGED"),
  );
  // both at once: exactly one wins
  const promoted = await makeSpotlight(participant, { status: "PROMOTED" });
  const results = await Promise.allSettled([
    transitionSpotlight(moderator, forward(promoted.id)),
    transitionSpotlight(admin, { spotlightId: promoted.id, fromStatus: "PROMOTED", to: "DECLINED", reason: "Zu spät" }),
  ]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  assert.equal(await db().spotlightTransition.count({ where: { spotlightId: promoted.id, fromStatus: "PROMOTED" } }), 1, "only the winner's step is recorded");
});

test("[spotlight] unknown spotlights are NOT_FOUND; malformed input gets a German message", async () => {
  await rejectsWithAppError(
    () => transitionSpotlight(moderator, { spotlightId: "00000000-0000-4000-8000-000000000000", fromStatus: "PROPOSED", to: "IN_REVIEW" }),
    "NOT_FOUND",
    "Dieses Spotlight gibt es nicht.",
  );
  await rejectsWithZodMessage(() => transitionSpotlight(moderator, { spotlightId: "kaputt", fromStatus: "PROPOSED", to: "IN_REVIEW" }), "Die Kennung ist ungültig.");
  await rejectsWithZodMessage(() => transitionSpotlight(moderator, { spotlightId: "00000000-0000-4000-8000-000000000000", fromStatus: "PROPOSED", to: "GIBT_ES_NICHT" }), "Bitte wählen Sie den nächsten Status.");
});

test("[spotlight] declining needs a reason; the reason is stored, shown in the timeline and sent to the proposer", async () => {
  const spotlight = await makeSpotlight(participant, { status: "IN_REVIEW" });
  const decline = (reason: unknown) => transitionSpotlight(moderator, { spotlightId: spotlight.id, fromStatus: "IN_REVIEW", to: "DECLINED", reason });
  for (const reason of [undefined, "", "   ", "\u200B\u2060\uFEFF"]) {
    await unchangedAfter(spotlight.id, () => rejectsWithZodMessage(() => decline(reason), "Bitte geben Sie eine Begründung für die Ablehnung ein."));
  }
  const { result } = await decline("Das betrifft den Bund, nicht das Land.");
  assert.equal(result.status, "DECLINED");
  assert.equal(result.declineReason, "Das betrifft den Bund, nicht das Land.");
  assert.equal(result.timeline.at(-1)!.comment, "Das betrifft den Bund, nicht das Land.");
  const [notification] = await notificationsFor(participant.id, spotlight.id);
  assert.equal(notification.excerpt, "Neuer Stand: Abgelehnt – Das betrifft den Bund, nicht das Land.");
});

test("[spotlight] a promoted spotlight declined leaves the readers' boards", async () => {
  const spotlight = await makeSpotlight(participant, { status: "PROMOTED" });
  const { events } = await transitionSpotlight(moderator, { spotlightId: spotlight.id, fromStatus: "PROMOTED", to: "DECLINED", reason: "Erledigt sich durch das OZG-Änderungsgesetz." });
  assert.deepEqual(roomsOf(events), ["spotlights spotlight.changed", "spotlights-public spotlight.removed"]);
  await rejectsWithAppError(() => getSpotlight(reader, spotlight.id), "NOT_FOUND");
});

test("[spotlight] forwarding needs Ressort, contact and day; a due day before the forwarding is refused", async () => {
  const spotlight = await makeSpotlight(participant, { status: "PROMOTED" });
  const cases: [Record<string, unknown>, string][] = [
    [{ forwardedTo: "" }, "Bitte geben Sie das zuständige Ressort oder Gremium ein."],
    [{ forwardedTo: "\u200B " }, "Bitte geben Sie das zuständige Ressort oder Gremium ein."],
    [{ forwardedContact: "" }, "Bitte geben Sie eine Ansprechperson ein."],
    [{ forwardedOn: "" }, "Bitte geben Sie ein Datum im Format JJJJ-MM-TT an."],
    [{ forwardedOn: "2026-02-30" }, "Dieses Datum gibt es nicht."],
    [{ forwardedOn: "1999-12-31" }, "Dieses Datum liegt außerhalb des möglichen Zeitraums."],
    [{ dueOn: "2026-11-01" }, "Die Frist darf nicht vor dem Tag der Weiterleitung liegen."],
    // a letter is recorded when it went out, not before
    [{ forwardedOn: "2099-01-01", dueOn: null }, "Der Tag der Weiterleitung darf nicht in der Zukunft liegen."],
  ];
  for (const [change, message] of cases) {
    await unchangedAfter(spotlight.id, () => rejectsWithZodMessage(() => transitionSpotlight(moderator, forward(spotlight.id, change)), message));
  }
  // the due day may be the forwarding day itself, or none
  const { result } = await transitionSpotlight(moderator, forward(spotlight.id, { dueOn: null }));
  assert.equal(result.dueOn, null);
});

test("[spotlight] an answer needs text and a day not before the forwarding", async () => {
  const spotlight = await makeSpotlight(participant, { status: "FORWARDED" }); // forwarded on 2026-10-01
  await unchangedAfter(spotlight.id, () => rejectsWithZodMessage(() => transitionSpotlight(moderator, answer(spotlight.id, { answer: " \n " })), "Bitte geben Sie die Antwort ein."));
  await unchangedAfter(spotlight.id, () => rejectsWithZodMessage(() => transitionSpotlight(moderator, answer(spotlight.id, { answeredOn: "gestern" })), "Bitte geben Sie ein Datum im Format JJJJ-MM-TT an."));
  await unchangedAfter(spotlight.id, () =>
    rejectsWithAppError(
      () => transitionSpotlight(moderator, answer(spotlight.id, { answeredOn: "2026-09-30" })),
      "BAD_INPUT",
      "Das Datum der Antwort darf nicht vor dem Tag der Weiterleitung (01.10.2026) liegen.",
    ),
  );
  const { result } = await transitionSpotlight(moderator, answer(spotlight.id, { answeredOn: "2026-10-01" }));
  assert.equal(result.answeredOn, "2026-10-01");
});

test("[spotlight] the answer's files: uploaded by moderation towards the spotlight, linked with the answer, readable by readers", async () => {
  const spotlight = await makeSpotlight(participant, { status: "FORWARDED" });
  const promoted = await makeSpotlight(participant, { status: "PROMOTED" });
  const letter = await upload(moderator, spotlight.id, "Antwortschreiben MID.pdf", samplePdf("Antwort"));
  const chart = await upload(moderator, spotlight.id, "Zeitplan.png", samplePng());

  // who may upload there, and when
  await rejectsWithAppError(() => upload(participant, spotlight.id, "a.pdf", samplePdf("a")), "FORBIDDEN");
  await rejectsWithAppError(() => upload(reader, spotlight.id, "a.pdf", samplePdf("a")), "FORBIDDEN");
  await rejectsWithAppError(() => upload(moderator, promoted.id, "a.pdf", samplePdf("a")), "INVALID_TRANSITION");
  await rejectsWithAppError(() => upload(moderator, "00000000-0000-4000-8000-000000000000", "a.pdf", samplePdf("a")), "NOT_FOUND");
  // the reader cannot fetch an upload that is not linked yet
  await rejectsWithAppError(() => readAttachment(reader, letter.id), "NOT_FOUND");

  // an image needs its description; someone else's upload is unknown
  await unchangedAfter(spotlight.id, () =>
    rejectsWithAppError(() => transitionSpotlight(moderator, answer(spotlight.id, { attachments: [{ id: chart.id }] })), "BAD_INPUT", "Bitte beschreiben Sie das Bild „Zeitplan.png“ (Alternativtext)."),
  );
  await unchangedAfter(spotlight.id, () => rejectsWithAppError(() => transitionSpotlight(admin, answer(spotlight.id, { attachments: [{ id: letter.id }] })), "NOT_FOUND"));

  const { result } = await transitionSpotlight(moderator, answer(spotlight.id, { attachments: [{ id: letter.id }, { id: chart.id, alt: "Zeitplan bis 2027" }] }));
  assert.deepEqual(
    result.answerAttachments.map((a) => [a.name, a.alt]),
    [
      ["Antwortschreiben MID.pdf", null],
      ["Zeitplan.png", "Zeitplan bis 2027"],
    ],
  );
  assert.equal((await readAttachment(reader, letter.id)).name, "Antwortschreiben MID.pdf");
  assert.equal((await readAttachment(participant2, chart.id)).alt, "Zeitplan bis 2027");
  assert.deepEqual((await getSpotlight(reader, spotlight.id)).answerAttachments.map((a) => a.id), [letter.id, chart.id]);
});

test("[spotlight] a change of status notifies the proposer, the co-signers and the thread's followers, but not who muted it or who acted", async () => {
  const spotlight = await makeSpotlight(participant, { title: "Gemeinsamer Messenger" });
  const cosigner = await createTestUser("PARTICIPANT");
  const mutedCosigner = await createTestUser("PARTICIPANT");
  const follower = await createTestUser("PARTICIPANT");
  const bystander = await createTestUser("PARTICIPANT");
  const followingModerator = await createTestUser("MODERATOR");
  await cosignSpotlight(cosigner, { spotlightId: spotlight.id });
  await cosignSpotlight(mutedCosigner, { spotlightId: spotlight.id });
  // the moderator who acts follows the discussion, and still hears nothing of their own step
  await setThreadSubscription(followingModerator, { threadId: spotlight.thread!.id, level: "FOLLOWING" });
  await setThreadSubscription(mutedCosigner, { threadId: spotlight.thread!.id, level: "MUTED" });
  await setThreadSubscription(follower, { threadId: spotlight.thread!.id, level: "FOLLOWING" });

  const { events } = await transitionSpotlight(followingModerator, { spotlightId: spotlight.id, fromStatus: "PROPOSED", to: "IN_REVIEW", comment: "Liegt der AG Technik vor." });
  const recipients = events.filter((e) => e.name === "notification.created").map((e) => e.room).sort();
  assert.deepEqual(recipients, [participant.id, cosigner.id, follower.id].map((id) => `user:${id}`).sort());

  const [notification] = await notificationsFor(follower.id, spotlight.id);
  assert.equal(notification.title, `S-${spotlight.number}: Gemeinsamer Messenger`);
  assert.equal(notification.excerpt, "Neuer Stand: In Prüfung – Liegt der AG Technik vor.");
  assert.equal(notification.link, `/spotlights/${spotlight.id}`);
  assert.equal(notification.actorId, followingModerator.id);
  assert.equal(notification.threadId, null, "reading the discussion does not mark the change of status read");
  assert.deepEqual(await notificationsFor(mutedCosigner.id, spotlight.id), []);
  assert.deepEqual(await notificationsFor(bystander.id, spotlight.id), []);
  assert.deepEqual(await notificationsFor(followingModerator.id, spotlight.id), []);

  // without a comment the excerpt is the new status alone
  await transitionSpotlight(moderator, { spotlightId: spotlight.id, fromStatus: "IN_REVIEW", to: "PROMOTED" });
  assert.deepEqual(
    (await notificationsFor(participant.id, spotlight.id)).map((n) => n.excerpt),
    ["Neuer Stand: In Prüfung – Liegt der AG Technik vor.", "Neuer Stand: Aufgenommen"],
  );
});

// --- through tRPC ---

const caller = (actor: Actor | null) => appRouter.createCaller({ actor });

async function trpcRefusal(run: () => Promise<unknown>): Promise<{ code: string; appErrorCode?: AppErrorCode; message: string }> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof TRPCError, String(error));
    return { code: error.code, appErrorCode: (error.cause as { code?: AppErrorCode } | undefined)?.code, message: error.message };
  }
  assert.fail("the call was not refused");
}

test("[spotlight] through tRPC: wrong role, illegal step, stale status and bad input are refused with German messages", async () => {
  const spotlight = await makeSpotlight(participant, { status: "PROMOTED" });
  const call = (actor: Actor | null, input: TransitionSpotlightInput | Record<string, unknown>) => () => caller(actor).spotlight.transition(input as TransitionSpotlightInput);
  const cases: [Actor | null, Record<string, unknown>, string, string][] = [
    [participant, forward(spotlight.id), "FORBIDDEN", "Dafür fehlt Ihnen die Berechtigung."],
    [reader, forward(spotlight.id), "FORBIDDEN", "Dafür fehlt Ihnen die Berechtigung."],
    [null, forward(spotlight.id), "UNAUTHORIZED", "Bitte melden Sie sich an."],
    [moderator, { spotlightId: spotlight.id, fromStatus: "PROMOTED", to: "CLOSED" }, "CONFLICT", "Dieser Statuswechsel ist im Ablauf eines Spotlights nicht vorgesehen."],
    [moderator, forward(spotlight.id, { fromStatus: "IN_REVIEW" }), "CONFLICT", "Der Status dieses Spotlights wurde inzwischen geändert. Die Seite zeigt jetzt den aktuellen Stand; bitte prüfen Sie ihn."],
    [moderator, { spotlightId: spotlight.id, fromStatus: "PROMOTED", to: "DECLINED" }, "BAD_REQUEST", "Bitte geben Sie eine Begründung für die Ablehnung ein."],
    [moderator, forward(spotlight.id, { dueOn: "2026-10-01" }), "BAD_REQUEST", "Die Frist darf nicht vor dem Tag der Weiterleitung liegen."],
    [moderator, forward(spotlight.id, { forwardedContact: "" }), "BAD_REQUEST", "Bitte geben Sie eine Ansprechperson ein."],
  ];
  for (const [actor, input, code, message] of cases) {
    await unchangedAfter(spotlight.id, async () => {
      const refusal = await trpcRefusal(call(actor, input));
      assert.equal(refusal.code, code, JSON.stringify(input));
      assert.equal(refusal.message, message);
    });
  }
  const forwarded = await caller(moderator).spotlight.transition(forward(spotlight.id));
  assert.equal(forwarded.status, "FORWARDED");
  const early = await trpcRefusal(call(moderator, answer(spotlight.id, { answeredOn: "2026-11-01" })));
  assert.deepEqual([early.code, early.message], ["BAD_REQUEST", "Das Datum der Antwort darf nicht vor dem Tag der Weiterleitung (02.11.2026) liegen."]);
});

test("[spotlight] through tRPC: garbage in any field of any step gets a German refusal, never a 500", async () => {
  const garbage: unknown[] = [undefined, null, true, 0, -1, 1e308, Number.NaN, "", "\u0000", "\uD800", "W".repeat(200), "x".repeat(100_000), ["a"], { $gt: "" }];
  const steps: [SpotlightStatus, (spotlightId: string) => Record<string, unknown>][] = [
    ["PROMOTED", (id) => forward(id, { comment: "Kommentar" })],
    ["PROMOTED", (id) => ({ spotlightId: id, fromStatus: "PROMOTED", to: "DECLINED", reason: "Grund", comment: "Kommentar" })],
    ["FORWARDED", (id) => answer(id, { attachments: [], comment: "Kommentar" })],
  ];
  const english = /\b(Invalid|Expected|Required|received|Too (big|small)|Unrecognized|must be)\b/;
  const optional = new Set(["comment", "dueOn", "attachments"]);
  const wronglyAccepted: string[] = [];
  const failures: string[] = [];
  for (const [status, step] of steps) {
    let spotlightId = (await makeSpotlight(participant, { status })).id;
    for (const field of Object.keys(step(spotlightId))) {
      for (const value of garbage) {
        const label = `${String(step(spotlightId).to)} ${field}=${JSON.stringify(value)?.slice(0, 20)}`;
        try {
          await caller(moderator).spotlight.transition({ ...step(spotlightId), [field]: value } as TransitionSpotlightInput);
          // text with something visible in it is text, however odd; an optional field left out (or a comment
          // of nothing visible, stored as none) is fine
          const isVisibleText = typeof value === "string" && value.replace(/[\u0000\s]/g, "") !== "";
          const isLeftOut = optional.has(field) && (value === undefined || value === null || (field === "comment" && typeof value === "string"));
          if (!isVisibleText && !isLeftOut) wronglyAccepted.push(label);
          spotlightId = (await makeSpotlight(participant, { status })).id;
        } catch (error) {
          if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR" || english.test(error.message)) failures.push(`${label}: ${String(error)}`);
        }
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(wronglyAccepted, []);
});
