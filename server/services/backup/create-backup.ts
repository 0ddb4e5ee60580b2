import { createWriteStream, existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import * as tar from "tar";
import type { SqlRunner } from "../../db/migrations";
import { TEMP_PREFIX } from "../attachments/storage";
import { BackupError } from "./backup-error";
import { listFiles, sha256File } from "./checksums";
import type { DatabaseSession } from "./database-session";
import { dumpDatabase } from "./dump-database";
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, MANIFEST_FILE, type Manifest } from "./manifest";

/** backups/gdst-backup-2026-11-26T21-30-05Z.tar.gz (colons are not allowed in Windows file names) */
export function defaultArchivePath(now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
  return path.resolve("backups", `gdst-backup-${stamp}.tar.gz`);
}

export async function appVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Writes one .tar.gz: manifest.json first, then database/<table>.jsonl and uploads/<storage key>.
 * The uploads are copied inside the database snapshot's transaction, right after the tables: every
 * file a row of the snapshot refers to was stored before that row was committed. The archive is
 * written under a temporary name and renamed, so a half-written archive never has the final name.
 */
export async function createBackup(options: { source: DatabaseSession; uploadDir: string; out: string }): Promise<{ archive: string; manifest: Manifest }> {
  const out = path.resolve(options.out);
  if (existsSync(out)) throw new BackupError(`Die Datei ${out} gibt es schon; eine Sicherung überschreibt nichts.`);
  const staging = await mkdtemp(path.join(os.tmpdir(), "gdst-backup-"));
  try {
    let uploads = { files: 0, bytes: 0 };
    const dump = await dumpDatabase(options.source.sql, staging, async () => {
      uploads = await copyUploads(options.uploadDir, path.join(staging, "uploads"), options.source.sql);
    });
    const contents = await listFiles(staging);
    const files: Manifest["files"] = {};
    for (const file of contents) files[file] = await sha256File(path.join(staging, file));
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      appVersion: await appVersion(),
      database: { kind: options.source.kind, latestMigration: dump.migrations.at(-1)!, migrations: dump.migrations },
      tables: dump.tables,
      sequences: dump.sequences,
      uploads,
      files,
    };
    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n", { mode: 0o600 });

    await mkdir(path.dirname(out), { recursive: true });
    const partial = `${out}.partial-${process.pid}`;
    try {
      // password hashes and personal data: readable by the operator's account only
      await pipeline(tar.c({ gzip: true, cwd: staging, portable: true }, [MANIFEST_FILE, ...contents]), createWriteStream(partial, { flags: "wx", mode: 0o600 }));
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { archive: out, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function copyUploads(from: string, to: string, snapshot: SqlRunner): Promise<{ files: number; bytes: number }> {
  const names = (await listFiles(from)).filter((name) => !path.posix.basename(name).startsWith(TEMP_PREFIX));
  let files = 0;
  let bytes = 0;
  for (const name of names) {
    const target = path.join(to, name);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await copyFile(path.join(from, name), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      // removed since it was listed: an unsent upload swept, or an attachment deleted after the
      // snapshot began. Only the latter is still named by the snapshot, which must then have its file.
      const { rows } = await snapshot.query(`SELECT 1 FROM "Attachment" WHERE "storageKey" = $1`, [name]);
      if (rows.length) throw new BackupError(`Die hochgeladene Datei ${name} ist während der Sicherung verschwunden. Bitte die Sicherung wiederholen.`);
      continue;
    }
    files++;
    bytes += (await stat(target)).size;
  }
  return { files, bytes };
}
