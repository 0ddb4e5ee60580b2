import assert from "node:assert/strict";
import { test } from "node:test";
import type { Actor } from "../../../auth/policy";
import { db } from "../../../db";
import { ozgImportUploadResponse } from "../../../http/ozg-import";
import { parseOzgTableParams } from "../../../schemas/ozg-params";
import { exportOzgServices } from "../export-services";
import type { OzgImportPlan } from "../../../schemas/ozg-import";
import { rejectsWithAppError } from "../../../test/assertions";
import { openTestDatabase } from "../../../test/test-db";
import { applyOzgImport } from "./apply-import";
import { checkOzgImport } from "./check-import";
import { discardOzgImport } from "./discard-import";
import { getOzgImport } from "./get-import";
import { listOzgImports } from "./list-imports";

const { actors } = await openTestDatabase();
const { reader, participant, participant2, moderator, admin } = actors;

const csv = (...lines: string[]) => new Uint8Array(Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8"));
const check = (actor: Actor | null, bytes: Uint8Array, name = "Nachnutzungsuebersicht.csv") => checkOzgImport(actor, { name, bytes });
const catalogVersion = async () => (await db().ozgSettings.findUniqueOrThrow({ where: { id: 1 } })).catalogVersion;
const phaseOf = async (ozgId: string) => (await db().ozgService.findUniqueOrThrow({ where: { ozgId } })).phase;
const phaseFile = (ozgId: string, phase: string, ...more: string[]) => csv("OZG-ID;Phase;Priorität", `${ozgId};${phase};1 hoch`, ...more);

/** sets a service's phase and priority directly, so a test knows what the file changes */
async function prepare(ozgId: string, phase: "REUSE_PLANNING" | "PILOT", priority = 1) {
  await db().ozgService.update({ where: { ozgId }, data: { phase, priority } });
}

test("[ozg-import] check stores the dry run (CHECKED, counts, SHA-256, format, base version); the catalogue is untouched", async () => {
  await prepare("10028", "REUSE_PLANNING");
  const before = await db().ozgFieldChange.count();
  const bytes = phaseFile("10028", "4", "abc;3;1", "10028;5;1");
  const { importId } = await check(moderator, bytes);
  const row = await db().ozgImport.findUniqueOrThrow({ where: { id: importId } });
  assert.equal(row.status, "CHECKED");
  assert.equal(row.format, "CSV (UTF-8, Semikolon)");
  assert.equal(row.sha256.length, 64);
  assert.equal(row.sizeBytes, bytes.byteLength);
  assert.equal(row.baseVersion, await catalogVersion());
  assert.equal(row.rowCount, 3);
  assert.equal(row.errorCount, 3, "a duplicate marks both lines; the invalid ID its own");
  assert.equal(row.missingCount, 557 - 1);
  assert.equal(await phaseOf("10028"), "REUSE_PLANNING");
  assert.equal(await db().ozgFieldChange.count(), before);
  const detail = await getOzgImport(moderator, { importId });
  assert.deepEqual(
    detail.plan.errors.map((error) => error.line),
    [2, 3, 4],
  );
  assert.equal(detail.plan.isRefused, true, "3 of 3 rows broken");
  await rejectsWithAppError(() => applyOzgImport(moderator, { importId }), "IMPORT_REFUSED");
  assert.equal(await phaseOf("10028"), "REUSE_PLANNING");
});

test("[ozg-import] refusals of the file store nothing: wrong type, empty, no ID column", async () => {
  const before = await db().ozgImport.count();
  await rejectsWithAppError(() => check(moderator, new Uint8Array(Buffer.from("%PDF-1.4\n%%EOF")), "uebersicht.csv"), "IMPORT_INVALID");
  await rejectsWithAppError(() => check(moderator, new Uint8Array()), "IMPORT_INVALID", "Die Datei ist leer.");
  await rejectsWithAppError(() => check(moderator, csv("Leistung;Phase", "Führerschein;4")), "IMPORT_INVALID");
  assert.equal(await db().ozgImport.count(), before);
});

test("[ozg-import] apply: history rows, record, catalogue version, demo flag off, audit, followers notified but not the moderator", async () => {
  await prepare("10034", "REUSE_PLANNING", 2);
  await db().ozgServiceFollower.createMany({
    data: [
      { ozgId: "10034", userId: participant.id },
      { ozgId: "10034", userId: reader.id },
      { ozgId: "10034", userId: moderator.id },
    ],
  });
  const version = await catalogVersion();
  const { importId } = await check(moderator, csv("OZG-ID;Phase;Priorität;Leistung;Lebens-/Geschäftslage;Themenfeld", "10034;4. Umsetzung (Pilotierung);1;;;", "99990001;2;3;Neue Testleistung;Testlage;Testfeld"));
  const { result, events } = await applyOzgImport(moderator, { importId });
  assert.deepEqual(result, { importId, newCount: 1, changedCount: 1 });

  const service = await db().ozgService.findUniqueOrThrow({ where: { ozgId: "10034" } });
  assert.equal(service.phase, "PILOT");
  assert.equal(service.priority, 1);
  assert.ok(Date.now() - service.updatedAt.getTime() < 60_000);
  const history = await db().ozgFieldChange.findMany({ where: { importId }, orderBy: [{ ozgId: "asc" }, { field: "asc" }] });
  const old = history.filter((change) => change.ozgId === "10034");
  assert.deepEqual(
    old.map((change) => [change.field, change.oldValue, change.newValue, change.changedById]),
    [
      ["phase", "3. Planung Nachnutzung", "4. Umsetzung (Pilotierung)", moderator.id],
      ["priority", "2 mittel", "1 hoch", moderator.id],
    ],
  );
  const created = await db().ozgService.findUniqueOrThrow({ where: { ozgId: "99990001" } });
  assert.equal(created.name, "Neue Testleistung");
  assert.equal(created.phase, "REUSE_REVIEW");
  assert.ok(history.some((change) => change.ozgId === "99990001" && change.field === "name" && change.oldValue === null));

  const record = await db().ozgImport.findUniqueOrThrow({ where: { id: importId } });
  assert.equal(record.status, "APPLIED");
  assert.equal(record.appliedById, moderator.id);
  assert.equal(record.applyingSince, null);
  const settings = await db().ozgSettings.findUniqueOrThrow({ where: { id: 1 } });
  assert.equal(settings.catalogVersion, version + 1);
  assert.equal(settings.isDemoData, false);
  assert.equal(await db().auditEntry.count({ where: { action: "ozg.import.apply", subjectId: importId } }), 1);

  const notifications = await db().notification.findMany({ where: { kind: "OZG_SERVICE_CHANGED", link: "/ozg/leistungen/10034" } });
  assert.deepEqual(notifications.map((n) => n.recipientId).sort(), [participant.id, reader.id].sort());
  assert.equal(notifications[0]!.title, service.name);
  assert.equal(notifications[0]!.excerpt, "Phase: 3. Planung Nachnutzung → 4. Umsetzung (Pilotierung); Priorität: 2 mittel → 1 hoch");
  assert.equal(notifications[0]!.actorId, moderator.id);
  assert.equal(events.filter((event) => event.name === "notification.created").length, 2);

  const listed = await listOzgImports(moderator);
  assert.equal(listed[0]!.id, importId);
  assert.equal(listed[0]!.appliedBy, moderator.name);
  const detail = await getOzgImport(moderator, { importId });
  assert.equal(detail.historyTotal, history.length);

  // applying twice: refused, nothing written again
  await rejectsWithAppError(() => applyOzgImport(moderator, { importId }), "IMPORT_DONE");
  assert.equal(await db().ozgFieldChange.count({ where: { importId } }), history.length);
});

test("[ozg-import] the same file again: the dry run shows no change, applying changes nothing, the page can name the earlier import", async () => {
  await prepare("10044", "REUSE_PLANNING");
  const bytes = phaseFile("10044", "Pilotierung");
  const first = await check(moderator, bytes);
  await applyOzgImport(moderator, first);
  const version = await catalogVersion();
  const changesBefore = await db().ozgFieldChange.count();
  const updatedAt = (await db().ozgService.findUniqueOrThrow({ where: { ozgId: "10044" } })).updatedAt;

  const second = await check(moderator, bytes);
  const detail = await getOzgImport(moderator, second);
  assert.equal(detail.changedCount, 0);
  assert.equal(detail.newCount, 0);
  assert.equal(detail.unchangedCount, 1);
  assert.equal(detail.sameFileApplied?.id, first.importId);
  const { result } = await applyOzgImport(moderator, second);
  assert.deepEqual(result, { importId: second.importId, newCount: 0, changedCount: 0 });
  assert.equal(await db().ozgFieldChange.count(), changesBefore);
  assert.equal(await catalogVersion(), version, "a file that changes nothing keeps other dry runs valid");
  assert.deepEqual((await db().ozgService.findUniqueOrThrow({ where: { ozgId: "10044" } })).updatedAt, updatedAt);
});

test("[ozg-import] stale: a dry run computed before another import was applied is refused", async () => {
  await prepare("10050", "REUSE_PLANNING");
  await prepare("10051", "REUSE_PLANNING");
  const early = await check(moderator, phaseFile("10050", "4"));
  const other = await check(moderator, phaseFile("10051", "4"));
  await applyOzgImport(moderator, other);
  await rejectsWithAppError(() => applyOzgImport(moderator, early), "IMPORT_STALE");
  assert.equal(await phaseOf("10050"), "REUSE_PLANNING");
  assert.equal((await db().ozgImport.findUniqueOrThrow({ where: { id: early.importId } })).applyingSince, null, "the claim is released");
});

test("[ozg-import] one import at a time: a live claim refuses a second, a dead claim (over 10 minutes) does not", async () => {
  await prepare("10053", "REUSE_PLANNING");
  const running = await check(moderator, phaseFile("10056", "2"));
  const mine = await check(admin, phaseFile("10053", "4"));
  await db().ozgImport.update({ where: { id: running.importId }, data: { applyingSince: new Date() } });
  await rejectsWithAppError(() => applyOzgImport(admin, mine), "IMPORT_RUNNING");
  await rejectsWithAppError(() => applyOzgImport(moderator, running), "IMPORT_RUNNING", undefined);
  await rejectsWithAppError(() => discardOzgImport(moderator, running), "IMPORT_RUNNING");
  assert.equal(await phaseOf("10053"), "REUSE_PLANNING");
  await db().ozgImport.update({ where: { id: running.importId }, data: { applyingSince: new Date(Date.now() - 11 * 60_000) } });
  await applyOzgImport(admin, mine);
  assert.equal(await phaseOf("10053"), "PILOT");
  // both at once: one wins, the other hears IMPORT_RUNNING (or STALE, when it came second)
  await prepare("10061", "REUSE_PLANNING");
  await prepare("10062", "REUSE_PLANNING");
  const a = await check(moderator, phaseFile("10061", "4"));
  const b = await check(admin, phaseFile("10062", "4"));
  const outcomes = await Promise.allSettled([applyOzgImport(moderator, a), applyOzgImport(admin, b)]);
  assert.equal(outcomes.filter((outcome) => outcome.status === "fulfilled").length, 1);
  const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
  assert.ok(["IMPORT_RUNNING", "IMPORT_STALE"].includes((refused.reason as { code: string }).code));
});

test("[ozg-import] a failure mid-way leaves nothing changed: no service, no history, no record, claim released", async () => {
  await prepare("10068", "REUSE_PLANNING");
  await prepare("10069", "REUSE_PLANNING");
  const { importId } = await check(moderator, phaseFile("10068", "4", "10069;4;1"));
  // the second service vanishes between dry run and apply (by hand in the database): its update fails
  const stored = (await db().ozgImport.findUniqueOrThrow({ where: { id: importId } })).plan as unknown as OzgImportPlan;
  stored.changed[1]!.ozgId = "00000-verschwunden";
  await db().ozgImport.update({ where: { id: importId }, data: { plan: stored as never } });
  const version = await catalogVersion();
  await assert.rejects(() => applyOzgImport(moderator, { importId }));
  assert.equal(await phaseOf("10068"), "REUSE_PLANNING");
  assert.equal(await db().ozgFieldChange.count({ where: { importId } }), 0);
  const row = await db().ozgImport.findUniqueOrThrow({ where: { id: importId } });
  assert.equal(row.status, "CHECKED");
  assert.equal(row.applyingSince, null);
  assert.equal(await catalogVersion(), version);
  assert.equal(await db().auditEntry.count({ where: { subjectId: importId } }), 0);
});

test("[ozg-import] discard marks DISCARDED; a discarded import cannot be applied", async () => {
  const { importId } = await check(moderator, phaseFile("10072", "4"));
  await discardOzgImport(moderator, { importId });
  assert.equal((await db().ozgImport.findUniqueOrThrow({ where: { id: importId } })).status, "DISCARDED");
  await rejectsWithAppError(() => applyOzgImport(moderator, { importId }), "IMPORT_DONE");
  await rejectsWithAppError(() => discardOzgImport(moderator, { importId }), "IMPORT_DONE");
});

test("[ozg-import] discard after a crashed apply: a dead claim does not block it, a live one is IMPORT_RUNNING", async () => {
  const { importId } = await check(moderator, phaseFile("10073", "4"));
  await db().ozgImport.update({ where: { id: importId }, data: { applyingSince: new Date(Date.now() - 60_000) } });
  await rejectsWithAppError(() => discardOzgImport(moderator, { importId }), "IMPORT_RUNNING");
  assert.equal((await db().ozgImport.findUniqueOrThrow({ where: { id: importId } })).status, "CHECKED");
  await db().ozgImport.update({ where: { id: importId }, data: { applyingSince: new Date(Date.now() - 11 * 60_000) } });
  await discardOzgImport(moderator, { importId });
  const row = await db().ozgImport.findUniqueOrThrow({ where: { id: importId } });
  assert.equal(row.status, "DISCARDED");
  assert.equal(row.applyingSince, null, "the dead claim goes with it");
});

test("[ozg-import] export → re-import: a service named \"=X\" (defused as \"'=X\" by the export) shows no change, CSV and XLSX", async () => {
  await db().ozgService.update({ where: { ozgId: "10074" }, data: { name: "=X", implementationModel: "-EfA" } });
  for (const format of ["csv", "xlsx"] as const) {
    const { body } = await exportOzgServices(moderator, parseOzgTableParams({}), format);
    const bytes = new Uint8Array(typeof body === "string" ? Buffer.from(body, "utf8") : body);
    const detail = await getOzgImport(moderator, await check(moderator, bytes, `export.${format}`));
    assert.equal(detail.errorCount, 0, format);
    assert.deepEqual(detail.plan.changed, [], format);
    assert.equal(detail.newCount + detail.changedCount, 0, format);
    assert.ok(detail.unchangedCount > 500, format);
  }
});

test("[ozg-import] roles: only moderation checks, applies, discards, lists; signed out is UNAUTHORIZED; garbage ids are refused", async () => {
  const { importId } = await check(moderator, phaseFile("10072", "4"));
  for (const actor of [reader, participant, participant2]) {
    await rejectsWithAppError(() => check(actor, phaseFile("10072", "4")), "FORBIDDEN");
    await rejectsWithAppError(() => applyOzgImport(actor, { importId }), "FORBIDDEN");
    await rejectsWithAppError(() => discardOzgImport(actor, { importId }), "FORBIDDEN");
    await rejectsWithAppError(() => listOzgImports(actor), "FORBIDDEN");
    await rejectsWithAppError(() => getOzgImport(actor, { importId }), "FORBIDDEN");
  }
  await rejectsWithAppError(() => check(null, phaseFile("10072", "4")), "UNAUTHORIZED");
  await rejectsWithAppError(() => applyOzgImport(null, { importId }), "UNAUTHORIZED");
  await rejectsWithAppError(() => getOzgImport(moderator, { importId: "00000000-0000-4000-8000-000000000000" }), "NOT_FOUND");
  await assert.rejects(() => applyOzgImport(moderator, { importId: "'; DROP TABLE" }));
  assert.equal((await db().ozgImport.findUniqueOrThrow({ where: { id: importId } })).status, "CHECKED");
});

test("[ozg-import] a seeded demo import (plan {}) reads as counts and its history rows", async () => {
  const demo = await db().ozgImport.findFirstOrThrow({ where: { status: "APPLIED", fileName: { startsWith: "Nachnutzungsuebersicht_" } }, orderBy: { appliedAt: "asc" } });
  const detail = await getOzgImport(moderator, { importId: demo.id });
  assert.deepEqual(detail.plan.changed, []);
  assert.equal(detail.plan.rowCount, 557);
  assert.ok(detail.historyTotal > 500);
  assert.ok(detail.history.length > 0);
});

// --- the upload route ---

function uploadRequest(name: string, content: Uint8Array, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append("datei", new Blob([new Uint8Array(content)], { type: "text/csv" }), name);
  return new Request("http://localhost/api/ozg/import", { method: "POST", body: form, headers });
}

async function upload(actor: Actor | null, request: Request) {
  const response = await ozgImportUploadResponse(actor, request);
  return { status: response.status, body: (await response.json()) as { importId?: string; error?: { code: string; message: string } } };
}

function streamedUpload(size: number, headers: Record<string, string> = {}) {
  const boundary = "----gdst-ozg-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="riesig.csv"\r\nContent-Type: text/csv\r\n\r\nOZG-ID;Phase\n`);
  const chunk = new Uint8Array(Buffer.from("10169;4\n".repeat(8192)));
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === 0) {
        pulled += head.length;
        return controller.enqueue(new Uint8Array(head));
      }
      if (pulled >= size) return controller.close();
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost/api/ozg/import", {
    method: "POST",
    body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...headers },
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

test("[ozg-import/http] upload: 201 with the import id; the UTF-8 file name arrives intact", async () => {
  const { status, body } = await upload(moderator, uploadRequest("Übersicht März.csv", phaseFile("10071", "4")));
  assert.equal(status, 201);
  const row = await db().ozgImport.findUniqueOrThrow({ where: { id: body.importId! } });
  assert.equal(row.fileName, "Übersicht März.csv");
  assert.equal(row.uploadedById, moderator.id);
});

test("[ozg-import/http] refusals in German, nothing stored: PDF named .csv, wrong role, signed out, another site", async () => {
  const before = await db().ozgImport.count();
  const pdf = await upload(moderator, uploadRequest("uebersicht.csv", new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj\n%%EOF"))));
  assert.equal(pdf.status, 400);
  assert.match(pdf.body.error!.message, /^Die Datei ist eine PDF-Datei, keine Nachnutzungsübersicht/);
  assert.equal((await upload(participant, uploadRequest("a.csv", phaseFile("10071", "4")))).status, 403);
  assert.equal((await upload(reader, uploadRequest("a.csv", phaseFile("10071", "4")))).status, 403);
  const signedOut = await upload(null, uploadRequest("a.csv", phaseFile("10071", "4")));
  assert.equal(signedOut.status, 401);
  assert.equal(signedOut.body.error?.message, "Bitte melden Sie sich an.");
  const crossSite = await upload(moderator, uploadRequest("a.csv", phaseFile("10071", "4"), { "sec-fetch-site": "cross-site" }));
  assert.equal(crossSite.status, 403);
  const otherOrigin = await upload(moderator, uploadRequest("a.csv", phaseFile("10071", "4"), { origin: "https://boese.example", host: "localhost" }));
  assert.equal(otherOrigin.status, 403);
  const otherForwarded = await upload(moderator, uploadRequest("a.csv", phaseFile("10071", "4"), { origin: "https://boese.example", "x-forwarded-host": "gdst.example, boese.example" }));
  assert.equal(otherForwarded.status, 403);
  const notMultipart = await ozgImportUploadResponse(moderator, new Request("http://localhost/api/ozg/import", { method: "POST", body: "OZG-ID\n1" }));
  assert.equal(notMultipart.status, 400);
  assert.equal(await db().ozgImport.count(), before);
});

test("[ozg-import/http] behind several proxies the first X-Forwarded-Host is the page's host", async () => {
  const headers = { origin: "https://gdst.example", "x-forwarded-host": "gdst.example, proxy.intern:8080", host: "localhost:3000" };
  assert.equal((await upload(moderator, uploadRequest("a.csv", phaseFile("10071", "4"), headers))).status, 201);
});

test("[ozg-import/http] a 50 MB upload is cut off near the 20 MB limit with 413; an announced one is refused unread", async () => {
  const streamed = streamedUpload(50 * 1024 * 1024);
  const cut = await upload(moderator, streamed.request);
  assert.equal(cut.status, 413);
  assert.match(cut.body.error!.message, /^Die Datei ist größer als 20 MB/);
  assert.ok(streamed.pulled() < 21 * 1024 * 1024 + 256 * 1024, `pulled ${streamed.pulled()} bytes`);
  const announced = streamedUpload(50 * 1024 * 1024, { "content-length": String(50 * 1024 * 1024) });
  const refused = await upload(moderator, announced.request);
  assert.equal(refused.status, 413);
  assert.ok(announced.pulled() <= 128 * 1024, `pulled ${announced.pulled()} bytes of an announced 50 MB body`);
});

test("[ozg-import/http] a 5 MB file is read and planned", async () => {
  const lines = ["OZG-ID;Leistung;Lebens-/Geschäftslage;Themenfeld;Phase;Priorität;Umsetzungsmodell"];
  const filler = "x".repeat(120);
  for (let i = 0, size = 0; size < 5 * 1024 * 1024; i++) {
    const line = `${80_000_000 + i};Testleistung ${i} ${filler};Lage;Feld;2;3;EfA ${filler}`;
    lines.push(line);
    size += line.length + 1;
  }
  const { status, body } = await upload(moderator, uploadRequest("gross.csv", new Uint8Array(Buffer.from(lines.join("\n")))));
  assert.equal(status, 201);
  const row = await db().ozgImport.findUniqueOrThrow({ where: { id: body.importId! } });
  assert.ok(row.sizeBytes >= 5 * 1024 * 1024);
  assert.equal(row.newCount, lines.length - 1);
  assert.equal(row.errorCount, 0);
});
