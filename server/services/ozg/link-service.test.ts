import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makeSpotlight, makeThread, setThreadLocked } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { OZG_SERVICE_NOT_FOUND } from "./get-service";
import {
  linkOzgServiceToSpotlight,
  linkOzgServiceToThread,
  ozgServicesOfSpotlight,
  ozgServicesOfThread,
  unlinkOzgServiceFromSpotlight,
  unlinkOzgServiceFromThread,
} from "./link-service";
import { OZG_LINK_SEARCH_LIMIT, searchOzgForLink } from "./search-for-link";

const { actors } = await openTestDatabase();
const { reader, participant, participant2, moderator } = actors;

const threadLinks = (threadId: string) => db().threadOzgService.findMany({ where: { threadId }, select: { ozgId: true, linkedById: true }, orderBy: { ozgId: "asc" } });
const auditCount = (action: string) => db().auditEntry.count({ where: { action } });

test("[ozg] link a thread: any participant, twice is once; the author, the linker or moderation remove it", async () => {
  const thread = await makeThread(participant, { title: "Elterngeld digital" });
  // someone else's thread: participants link to any thread they read
  const linked = await linkOzgServiceToThread(participant2, { threadId: thread.id, ozgId: "10000" });
  assert.deepEqual(linked.services, [{ ozgId: "10000", name: "Elterngeld", phase: linked.services[0]!.phase, canRemove: true }]);
  assert.equal(linked.canLink, true);
  await linkOzgServiceToThread(participant2, { threadId: thread.id, ozgId: "10000" });
  await linkOzgServiceToThread(participant, { threadId: thread.id, ozgId: "10169" });
  assert.deepEqual(await threadLinks(thread.id), [
    { ozgId: "10000", linkedById: participant2.id },
    { ozgId: "10169", linkedById: participant.id },
  ]);
  // the author may remove any link of the thread; a third participant only their own
  const third = await makeThread(moderator);
  await linkOzgServiceToThread(participant, { threadId: third.id, ozgId: "10000" });
  assert.deepEqual(
    (await ozgServicesOfThread(participant2, third.id)).services.map((s) => s.canRemove),
    [false],
  );
  await rejectsWithAppError(() => unlinkOzgServiceFromThread(participant2, { threadId: third.id, ozgId: "10000" }), "FORBIDDEN");
  assert.equal((await threadLinks(third.id)).length, 1, "nothing changed");

  const auditsBefore = await auditCount("ozg.unlinkThread");
  // the thread's author removes a link someone else made: not moderation, not audited
  const left = await unlinkOzgServiceFromThread(participant, { threadId: thread.id, ozgId: "10000" });
  assert.deepEqual(left.services.map((s) => [s.ozgId, s.name, s.canRemove]), [["10169", "Führerschein", true]]);
  // removing what is not there changes nothing
  await unlinkOzgServiceFromThread(participant, { threadId: thread.id, ozgId: "10000" });
  assert.equal(await auditCount("ozg.unlinkThread"), auditsBefore);
  // on their own thread moderation is the owner: not audited; on someone else's thread it is
  await unlinkOzgServiceFromThread(moderator, { threadId: third.id, ozgId: "10000" });
  assert.deepEqual(await threadLinks(third.id), []);
  assert.equal(await auditCount("ozg.unlinkThread"), auditsBefore, "on their own thread moderation is the owner");
  await unlinkOzgServiceFromThread(moderator, { threadId: thread.id, ozgId: "10169" });
  assert.equal(await auditCount("ozg.unlinkThread"), auditsBefore + 1);
  const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "ozg.unlinkThread" }, orderBy: { createdAt: "desc" } });
  assert.deepEqual([entry.actorId, entry.subjectType, entry.subjectId, entry.details], [moderator.id, "thread", thread.id, { ozgId: "10169", linkedById: participant.id }]);
});

test("[ozg] link a thread: wrong role, signed out, unknown thread or service, bad input change nothing", async () => {
  const thread = await makeThread(participant);
  await rejectsWithAppError(() => linkOzgServiceToThread(reader, { threadId: thread.id, ozgId: "10000" }), "FORBIDDEN");
  await rejectsWithAppError(() => linkOzgServiceToThread(null, { threadId: thread.id, ozgId: "10000" }), "UNAUTHORIZED");
  await rejectsWithAppError(() => unlinkOzgServiceFromThread(reader, { threadId: thread.id, ozgId: "10000" }), "FORBIDDEN");
  await rejectsWithAppError(() => linkOzgServiceToThread(participant, { threadId: thread.id, ozgId: "99999999" }), "NOT_FOUND", OZG_SERVICE_NOT_FOUND);
  await rejectsWithAppError(() => linkOzgServiceToThread(participant, { threadId: randomUUID(), ozgId: "10000" }), "NOT_FOUND", "Dieses Thema gibt es nicht (mehr).");
  await rejectsWithAppError(() => unlinkOzgServiceFromThread(participant, { threadId: randomUUID(), ozgId: "10000" }), "NOT_FOUND");
  await rejectsWithZodMessage(() => linkOzgServiceToThread(participant, { threadId: thread.id, ozgId: "'; DROP" }), "Diese OZG-ID gibt es nicht.");
  await rejectsWithZodMessage(() => linkOzgServiceToThread(participant, { threadId: "kein-thema", ozgId: "10000" }), "Die Kennung ist ungültig.");
  assert.deepEqual(await threadLinks(thread.id), []);
});

test("[ozg] link a spotlight: its proposer or moderation; readers see the links but change nothing", async () => {
  const spotlight = await makeSpotlight(participant, { status: "PROMOTED" });
  const input = { spotlightId: spotlight.id, ozgId: "10169" };
  await rejectsWithAppError(() => linkOzgServiceToSpotlight(participant2, input), "FORBIDDEN");
  await rejectsWithAppError(() => linkOzgServiceToSpotlight(reader, input), "FORBIDDEN");
  await rejectsWithAppError(() => linkOzgServiceToSpotlight(null, input), "UNAUTHORIZED");
  assert.deepEqual(await ozgServicesOfSpotlight(reader, spotlight.id), { services: [], canLink: false });
  assert.equal((await ozgServicesOfSpotlight(participant2, spotlight.id)).canLink, false);
  assert.equal((await ozgServicesOfSpotlight(participant, spotlight.id)).canLink, true);

  await linkOzgServiceToSpotlight(participant, input);
  await linkOzgServiceToSpotlight(participant, input);
  await linkOzgServiceToSpotlight(moderator, { spotlightId: spotlight.id, ozgId: "10000" });
  const seen = await ozgServicesOfSpotlight(reader, spotlight.id);
  assert.deepEqual(seen.services.map((s) => [s.ozgId, s.canRemove]), [["10000", false], ["10169", false]]);
  assert.deepEqual((await ozgServicesOfSpotlight(participant, spotlight.id)).services.map((s) => s.canRemove), [true, true]);

  await rejectsWithAppError(() => unlinkOzgServiceFromSpotlight(participant2, input), "FORBIDDEN");
  await rejectsWithAppError(() => unlinkOzgServiceFromSpotlight(reader, input), "FORBIDDEN");
  // the proposer removes moderation's link; moderation removes the proposer's: audited
  const auditsBefore = await auditCount("ozg.unlinkSpotlight");
  await unlinkOzgServiceFromSpotlight(participant, { spotlightId: spotlight.id, ozgId: "10000" });
  assert.equal(await auditCount("ozg.unlinkSpotlight"), auditsBefore);
  assert.deepEqual((await unlinkOzgServiceFromSpotlight(moderator, input)).services, []);
  assert.equal(await auditCount("ozg.unlinkSpotlight"), auditsBefore + 1);

  // a proposal is not the reader's: not found, like one that does not exist
  const proposed = await makeSpotlight(participant);
  await rejectsWithAppError(() => ozgServicesOfSpotlight(reader, proposed.id), "NOT_FOUND");
  await rejectsWithAppError(() => linkOzgServiceToSpotlight(participant, { spotlightId: randomUUID(), ozgId: "10000" }), "NOT_FOUND", "Dieses Spotlight gibt es nicht.");
  await rejectsWithAppError(() => linkOzgServiceToSpotlight(participant, { spotlightId: proposed.id, ozgId: "99999999" }), "NOT_FOUND", OZG_SERVICE_NOT_FOUND);
  assert.equal(await db().spotlightOzgService.count({ where: { spotlightId: proposed.id } }), 0);
});

test("[ozg] link a locked thread: moderation only; participants neither link nor unlink", async () => {
  const thread = await makeThread(participant);
  await linkOzgServiceToThread(participant, { threadId: thread.id, ozgId: "10000" });
  await setThreadLocked(thread.id, true);
  const locked = "Dieses Thema ist gesperrt: verknüpfte OZG-Leistungen kann nur noch die Moderation ändern.";
  await rejectsWithAppError(() => linkOzgServiceToThread(participant2, { threadId: thread.id, ozgId: "10169" }), "THREAD_LOCKED", locked);
  await rejectsWithAppError(() => unlinkOzgServiceFromThread(participant, { threadId: thread.id, ozgId: "10000" }), "THREAD_LOCKED", locked);
  // the view offers nothing to change
  const seen = await ozgServicesOfThread(participant, thread.id);
  assert.equal(seen.canLink, false);
  assert.deepEqual(seen.services.map((s) => s.canRemove), [false]);
  assert.deepEqual(await threadLinks(thread.id), [{ ozgId: "10000", linkedById: participant.id }]);
  // moderation may
  assert.equal((await ozgServicesOfThread(moderator, thread.id)).canLink, true);
  await linkOzgServiceToThread(moderator, { threadId: thread.id, ozgId: "10169" });
  await unlinkOzgServiceFromThread(moderator, { threadId: thread.id, ozgId: "10000" });
  assert.deepEqual(await threadLinks(thread.id), [{ ozgId: "10169", linkedById: moderator.id }]);
  // unlocked again, participants link as before
  await setThreadLocked(thread.id, false);
  await linkOzgServiceToThread(participant2, { threadId: thread.id, ozgId: "10000" });
});

test("[ozg] link a closed or declined spotlight: refused for its proposer, moderation may", async () => {
  const closedMessage = "Dieses Spotlight ist abgeschlossen oder abgelehnt: verknüpfte OZG-Leistungen kann nur noch die Moderation ändern.";
  for (const status of ["CLOSED", "DECLINED"] as const) {
    const spotlight = await makeSpotlight(participant, { status });
    await rejectsWithAppError(() => linkOzgServiceToSpotlight(participant, { spotlightId: spotlight.id, ozgId: "10000" }), "SPOTLIGHT_LINKS_CLOSED", closedMessage);
    assert.equal((await ozgServicesOfSpotlight(participant, spotlight.id)).canLink, false, status);
    await linkOzgServiceToSpotlight(moderator, { spotlightId: spotlight.id, ozgId: "10000" });
    const seen = await ozgServicesOfSpotlight(participant, spotlight.id);
    assert.deepEqual(seen.services.map((s) => [s.ozgId, s.canRemove]), [["10000", false]], status);
    await rejectsWithAppError(() => unlinkOzgServiceFromSpotlight(participant, { spotlightId: spotlight.id, ozgId: "10000" }), "SPOTLIGHT_LINKS_CLOSED", closedMessage);
    assert.deepEqual((await unlinkOzgServiceFromSpotlight(moderator, { spotlightId: spotlight.id, ozgId: "10000" })).services, []);
  }
  // an answered spotlight still takes links
  const answered = await makeSpotlight(participant, { status: "ANSWERED" });
  assert.equal((await linkOzgServiceToSpotlight(participant, { spotlightId: answered.id, ozgId: "10000" })).services.length, 1);
});

test("[ozg] search while linking: by name with German stemming and as part of a word, by ID, at most ten", async () => {
  const byId = await searchOzgForLink(participant, { query: "10169" });
  assert.equal(byId[0]?.ozgId, "10169");
  assert.equal(byId[0]?.name, "Führerschein");
  const byName = await searchOzgForLink(participant, { query: "Führerschein" });
  assert.equal(byName[0]?.ozgId, "10169");
  // stemming: the plural finds the singular
  assert.ok((await searchOzgForLink(participant, { query: "Führerscheine" })).some((hit) => hit.ozgId === "10169"));
  // part of a word
  assert.ok((await searchOzgForLink(participant, { query: "erschein" })).some((hit) => hit.ozgId === "10169"));
  const many = await searchOzgForLink(participant, { query: "e" });
  assert.equal(many.length, OZG_LINK_SEARCH_LIMIT);
  assert.deepEqual(await searchOzgForLink(participant, { query: "%_\\'" }), []);

  await rejectsWithAppError(() => searchOzgForLink(reader, { query: "Führerschein" }), "FORBIDDEN");
  await rejectsWithAppError(() => searchOzgForLink(null, { query: "Führerschein" }), "UNAUTHORIZED");
  await rejectsWithZodMessage(() => searchOzgForLink(participant, { query: "  " }), "Bitte geben Sie einen Namen oder eine OZG-ID ein.");
});
