// `node --test "server/**/*.test.ts"` needs Node 21+: Node 20 takes file names only, no glob patterns.
// This finds the files and hands them to the same runner: `node --import tsx server/test/run-unit-tests.ts [node --test options]`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const roots = ["server", "scripts", "app"];
const files = roots
  .filter((root) => existsSync(root))
  .flatMap((root) => readdirSync(root, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile() && entry.name.endsWith(".test.ts"))
  .map((entry) => path.join(entry.parentPath, entry.name))
  .sort();

const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", ...process.argv.slice(2), ...files],
  // handled refusals are logged at info; the test output shows warnings and errors unless asked
  { stdio: "inherit", env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" } },
);
await dropPgTemplates();
process.exit(result.status ?? 1);

/** The seeded template databases of this run (test-db.ts) are left on the test server by no one else. */
async function dropPgTemplates(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return;
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'gdst\\_test\\_tpl\\_%'");
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
