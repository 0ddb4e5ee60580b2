// OZG monthly import benchmark: reading, dry run and applying a 5,000-row file, and re-importing it.
//
//   npm run bench:ozg-import                                              # embedded PGlite in a temp dir
//   npm run bench:ozg-import -- --postgres                                # PostgreSQL on 127.0.0.1:5432 (user postgres)
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:ozg-import
//
// Opens a fresh database in this process (migrated, demo-seeded: the real catalogue of 557 services with
// generated statuses), then, per round, writes a CSV as the export writes it (UTF-8 BOM, `;`, the
// export's German headers): the 557 catalogue services with about 10 % of them changed (phase, priority,
// Ressort; a different tenth each round) plus 4,443 new services (OZG IDs 20000…, with name, Lage,
// Themenfeld and statuses): 5,000 rows. It times, as the moderator, in-process (no HTTP):
//   - read: `readImportTable()` (decode, detect, csv-parse) of the file alone,
//   - plan: `buildImportPlan()` in memory against the catalogue (part of the dry run, shown separately),
//   - dry run: `checkOzgImport()` (read, load the catalogue, plan, store the CHECKED import with its plan),
//   - apply: `applyOzgImport()` (claim, one transaction: 4,443 services and their history rows, the
//     ~56 changed services one UPDATE each with their history, record, version, audit, notifications),
//   - total: dry run + apply, what the moderator waits for;
// then the same file again (the idempotent path: the dry run finds nothing new or changed; applying it
// changes nothing). Between rounds (not timed) the round's new services are deleted (their history goes
// with them by cascade), so every round's apply really writes 4,443 new services. One warm-up round is
// not counted. Prints median and p95 over the rounds. On PostgreSQL it creates its own database and
// drops it at the end, also on an error or Ctrl-C.
//
// Settings (environment): BENCH_RUNS (5 rounds), BENCH_WARMUP (1), BENCH_ROWS (5000), BENCH_DATABASE_URL
// (PostgreSQL URL that may CREATE DATABASE; `--postgres` means postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_OUT (JSON).
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Actor } from "../server/auth/policy.ts";
import { db, rawDb } from "../server/db.ts";
import { ozgPhases, ozgPriorities, type OzgPhase } from "../server/schemas/ozg.ts";
import { formatOzgField, ozgFields, type OzgFieldValues } from "../server/schemas/ozg-fields.ts";
import { ressorts } from "../server/schemas/ressorts.ts";
import { germanExcelCsv } from "../server/services/export/spreadsheet-cells.ts";
import { ozgExportHeaders } from "../server/services/ozg/export-services.ts";
import { applyOzgImport } from "../server/services/ozg/import/apply-import.ts";
import { checkOzgImport, currentServiceSelect } from "../server/services/ozg/import/check-import.ts";
import { buildImportPlan, type CurrentService } from "../server/services/ozg/import/plan.ts";
import { readImportTable } from "../server/services/ozg/import/read-table.ts";
import { ascending, intEnv, openBenchDatabase, percentile, printTable } from "./lib.ts";

const RUNS = intEnv("BENCH_RUNS", 5);
const WARMUP = intEnv("BENCH_WARMUP", 1);
const ROWS = intEnv("BENCH_ROWS", 5000);
const PG_BASE_URL = process.env.BENCH_DATABASE_URL || (process.argv.includes("--postgres") ? "postgresql://postgres@127.0.0.1:5432/postgres" : undefined);
const FIRST_NEW_ID = 20000;

/** a small deterministic generator (mulberry32), so every run writes the same files */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T,>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
const other = <T,>(next: () => number, values: readonly T[], current: T): T => pick(next, values.filter((value) => value !== current));

/** one row of the export: the OZG ID, the tracked fields as the export writes them, LeiKa keys, last change */
const exportRow = (ozgId: string, values: OzgFieldValues) => [ozgId, ...ozgFields.map((field) => formatOzgField(field, values) ?? ""), "", "26.11.2026"];

/**
 * Round `round`'s file: the catalogue as it is now, every tenth service (a different tenth per round)
 * with a new phase, priority and Ressort, then the new services up to ROWS rows.
 */
function buildFile(round: number, current: CurrentService[], places: { lage: string; themenfeld: string }[]): { bytes: Uint8Array; changed: number; added: number } {
  const next = random(9000 + round);
  let changed = 0;
  const rows = current.map((service, index) => {
    if ((index + round) % 10 !== 0) return exportRow(service.ozgId, service);
    changed++;
    return exportRow(service.ozgId, {
      ...service,
      phase: other(next, ozgPhases, service.phase) as OzgPhase,
      priority: other(next, ozgPriorities, service.priority as (typeof ozgPriorities)[number]),
      ressort: other(next, ressorts.map((r) => r.code) as string[], service.ressort ?? ""),
    });
  });
  const added = Math.max(ROWS - current.length, 0);
  for (let i = 0; i < added; i++) {
    const place = pick(next, places);
    const phase = next() < 0.3 ? "NOT_STARTED" : pick(next, ozgPhases);
    rows.push(
      exportRow(String(FIRST_NEW_ID + i), {
        name: `Benchmark-Leistung ${FIRST_NEW_ID + i}: Antrag auf ${pick(next, ["Erlaubnis", "Genehmigung", "Förderung", "Bescheinigung", "Eintragung"])} (Runde ${round})`,
        lage: place.lage,
        themenfeld: place.themenfeld,
        ressort: pick(next, ressorts).code,
        priority: pick(next, ozgPriorities),
        phase,
        implementationModel: next() < 0.5 ? "EfA-Nachnutzung" : "Eigenentwicklung",
        leadState: next() < 0.5 ? pick(next, ["Bayern", "Hessen", "Nordrhein-Westfalen", "Sachsen-Anhalt"]) : null,
        isFocus: next() < 0.1,
        availability: phase === "DONE" ? "AREA_WIDE" : "NONE",
      }),
    );
  }
  return { bytes: new Uint8Array(Buffer.from(germanExcelCsv(ozgExportHeaders, rows), "utf8")), changed, added };
}

const phasesMeasured = ["read", "plan", "dryRun", "apply", "total", "reDryRun", "reApply", "reTotal"] as const;
type Phase = (typeof phasesMeasured)[number];
const phaseLabels: Record<Phase, string> = {
  read: "read + parse the file (readImportTable)",
  plan: "plan in memory (buildImportPlan)",
  dryRun: "dry run (checkOzgImport: read, plan, store)",
  apply: "apply (applyOzgImport)",
  total: "total: dry run + apply",
  reDryRun: "same file again: dry run",
  reApply: "same file again: apply (no changes)",
  reTotal: "same file again: total",
};

/** what else uses this machine's CPU now (top over half a second): the busy processes other than this one */
function otherWork(): string {
  try {
    const output = execSync("top -b -n 2 -d 0.5 -w 200", { encoding: "utf8" });
    const lastSample = output.slice(output.lastIndexOf("\ntop -"));
    const processes = lastSample.split("\n").slice(lastSample.split("\n").findIndex((line) => /^\s*PID\s/.test(line)) + 1);
    return processes
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length >= 12 && Number(fields[0]) !== process.pid && Number(fields[8]) >= 10)
      .map((fields) => `${fields.slice(11).join(" ")} ${Number(fields[8]).toFixed(0)} %`)
      .join(", ");
  } catch {
    return "unknown";
  }
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

const timed = async <T,>(run: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const result = await run();
  return [result, performance.now() - t0];
};

function assertEqual(actual: unknown, expected: unknown, what: string) {
  if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}

const database = await openBenchDatabase(PG_BASE_URL, "gdst-bench-ozg-import-");
const { label } = database;
try {
  const loadBefore = load();
  const othersBefore = otherWork();
  console.log(`OZG import benchmark on ${label}; load average ${loadBefore}; also running: ${othersBefore || "nothing busy"}`);
  await database.start();
  await rawDb().exec("ANALYZE");
  const moderator: Actor = await db().user.findUniqueOrThrow({
    where: { email: "moderation@gdst.example" },
    select: { id: true, name: true, email: true, organisation: true, role: true },
  });
  const places = await db().ozgService.findMany({ distinct: ["lage"], select: { lage: true, themenfeld: true }, orderBy: { lage: "asc" } });
  const catalogue = await db().ozgService.count();

  const times = Object.fromEntries(phasesMeasured.map((phase) => [phase, [] as number[]])) as Record<Phase, number[]>;
  let fileBytes = 0;
  let counts = { changed: 0, added: 0, historyRows: 0 };
  for (let round = 0; round < WARMUP + RUNS; round++) {
    const current: CurrentService[] = await db().ozgService.findMany({ select: currentServiceSelect, orderBy: { ozgId: "asc" } });
    assertEqual(current.length, catalogue, "catalogue size before the round");
    const file = buildFile(round, current, places);
    fileBytes = file.bytes.byteLength;
    const name = `Nachnutzungsuebersicht-runde-${round}.csv`;

    const [table, read] = await timed(() => readImportTable(file.bytes));
    const [plan, planMs] = await timed(() => buildImportPlan(table, current));
    assertEqual(plan.errors.length, 0, "row errors in the generated file");
    const [{ importId }, dryRun] = await timed(() => checkOzgImport(moderator, { name, bytes: file.bytes }));
    const checked = await db().ozgImport.findUniqueOrThrow({ where: { id: importId }, select: { newCount: true, changedCount: true, errorCount: true, missingCount: true } });
    assertEqual(checked.newCount, file.added, "new services in the dry run");
    assertEqual(checked.changedCount, file.changed, "changed services in the dry run");
    assertEqual(checked.errorCount + checked.missingCount, 0, "errors and missing services in the dry run");
    const [applied, apply] = await timed(() => applyOzgImport(moderator, { importId }));
    assertEqual(applied.result.newCount, file.added, "new services applied");
    const historyRows = await db().ozgFieldChange.count({ where: { importId } });

    const [again, reDryRun] = await timed(() => checkOzgImport(moderator, { name, bytes: file.bytes }));
    const rechecked = await db().ozgImport.findUniqueOrThrow({ where: { id: again.importId }, select: { newCount: true, changedCount: true, unchangedCount: true } });
    assertEqual(rechecked.newCount + rechecked.changedCount, 0, "new and changed services when the same file comes again");
    assertEqual(rechecked.unchangedCount, file.added + current.length, "unchanged services when the same file comes again");
    const [reapplied, reApply] = await timed(() => applyOzgImport(moderator, { importId: again.importId }));
    assertEqual(reapplied.result.newCount + reapplied.result.changedCount, 0, "changes applied by the same file again");
    assertEqual(await db().ozgFieldChange.count({ where: { importId: again.importId } }), 0, "history rows of the same file again");

    counts = { changed: file.changed, added: file.added, historyRows };
    const line = `round ${round + 1}${round < WARMUP ? " (warm-up)" : ""}: read ${read.toFixed(0)} ms, plan ${planMs.toFixed(0)} ms, dry run ${dryRun.toFixed(0)} ms, apply ${apply.toFixed(0)} ms; again: dry run ${reDryRun.toFixed(0)} ms, apply ${reApply.toFixed(0)} ms; load ${load()}`;
    console.log(line);
    if (round >= WARMUP) {
      const round_: Record<Phase, number> = { read, plan: planMs, dryRun, apply, total: dryRun + apply, reDryRun, reApply, reTotal: reDryRun + reApply };
      for (const phase of phasesMeasured) times[phase].push(round_[phase]);
    }

    // back to the catalogue of 557 (not timed): the new services go, their history with them (cascade)
    await db().ozgService.deleteMany({ where: { ozgId: { in: Array.from({ length: file.added }, (_, i) => String(FIRST_NEW_ID + i)) } } });
  }

  const loadAfter = load();
  const othersAfter = otherWork();
  console.log(
    `\n${label}; catalogue ${catalogue} services; file ${ROWS} rows (${counts.added} new, ${counts.changed} changed, ${catalogue - counts.changed} unchanged), ${(fileBytes / 1024).toFixed(0)} KiB CSV; ` +
      `apply writes ${counts.historyRows} history rows; ${RUNS} rounds after ${WARMUP} warm-up; ${os.cpus().length} cores, Node ${process.version}; ` +
      `load average before ${loadBefore}, after ${loadAfter}; also running: ${othersAfter || "nothing busy"}\n`,
  );
  const summary = phasesMeasured.map((phase) => {
    const sorted = ascending(times[phase]);
    return { phase, median: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
  });
  printTable(
    ["step", "median ms", "p95 ms", "max ms"],
    summary.map((s) => [phaseLabels[s.phase], s.median.toFixed(0), s.p95.toFixed(0), s.max.toFixed(0)]),
  );
  if (process.env.BENCH_OUT) {
    writeFileSync(
      process.env.BENCH_OUT,
      JSON.stringify({ database: label, catalogue, rows: ROWS, fileBytes, ...counts, rounds: RUNS, loadavg: os.loadavg(), loadBefore, otherWork: othersAfter, summary, times }, null, 2),
    );
  }
} finally {
  await database.cleanup();
}
