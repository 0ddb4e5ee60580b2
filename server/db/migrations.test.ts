import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { test } from "node:test";
import { openTestDatabase } from "../test/test-db";
import { db, Prisma, rawDb } from "../db";
import { applyMigrations, migrationsDir } from "./migrations";
import { readdirSync } from "node:fs";

const testDb = await openTestDatabase({ seedDemo: false });

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

// The wasm schema engine takes a while to start on a busy machine.
test("[migrations] prisma/migrations produce exactly prisma/schema.prisma", { timeout: 180_000 }, async () => {
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const { code, output } = await run(
    process.execPath,
    [prismaCli, "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
    // --from-migrations replays into a shadow database: the embedded in-memory one needs no server
    { ...process.env, DATABASE_URL: "file:memory", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  );
  assert.equal(code, 0, `prisma migrate diff found a difference or failed (exit ${code}):\n${output}`);
  assert.match(output, /No difference detected/);
});

test("[migrations] every migration directory was applied on the fresh database", () => {
  const directories = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  assert.ok(directories.length > 0);
  assert.deepEqual(testDb.migrationsApplied, directories);
});

test("[migrations] every Prisma model is queryable on the migrated database", async () => {
  const models = Object.values(Prisma.ModelName);
  assert.ok(models.length >= 8, `expected the schema's models, got ${models.join(", ")}`);
  for (const model of models) {
    const delegateName = model[0].toLowerCase() + model.slice(1);
    const delegate = (db() as unknown as Record<string, { count(): Promise<number> } | undefined>)[delegateName];
    assert.ok(delegate, `no Prisma delegate for ${model}`);
    const count = await delegate.count();
    assert.equal(typeof count, "number", model);
  }
  // seeded working groups prove the migrated tables are the ones the services use
  assert.equal(await db().workingGroup.count(), 4);
});

test("[migrations] applying the migrations again applies nothing", async () => {
  const before = await rawDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
  assert.deepEqual(await applyMigrations(rawDb()), []);
  assert.deepEqual(await applyMigrations(rawDb()), []);
  const after = await rawDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
  assert.equal(after.rows[0].n, before.rows[0].n);
  assert.equal(after.rows[0].n, testDb.migrationsApplied.length);
});

test("[migrations] the migrations are recorded as finished, like prisma migrate deploy does", async () => {
  const { rows } = await rawDb().query<{ migration_name: string; finished_at: Date | null; checksum: string }>(
    `SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
  );
  assert.deepEqual(
    rows.map((row) => row.migration_name),
    testDb.migrationsApplied,
  );
  for (const row of rows) {
    assert.ok(row.finished_at, `${row.migration_name} is not finished`);
    assert.match(row.checksum, /^[0-9a-f]{64}$/);
  }
});
