import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cp, mkdtemp, rename, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after } from "node:test";
import pg from "pg";
import type { Actor } from "../auth/policy";
import type { RoleName } from "../auth/roles";
import { db } from "../db";
import { startDatabase, type StartedDatabase } from "../db/start-database";
import { createUser } from "../services/users/create-user";

export { DEMO_PASSWORD } from "../../seeds/demo";

export const demoEmails = {
  admin: "admin@gdst.example",
  moderator: "moderation@gdst.example",
  participant: "teilnehmer@gdst.example",
  participant2: "teilnehmerin@gdst.example",
  reader: "lesend@gdst.example",
} as const;

export type DemoActors = Record<keyof typeof demoEmails, Actor>;

export interface TestDatabase {
  url: string;
  migrationsApplied: string[];
  /** the five demo users as actors (only when opened with seedDemo) */
  actors: DemoActors;
  close(): Promise<void>;
}

/** What a seeded embedded database is built from: a change to any of these builds a new template. */
const TEMPLATE_INPUTS = [
  "prisma/migrations",
  "seeds",
  "server/db/migrations.ts",
  "server/db/start-database.ts",
  "server/services/users/create-user.ts",
  "server/auth/password.ts",
  "node_modules/@electric-sql/pglite/package.json",
];

function filesUnder(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The hash of everything a seeded template is built from. */
function templateHash(): string {
  const hash = createHash("sha256");
  for (const file of TEMPLATE_INPUTS.flatMap(filesUnder)) hash.update(file).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/** Databases on the test server named like this are templates of a test run; run-unit-tests.ts drops them afterwards. */
export const PG_TEMPLATE_PREFIX = "gdst_test_tpl_";

/**
 * The PostgreSQL counterpart of the PGlite template: a migrated, demo-seeded database that every test
 * file's database is created from (`CREATE DATABASE … TEMPLATE`, a file copy on the server), instead
 * of migrating and seeding the catalogue and demo data again for each of ~90 files. Built once per
 * input hash under an advisory lock, so two test processes never build it at the same time.
 */
async function seededPgTemplate(adminUrl: string): Promise<string> {
  const name = `${PG_TEMPLATE_PREFIX}${templateHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(hashtext('gdst-test-template'))");
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      const building = `${name}_build`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      const target = new URL(adminUrl);
      target.pathname = `/${building}`;
      const started = await startDatabase({ url: target.toString(), seedDemo: true });
      await started.close();
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    }
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext('gdst-test-template'))").catch(() => undefined);
    await admin.end();
  }
  return name;
}

/**
 * A migrated and demo-seeded PGlite directory shared by all test files, rebuilt when its inputs change.
 * PGlite's initdb takes 5–25 s, copying a finished directory well under one: every test file still gets
 * its own fresh copy. The migrations test opens without the template and so checks the full path.
 */
async function seededTemplate(): Promise<string> {
  const dir = path.join(os.tmpdir(), `gdst-test-template-${templateHash()}`);
  if (existsSync(dir)) return dir;

  const build = await mkdtemp(path.join(os.tmpdir(), "gdst-test-template-build-"));
  try {
    const started = await startDatabase({ url: `file:${path.join(build, "pglite")}`, seedDemo: true });
    await started.close();
    // rename is atomic: another test process building the same template at once simply loses
    await rename(build, dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST" && error.code !== "ENOTEMPTY") throw error;
    });
  } finally {
    await rm(build, { recursive: true, force: true });
  }
  await removeStaleTemplates(dir);
  return dir;
}

async function removeStaleTemplates(current: string): Promise<void> {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(os.tmpdir())) {
    const dir = path.join(os.tmpdir(), name);
    if (!name.startsWith("gdst-test-template-") || dir === current) continue;
    const { mtimeMs } = await stat(dir).catch(() => ({ mtimeMs: Date.now() }));
    if (mtimeMs < dayAgo) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Opens a fresh database for one test file and installs it as the process database; it is closed
 * (and deleted) in an `after` hook. TEST_DATABASE_URL=postgresql://… points at a server on which a
 * throw-away database is created; otherwise an embedded PGlite lives in a temp directory.
 * An unclosed PGlite keeps the test process alive, hence the hook.
 */
export async function openTestDatabase(options: { seedDemo?: boolean } = {}): Promise<TestDatabase> {
  // service tests post and react far faster than a person; rate-limit.test.ts checks the limits themselves
  process.env.POST_RATE_LIMIT_PER_MINUTE ??= "1000000";
  process.env.REACTION_RATE_LIMIT_PER_MINUTE ??= "1000000";
  const seedDemo = options.seedDemo ?? true;
  // uploads (and the demo seed's file) go to a directory of this test file, not ./data
  const uploadDir = process.env.UPLOAD_DIR ? undefined : await mkdtemp(path.join(os.tmpdir(), "gdst-test-uploads-"));
  if (uploadDir) {
    process.env.UPLOAD_DIR = uploadDir;
    after(() => rm(uploadDir, { recursive: true, force: true }));
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  let cleanup: () => Promise<void>;
  let url: string;

  if (adminUrl) {
    const name = `gdst_test_${randomBytes(6).toString("hex")}`;
    const template = seedDemo && process.env.TEST_DB_TEMPLATE !== "0" ? await seededPgTemplate(adminUrl) : null;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const target = new URL(adminUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    cleanup = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    };
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "gdst-test-"));
    url = `file:${path.join(dir, "pglite")}`;
    if (seedDemo && process.env.TEST_DB_TEMPLATE !== "0") {
      await cp(path.join(await seededTemplate(), "pglite"), path.join(dir, "pglite"), { recursive: true });
    }
    cleanup = () => rm(dir, { recursive: true, force: true });
  }

  let started: StartedDatabase;
  try {
    started = await startDatabase({ url, seedDemo });
  } catch (error) {
    await cleanup();
    throw error;
  }

  let isClosed = false;
  const close = async () => {
    if (isClosed) return;
    isClosed = true;
    try {
      await started.close();
    } finally {
      await cleanup();
    }
  };
  after(close);

  const actors = seedDemo ? await demoActors() : ({} as DemoActors);
  return { url, migrationsApplied: started.migrationsApplied, actors, close };
}

/** The actor for a user as the database knows them now (what actorFromCookieHeader would build). */
export async function actorByEmail(email: string): Promise<Actor> {
  return db().user.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, email: true, organisation: true, role: true },
  });
}

async function demoActors(): Promise<DemoActors> {
  const entries = await Promise.all(
    Object.entries(demoEmails).map(async ([key, email]) => [key, await actorByEmail(email)] as const),
  );
  return Object.fromEntries(entries) as DemoActors;
}

/** A new user of the given role, for tests that change or deactivate users. */
export async function createTestUser(role: RoleName, password = "test-passwort-123"): Promise<Actor> {
  const suffix = randomUUID().slice(0, 8);
  const user = await createUser({
    email: `${role.toLowerCase()}-${suffix}@test.example`,
    name: `Test ${role} ${suffix}`,
    organisation: "Testkommune",
    role,
    password,
  });
  return { id: user.id, name: user.name, email: user.email, organisation: user.organisation, role: user.role };
}
