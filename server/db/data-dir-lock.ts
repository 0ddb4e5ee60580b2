import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

const LOCK_FILE = "gdst.lock";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no file lock of its own: two processes on one directory silently see different data.
 * The first process takes this lock; a second one is refused while the first is alive.
 * A lock left behind by a crashed process is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(file, "utf8").trim());
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `Das Datenverzeichnis ${dataDir} wird bereits von einem anderen GDST-Prozess (PID ${owner}) verwendet. ` +
            `Die eingebettete Datenbank kann nur von einem Prozess geöffnet werden: beenden Sie den anderen Prozess, ` +
            `wählen Sie mit DATA_DIR ein anderes Verzeichnis oder setzen Sie DATABASE_URL für PostgreSQL.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Die Sperrdatei in ${dataDir} konnte nicht angelegt werden.`);
}
