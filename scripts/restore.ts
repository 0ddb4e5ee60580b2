// `npm run restore -- <archive.tar.gz>`: into an empty database and empty directories (README: Datensicherung).
import { databaseUrl } from "../server/db";
import { env } from "../server/env";
import { BackupError } from "../server/services/backup/backup-error";
import { restoreBackup } from "../server/services/backup/restore-backup";

const archive = process.argv[2];
if (!archive) {
  console.error("Aufruf: npm run restore -- <Sicherung.tar.gz>");
  process.exit(2);
}
try {
  const { manifest, counts, uploads } = await restoreBackup({ archive, databaseUrl: databaseUrl(), uploadDir: env.uploadDir });
  const width = Math.max(...counts.map((count) => count.name.length), "Tabelle".length);
  console.log(`Sicherung vom ${manifest.createdAt} (Version ${manifest.appVersion}, ${manifest.database.kind}, Migration ${manifest.database.latestMigration})`);
  console.log(`${"Tabelle".padEnd(width)}  Manifest  Wiederhergestellt`);
  for (const count of counts) console.log(`${count.name.padEnd(width)}  ${String(count.expected).padStart(8)}  ${String(count.restored).padStart(17)}`);
  console.log(
    `Alle ${counts.length} Tabellen stimmen mit dem Manifest überein; ${uploads === 1 ? "1 hochgeladene Datei" : `${uploads} hochgeladene Dateien`} wiederhergestellt ` +
      `(Prüfsummen geprüft). Beim nächsten Start wendet die Anwendung neuere Migrationen an.`,
  );
} catch (error) {
  const message = error instanceof BackupError ? error.message : `Unerwarteter Fehler: ${(error as Error).message}`;
  console.error(`Wiederherstellung abgebrochen: ${message}`);
  if (!(error instanceof BackupError)) console.error(error);
  process.exitCode = 1;
}
