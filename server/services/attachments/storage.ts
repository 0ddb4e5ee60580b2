import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "../../env";
import { AppError } from "../../errors";

/** Files being received start with this; whatever a crash leaves of them is swept like an unlinked upload. */
export const TEMP_PREFIX = "tmp-";
const STORAGE_KEY = /^[0-9a-f]{32}$/;

export const uploadDir = (): string => env.uploadDir;
export const newStorageKey = (): string => randomBytes(16).toString("hex");
export const isStorageKey = (name: string): boolean => STORAGE_KEY.test(name);

/** The stored file of a key; keys are random hex, so a path never comes from anything a person typed. */
export function storagePath(storageKey: string): string {
  if (!isStorageKey(storageKey)) throw new Error(`invalid storage key ${JSON.stringify(storageKey)}`);
  return path.join(uploadDir(), storageKey);
}

export interface ReceivedFile {
  tempPath: string;
  size: number;
  sha256: string;
}

/**
 * Writes a stream to a temporary file in the upload directory, hashing as it goes. One byte past
 * `maxBytes` ends it with FILE_TOO_LARGE: the source is destroyed (nothing more is read) and the
 * partial file removed, so an oversized upload never sits in memory or on disk.
 */
export async function receiveCapped(content: Readable, maxBytes: number): Promise<ReceivedFile> {
  const dir = uploadDir();
  await mkdir(dir, { recursive: true });
  const tempPath = path.join(dir, `${TEMP_PREFIX}${randomBytes(16).toString("hex")}`);
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) return callback(new AppError("FILE_TOO_LARGE"));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(content, meter, createWriteStream(tempPath, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    content.destroy();
    await rm(tempPath, { force: true });
    throw error;
  }
  return { tempPath, size, sha256: hash.digest("hex") };
}

/** Removes stored files; one already gone is not an error. */
export async function removeStoredFiles(storageKeys: readonly string[]): Promise<void> {
  await Promise.all(storageKeys.filter(isStorageKey).map((key) => rm(storagePath(key), { force: true })));
}
