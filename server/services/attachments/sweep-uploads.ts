import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { db } from "../../db";
import { log } from "../../log";
import { isStorageKey, removeStoredFiles, TEMP_PREFIX, uploadDir } from "./storage";

/** An upload not sent with a post within a day is taken as abandoned. */
export const UNLINKED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface SweepResult {
  /** unlinked uploads older than a day: rows and files */
  uploads: number;
  /** files without a row (interrupted uploads, attachments of deleted posts), older than a day */
  strayFiles: number;
}

/**
 * Removes uploads that were never linked to anything and files that no row refers to any more. Safe
 * with several processes sweeping at once: rows are deleted with RETURNING, so a file is only removed
 * once its row is gone, and an upload linked in the meantime is not deleted.
 */
export async function sweepUploads(now = new Date()): Promise<SweepResult> {
  const cutoff = new Date(now.getTime() - UNLINKED_UPLOAD_TTL_MS);
  const deleted = await db().$queryRaw<{ storageKey: string }[]>`
    DELETE FROM "Attachment" WHERE "attachedAt" IS NULL AND "createdAt" < ${cutoff.toISOString()}::timestamp(3)
    RETURNING "storageKey"`;
  await removeStoredFiles(deleted.map((row) => row.storageKey));
  return { uploads: deleted.length, strayFiles: await removeStrayFiles(cutoff) };
}

async function removeStrayFiles(cutoff: Date): Promise<number> {
  const dir = uploadDir();
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  const old: string[] = [];
  for (const name of names) {
    if (!isStorageKey(name) && !name.startsWith(TEMP_PREFIX)) continue;
    const info = await stat(path.join(dir, name)).catch(() => null);
    if (info?.isFile() && info.mtime < cutoff) old.push(name);
  }
  const stray: string[] = old.filter((name) => name.startsWith(TEMP_PREFIX));
  const keys = old.filter(isStorageKey);
  for (let start = 0; start < keys.length; start += 500) {
    const batch = keys.slice(start, start + 500);
    const known = await db().attachment.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } });
    const knownKeys = new Set(known.map((row) => row.storageKey));
    stray.push(...batch.filter((key) => !knownKeys.has(key)));
  }
  await Promise.all(stray.map((name) => rm(path.join(dir, name), { force: true })));
  return stray.length;
}

/** Sweeps at start-up and then every hour, for as long as the process runs. */
export function startUploadSweeper(): NodeJS.Timeout {
  const sweep = async () => {
    try {
      const { uploads, strayFiles } = await sweepUploads();
      if (uploads || strayFiles) log().info({ uploads, strayFiles }, "Nicht verwendete Uploads entfernt");
    } catch (error) {
      log().warn({ err: error }, "Aufräumen der Uploads fehlgeschlagen");
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  timer.unref();
  return timer;
}
