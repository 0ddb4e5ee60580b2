import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import pg from "pg";
import * as tar from "tar";
import { samplePdf } from "../../../seeds/sample-files";
import { rawDb } from "../../db";
import { migrationsDir } from "../../db/migrations";
import { env } from "../../env";
import { makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { storagePath } from "../attachments/storage";
import { uploadFile } from "../attachments/test-helpers";
import { BackupError } from "./backup-error";
import { createBackup } from "./create-backup";
import { openDatabaseSession, pgliteDir, type DatabaseSession } from "./database-session";
import { MANIFEST_FILE, type Manifest } from "./manifest";
import { restoreBackup } from "./restore-backup";

const testDb = await openTestDatabase();
const { participant, moderator } = testDb.actors;
const adminUrl = process.env.TEST_DATABASE_URL;

// what the tests add to the demo data: a thread with posts and an uploaded file
const thread = await makeThread(participant, { title: "Sicherung und Wiederherstellung", body: "Der erste Beitrag" });
await makePost(moderator, thread.id, "Eine Antwort mit **Markdown**");
await makePost(participant, thread.id, "Noch eine Antwort");
const upload = await uploadFile(participant, thread.id, "bericht.pdf", samplePdf("Sicherung"));
const uploadKey = (await rawDb().query<{ key: string }>(`SELECT "storageKey" AS key FROM "Attachment" WHERE id = $1`, [upload.id])).rows[0].key;

const work = await mkdtemp(path.join(os.tmpdir(), "gdst-backup-test-"));
after(() => rm(work, { recursive: true, force: true }));

/** The test database as a backup source: PGlite is already open in this process and has one session. */
async function openSource(): Promise<DatabaseSession> {
  if (adminUrl) return openDatabaseSession(testDb.url);
  return { kind: "pglite", sql: rawDb(), close: async () => undefined };
}

async function backupTo(session: DatabaseSession, uploadDir: string, name: string) {
  try {
    return await createBackup({ source: session, uploadDir, out: path.join(work, name) });
  } finally {
    await session.close();
  }
}

const source = await backupTo(await openSource(), env.uploadDir, "source.tar.gz");

interface Target {
  url: string;
  uploadDir: string;
}

/** A new empty database (PostgreSQL: a database on the test server; PGlite: a directory not yet there) and upload directory. */
async function emptyTarget(): Promise<Target> {
  const dir = await mkdtemp(path.join(work, "target-"));
  const uploadDir = path.join(dir, "uploads");
  if (!adminUrl) return { url: `file:${path.join(dir, "pglite")}`, uploadDir };
  const name = `gdst_test_restore_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  after(() => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), uploadDir };
}

async function adminQuery(sql: string, url = adminUrl!): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Nothing was written into a target: no database directory or no table, no uploaded file. */
async function assertUntouched(target: Target): Promise<void> {
  if (adminUrl) {
    const { rows } = await adminQuery(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`, target.url);
    assert.equal(rows[0].n, 0, "the target database got tables");
  } else {
    assert.equal(existsSync(pgliteDir(target.url)), false, "the target database directory was created");
  }
  assert.deepEqual(await readdir(target.uploadDir).catch(() => []), []);
}

/** Row counts of every table of the test database (the source), to prove a refusal changed nothing. */
async function sourceCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of source.manifest.tables) {
    counts[table.name] = (await rawDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table.name}"`)).rows[0].n;
  }
  return counts;
}

/** The archive unpacked, changed by `change` and packed again (a valid tar.gz with altered content). */
async function alteredArchive(name: string, change: (dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(path.join(work, "altered-"));
  await tar.x({ file: source.archive, cwd: dir });
  await change(dir);
  const out = path.join(work, name);
  await tar.c({ gzip: true, file: out, cwd: dir }, await readdir(dir));
  return out;
}

async function assertRefused(archive: string, target: Target, message: RegExp): Promise<void> {
  const before = await sourceCounts();
  await assert.rejects(restoreBackup({ archive, databaseUrl: target.url, uploadDir: target.uploadDir }), (error: unknown) => {
    assert.ok(error instanceof BackupError, `expected a BackupError, got ${String(error)}`);
    assert.match(error.message, message);
    assert.match(error.message, /Es wurde nichts verändert\./);
    return true;
  });
  assert.deepEqual(await sourceCounts(), before);
}

test("[backup] the manifest holds version, migration, kind, row counts and a checksum for every file", async () => {
  const { manifest } = source;
  const migrations = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  assert.equal(manifest.format, "gdst-backup");
  assert.equal(manifest.appVersion, JSON.parse(await readFile("package.json", "utf8")).version);
  assert.equal(manifest.database.kind, adminUrl ? "postgresql" : "pglite");
  assert.equal(manifest.database.latestMigration, migrations.at(-1));
  assert.deepEqual(manifest.database.migrations, migrations);
  assert.ok(!Number.isNaN(Date.parse(manifest.createdAt)));
  assert.deepEqual(
    Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows])),
    await sourceCounts(),
  );
  assert.ok(manifest.tables.find((table) => table.name === "Post")!.rows >= 3);
  assert.ok(!manifest.tables.some((table) => table.name === "_prisma_migrations"));
  // foreign-key order: a thread's group and author come before it
  const position = (name: string) => manifest.tables.findIndex((table) => table.name === name);
  assert.ok(position("WorkingGroup") < position("Thread") && position("User") < position("Thread") && position("Thread") < position("Post"));
  assert.match(manifest.files[`uploads/${uploadKey}`], /^[0-9a-f]{64}$/);
  assert.equal(manifest.uploads.files, (await readdir(env.uploadDir)).length);
  for (const table of manifest.tables) assert.ok(manifest.files[table.file], `no checksum for ${table.file}`);
  assert.equal((await stat(source.archive)).mode & 0o077, 0, "the archive is readable by others");
});

test("[backup] demo data and new content round-trip: same counts, same table checksums, same upload bytes", { timeout: 300_000 }, async () => {
  const target = await emptyTarget();
  const report = await restoreBackup({ archive: source.archive, databaseUrl: target.url, uploadDir: target.uploadDir });
  assert.deepEqual(
    report.counts.map((count) => [count.name, count.restored]),
    source.manifest.tables.map((table) => [table.name, table.rows]),
  );
  assert.equal(report.uploads, source.manifest.uploads.files);
  assert.deepEqual(await readFile(path.join(target.uploadDir, uploadKey)), await readFile(storagePath(uploadKey)));

  // a backup of the restored database must be the same data, file by file (rows are written in key order)
  const again = await backupTo(await openDatabaseSession(target.url, { mustExist: true }), target.uploadDir, "restored.tar.gz");
  assert.deepEqual(again.manifest.files, source.manifest.files);
  assert.deepEqual(again.manifest.sequences, source.manifest.sequences);
  assert.deepEqual(again.manifest.database.migrations, source.manifest.database.migrations);
});

test("[backup] a restore into a database or directory that is not empty is refused", { timeout: 120_000 }, async () => {
  // the test database itself: PostgreSQL has tables, the PGlite directory has files
  const uploadDir = path.join(await mkdtemp(path.join(work, "uploads-")), "uploads");
  await assertRefused(source.archive, { url: testDb.url, uploadDir }, /ist nicht leer/);
  assert.deepEqual(await readdir(uploadDir).catch(() => []), []);

  const target = await emptyTarget();
  await mkdir(target.uploadDir, { recursive: true });
  await writeFile(path.join(target.uploadDir, "vorhanden"), "schon da");
  await assertRefused(source.archive, target, /Upload-Verzeichnis .* ist nicht leer/);
  assert.deepEqual(await readdir(target.uploadDir), ["vorhanden"]);
  await rm(path.join(target.uploadDir, "vorhanden"));
  await assertUntouched(target);
});

test("[backup] a damaged archive is refused: a flipped byte, a truncated file, not an archive", { timeout: 120_000 }, async () => {
  const bytes = await readFile(source.archive);
  const flipped = path.join(work, "flipped.tar.gz");
  const copy = Buffer.from(bytes);
  copy[Math.floor(copy.length / 2)] ^= 0xff;
  await writeFile(flipped, copy);
  const truncated = path.join(work, "truncated.tar.gz");
  await writeFile(truncated, bytes);
  await truncate(truncated, Math.floor(bytes.length * 0.7));
  const text = path.join(work, "text.tar.gz");
  await writeFile(text, "keine Sicherung\n");

  const target = await emptyTarget();
  for (const archive of [flipped, truncated, text]) {
    await assertRefused(archive, target, /ist beschädigt oder kein GDST-Sicherungsarchiv/);
    await assertUntouched(target);
  }
  await assertRefused(path.join(work, "gibt-es-nicht.tar.gz"), target, /wurde nicht gefunden/);
});

test("[backup] an archive whose content does not match its manifest is refused", { timeout: 120_000 }, async () => {
  const target = await emptyTarget();
  const cases: [string, (dir: string) => Promise<void>, RegExp][] = [
    ["no-manifest.tar.gz", (dir) => rm(path.join(dir, MANIFEST_FILE)), /enthält kein Manifest \(manifest\.json\)/],
    [
      "changed-row.tar.gz",
      async (dir) => {
        const file = path.join(dir, "database/Post.jsonl");
        await writeFile(file, (await readFile(file, "utf8")).replace("Noch eine Antwort", "Noch eine Antwort!"));
      },
      /Prüfsumme von database\/Post\.jsonl stimmt nicht/,
    ],
    ["missing-upload.tar.gz", (dir) => rm(path.join(dir, "uploads", uploadKey)), /fehlen Dateien, die das Manifest nennt: uploads\//],
    ["extra-file.tar.gz", (dir) => writeFile(path.join(dir, "uploads", "fremd"), "x"), /Dateien, die das Manifest nicht nennt: uploads\/fremd/],
    ["other-format.tar.gz", (dir) => changeManifest(dir, (m) => ({ ...m, format: "anderes" })), /keine GDST-Sicherung/],
    ["broken-manifest.tar.gz", (dir) => writeFile(path.join(dir, MANIFEST_FILE), "{ nicht json"), /kein gültiges JSON/],
    [
      "newer-migration.tar.gz",
      (dir) =>
        changeManifest(dir, (m) => ({
          ...m,
          database: { ...m.database, latestMigration: "29991231000000_future", migrations: [...m.database.migrations, "29991231000000_future"] },
        })),
      /neueren Datenbankstand \(Migration 29991231000000_future\)/,
    ],
  ];
  for (const [name, change, message] of cases) {
    await assertRefused(await alteredArchive(name, change), target, message);
    await assertUntouched(target);
  }
});

async function changeManifest(dir: string, change: (manifest: Manifest) => unknown): Promise<void> {
  const file = path.join(dir, MANIFEST_FILE);
  await writeFile(file, JSON.stringify(change(JSON.parse(await readFile(file, "utf8")) as Manifest)));
}
