import { z } from "zod";
import { BackupError, NOTHING_CHANGED } from "./backup-error";

export const MANIFEST_FILE = "manifest.json";
export const ARCHIVE_FORMAT = "gdst-backup";
export const ARCHIVE_FORMAT_VERSION = 1;

export type DatabaseKind = "pglite" | "postgresql";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
  createdAt: z.string(),
  appVersion: z.string(),
  database: z.object({
    kind: z.enum(["pglite", "postgresql"]),
    latestMigration: z.string().min(1),
    migrations: z.array(z.string()).min(1),
  }),
  /** In foreign-key order; `rows` is what a restore must end up with. */
  tables: z.array(z.object({ name: z.string(), file: z.string(), columns: z.array(z.string()), rows: z.number().int().min(0) })),
  /** last_value of each sequence (null: never used) */
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
  uploads: z.object({ files: z.number().int().min(0), bytes: z.number().int().min(0) }),
  /** SHA-256 of every other file in the archive, by its path in the archive */
  files: z.record(z.string(), sha256),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Parses manifest.json; anything that is not a manifest of this format is refused. */
export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError(`Das Manifest der Sicherung ist kein gültiges JSON: das Archiv ist beschädigt. ${NOTHING_CHANGED}`);
  }
  if ((json as { format?: unknown })?.format !== ARCHIVE_FORMAT) {
    throw new BackupError(`Das Archiv ist keine GDST-Sicherung (unbekanntes Format im Manifest). ${NOTHING_CHANGED}`);
  }
  if ((json as { formatVersion?: unknown }).formatVersion !== ARCHIVE_FORMAT_VERSION) {
    throw new BackupError(
      `Die Sicherung hat das Format ${String((json as { formatVersion?: unknown }).formatVersion)}; diese Version der Anwendung liest nur Format ${ARCHIVE_FORMAT_VERSION}. ${NOTHING_CHANGED}`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError(`Das Manifest der Sicherung ist unvollständig (${issue.path.join(".") || "Wurzel"}): das Archiv ist beschädigt. ${NOTHING_CHANGED}`);
  }
  return parsed.data;
}
