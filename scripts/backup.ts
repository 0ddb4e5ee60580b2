// `npm run backup [-- <archive.tar.gz>]`: database and uploads into one archive (README: Datensicherung).
import { databaseUrl } from "../server/db";
import { env } from "../server/env";
import { BackupError } from "../server/services/backup/backup-error";
import { createBackup, defaultArchivePath } from "../server/services/backup/create-backup";
import { openDatabaseSession } from "../server/services/backup/database-session";

const out = process.argv[2] ?? defaultArchivePath();
try {
  const source = await openDatabaseSession(databaseUrl(), { mustExist: true });
  try {
    const { archive, manifest } = await createBackup({ source, uploadDir: env.uploadDir, out });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `Sicherung geschrieben: ${archive}\n` +
        `  Datenbank: ${manifest.database.kind}, Migration ${manifest.database.latestMigration}, ` +
        `${manifest.tables.length} Tabellen, ${rows} Zeilen\n` +
        `  Hochgeladene Dateien: ${manifest.uploads.files} (${manifest.uploads.bytes} Bytes)`,
    );
  } finally {
    await source.close();
  }
} catch (error) {
  const message = error instanceof BackupError ? error.message : `Unerwarteter Fehler: ${(error as Error).message}`;
  console.error(`Sicherung abgebrochen: ${message}`);
  if (!(error instanceof BackupError)) console.error(error);
  process.exitCode = 1;
}
