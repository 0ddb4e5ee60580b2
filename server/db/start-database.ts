import path from "node:path";
import { seedDemo } from "../../seeds/demo";
import { seedOzgCatalogue } from "../../seeds/ozg-catalogue";
import { seedWorkingGroups } from "../../seeds/working-groups";
import { databaseUrl, openDatabase, setDatabase } from "../db";
import { env, isPostgresUrl } from "../env";
import { acquireDataDirLock } from "./data-dir-lock";
import { applyMigrations } from "./migrations";

export interface StartedDatabase {
  url: string;
  migrationsApplied: string[];
  /** the demo accounts were created by this start (an empty database) */
  demoSeeded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the database this process owns, brings it to the current schema and seeds what is missing.
 * An embedded PGlite directory is locked first: a second process on it is refused with a clear message.
 */
export async function startDatabase(options: { url?: string; seedDemo?: boolean } = {}): Promise<StartedDatabase> {
  const url = options.url ?? databaseUrl();
  const isEmbeddedDir = !isPostgresUrl(url) && url !== "file:memory";
  const releaseLock = isEmbeddedDir ? acquireDataDirLock(path.dirname(url.replace(/^file:/, ""))) : undefined;
  try {
    const handle = await openDatabase(url);
    const migrationsApplied = await applyMigrations(handle.raw);
    setDatabase(handle);
    // password hashing in the demo seed takes a moment: allow more than the default 5 s
    const demoSeeded = await handle.prisma.$transaction(
      async (tx) => {
        // processes starting together on one empty PostgreSQL would otherwise both seed
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(72202)`;
        await seedWorkingGroups(tx);
        await seedOzgCatalogue(tx);
        return (options.seedDemo ?? env.seedDemo) && (await seedDemo(tx));
      },
      { timeout: 60_000 },
    );
    return {
      url,
      migrationsApplied,
      demoSeeded,
      close: async () => {
        setDatabase(undefined);
        await handle.close();
        releaseLock?.();
      },
    };
  } catch (error) {
    releaseLock?.();
    throw error;
  }
}
