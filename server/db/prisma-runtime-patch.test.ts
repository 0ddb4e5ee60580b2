import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { MARKER, REPLACEMENTS, patchRuntimeFile, runtimeFiles } from "../../scripts/patch-prisma-runtime.mjs";
import { db, rawDb } from "../db";
import { openTestDatabase } from "../test/test-db";

const testDb = await openTestDatabase({ seedDemo: true });
const scratch = mkdtempSync(path.join(tmpdir(), "gdst-prisma-patch-"));
after(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await testDb.close();
});

test("the installed Prisma runtime keeps the parameterization graph's edges in Maps", () => {
  for (const file of runtimeFiles()) {
    const text = readFileSync(file, "utf8");
    assert.ok(text.includes(MARKER), `${file} is not patched: run node scripts/patch-prisma-runtime.mjs and see why`);
    for (const [original] of REPLACEMENTS) assert.equal(text.includes(original), false, `${file} still contains ${original}`);
  }
});

test("the patch rewrites a runtime only when every original occurs as often as expected, and only once", () => {
  const original = REPLACEMENTS.map(([text, , times]) => Array.from({ length: times }, () => text).join(";")).join("\n");
  const file = path.join(scratch, "client.mjs");
  writeFileSync(file, original);
  assert.equal(patchRuntimeFile(file), "patched");
  const patched = readFileSync(file, "utf8");
  for (const [text, replacement, times] of REPLACEMENTS) {
    assert.equal(patched.includes(text), false);
    assert.equal(patched.split(replacement).length - 1, times);
  }
  assert.equal(patchRuntimeFile(file), "already patched");
  assert.equal(readFileSync(file, "utf8"), patched);

  // a different runtime (an upgrade): nothing is written
  const changed = original.replace("let o=n.edges[i];", "let o=n.edges.at(i);");
  writeFileSync(file, changed);
  assert.match(patchRuntimeFile(file), /^not patched: "let o=n\.edges\[i\];" occurs 1 times instead of 2/);
  assert.equal(readFileSync(file, "utf8"), changed);
});

test("queries of one shape with different values, enums and nested relation filters return their own rows", async () => {
  // the graph decides which values of a query become parameters of its cached plan: a wrong lookup
  // would bake the first query's values into the plan that the later ones reuse
  const groups = await db().workingGroup.findMany({ select: { slug: true } });
  assert.ok(groups.length >= 4);
  let found = 0;
  for (const role of ["PARTICIPANT", "MODERATOR", "READER"] as const) {
    for (const { slug } of groups) {
      const viaPrisma = await db().user.findMany({
        where: { role, deactivatedAt: null, memberships: { some: { group: { slug } } } },
        select: { email: true },
        orderBy: { email: "asc" },
      });
      const { rows: viaSql } = await rawDb().query<{ email: string }>(
        `SELECT u.email FROM "User" u WHERE u.role = $1::"Role" AND u."deactivatedAt" IS NULL
           AND EXISTS (SELECT 1 FROM "GroupMembership" m JOIN "WorkingGroup" g ON g.id = m."groupId" WHERE m."userId" = u.id AND g.slug = $2)
         ORDER BY u.email`,
        [role, slug],
      );
      assert.deepEqual(viaPrisma.map((user) => user.email), viaSql.map((user) => user.email), `${role} in ${slug}`);
      found += viaSql.length;
    }
  }
  assert.ok(found > 0, "the demo data has members in groups");
});
