import assert from "node:assert/strict";
import { after, test } from "node:test";
import { db } from "../../db";
import { ozgPriorityLabels } from "../../schemas/ozg";
import { openTestDatabase } from "../../test/test-db";

const testDb = await openTestDatabase({ seedDemo: true });
after(() => testDb.close());

test("[results] the demo report's OZG table agrees with the demo's OZG status, in the published version and the draft", async () => {
  const published = await db().resultVersionSection.findFirstOrThrow({ where: { title: { startsWith: "Strategie" }, version: { number: 1 } }, select: { markdown: true } });
  const draft = await db().resultSection.findFirstOrThrow({ where: { title: { startsWith: "Strategie" } }, select: { markdown: true } });
  for (const [label, markdown] of [["version 1", published.markdown], ["draft", draft.markdown]]) {
    for (const priority of [1, 2, 3] as const) {
      const [services, done] = await Promise.all([
        db().ozgService.count({ where: { priority } }),
        db().ozgService.count({ where: { priority, phase: "DONE" } }),
      ]);
      assert.ok(services > 0);
      assert.ok(markdown.includes(`| ${ozgPriorityLabels[priority]} | ${services} | ${done} |`), `${label}: ${ozgPriorityLabels[priority]} ${services} / ${done}`);
    }
  }
});
