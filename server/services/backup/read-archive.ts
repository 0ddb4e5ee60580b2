import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as tar from "tar";
import { BackupError, NOTHING_CHANGED } from "./backup-error";
import { listFiles, sha256File } from "./checksums";
import { MANIFEST_FILE, parseManifest, type Manifest } from "./manifest";

/**
 * Unpacks an archive into `into` (an empty temporary directory) and checks it completely before a
 * restore touches anything: readable gzip/tar to the end, a manifest of this format, exactly the
 * files the manifest lists, each with its SHA-256.
 */
export async function readArchive(file: string, into: string): Promise<Manifest> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`Die Sicherung ${file} wurde nicht gefunden. ${NOTHING_CHANGED}`);
  try {
    // read to the end once without writing: extraction stops at the first error with files still being
    // written, listing finds a truncated or altered archive before anything is unpacked
    await tar.t({ file, strict: true });
    await tar.x({
      file,
      cwd: into,
      // a truncated or altered archive is an error, not a warning
      strict: true,
      // regular files and directories only: links could point outside the directory
      filter: (_path, entry) => "type" in entry && (entry.type === "File" || entry.type === "Directory"),
    });
  } catch (error) {
    throw new BackupError(
      `Die Sicherung ${file} ist beschädigt oder kein GDST-Sicherungsarchiv (.tar.gz): ${(error as Error).message}. ${NOTHING_CHANGED}`,
    );
  }
  const manifestPath = path.join(into, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new BackupError(`Die Sicherung ${file} enthält kein Manifest (${MANIFEST_FILE}). ${NOTHING_CHANGED}`);
  const manifest = parseManifest(await readFile(manifestPath, "utf8"));

  const present = (await listFiles(into)).filter((name) => name !== MANIFEST_FILE);
  const listed = Object.keys(manifest.files);
  const missing = listed.filter((name) => !present.includes(name));
  if (missing.length) throw new BackupError(`In der Sicherung fehlen Dateien, die das Manifest nennt: ${missing.join(", ")}. ${NOTHING_CHANGED}`);
  const extra = present.filter((name) => !(name in manifest.files));
  if (extra.length) throw new BackupError(`Die Sicherung enthält Dateien, die das Manifest nicht nennt: ${extra.join(", ")}. ${NOTHING_CHANGED}`);
  for (const name of listed) {
    if ((await sha256File(path.join(into, name))) !== manifest.files[name]) {
      throw new BackupError(`Die Prüfsumme von ${name} stimmt nicht mit dem Manifest überein: die Sicherung ist beschädigt. ${NOTHING_CHANGED}`);
    }
  }
  const unlisted = manifest.tables.filter((table) => !(table.file in manifest.files));
  if (unlisted.length) throw new BackupError(`Das Manifest nennt für ${unlisted.map((t) => t.name).join(", ")} keine Datei. ${NOTHING_CHANGED}`);
  return manifest;
}
