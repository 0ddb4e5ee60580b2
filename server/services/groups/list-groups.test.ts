import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError } from "../../test/assertions";
import { openTestDatabase } from "../../test/test-db";
import { getGroupBySlug, listGroups } from "./list-groups";

const { actors } = await openTestDatabase();
const { participant, moderator, admin, reader } = actors;

const programme = JSON.parse(readFileSync("seeds/arbeitsgruppen.json", "utf8")) as {
  working_groups: { slug: string; name: string; question: string; description: string }[];
};

test("[group] the four working groups are listed in programme order with their texts", async () => {
  const groups = await listGroups(participant);
  assert.deepEqual(groups.map((g) => g.slug), ["strategie", "organisation", "umsetzung", "technik"]);
  assert.deepEqual(
    groups.map(({ slug, name, question, description }) => ({ slug, name, question, description })),
    programme.working_groups,
  );
  assert.equal(groups[0].question, "Was soll gemacht werden?");
  assert.equal(groups[3].question, "Womit soll es gemacht werden?");
});

test("[group] membership flags and counts follow the demo seed", async () => {
  const bySlug = new Map((await listGroups(participant)).map((g) => [g.slug, g]));
  // Thomas Tietz is in Technik and Umsetzung
  assert.deepEqual(
    [...bySlug.values()].filter((g) => g.isMember).map((g) => g.slug),
    ["umsetzung", "technik"],
  );
  // threads: the demo conversations plus the discussions of the demo spotlights (three in Technik, two in Strategie)
  assert.equal(bySlug.get("technik")!.memberCount, 3);
  assert.equal(bySlug.get("technik")!.threadCount, 4);
  assert.equal(bySlug.get("strategie")!.memberCount, 1);
  assert.equal(bySlug.get("strategie")!.threadCount, 3);
  assert.deepEqual((await listGroups(admin)).filter((g) => g.isMember), []);
});

test("[group] a reader is FORBIDDEN, a signed-out caller UNAUTHORIZED", async () => {
  await rejectsWithAppError(() => listGroups(reader), "FORBIDDEN");
  await rejectsWithAppError(() => listGroups(null), "UNAUTHORIZED");
  await rejectsWithAppError(() => getGroupBySlug(reader, { slug: "technik" }), "FORBIDDEN");
});

test("[group] a group by slug lists its active members by name", async () => {
  const group = await getGroupBySlug(moderator, { slug: "technik" });
  assert.equal(group.name, "Arbeitsgruppe Technik");
  assert.equal(group.isMember, true);
  assert.deepEqual(group.members.map((m) => m.name), ["Martin Meier", "Sabine Schulze", "Thomas Tietz"]);
  assert.equal(group.memberCount, 3);
  assert.ok(group.members.every((m) => !("email" in m)), "members carry no email address");
});

test("[group] a deactivated member is neither listed nor counted", async () => {
  await db().user.update({ where: { id: actors.participant2.id }, data: { deactivatedAt: new Date() } });
  try {
    const group = await getGroupBySlug(participant, { slug: "technik" });
    assert.deepEqual(group.members.map((m) => m.name), ["Martin Meier", "Thomas Tietz"]);
    assert.equal(group.memberCount, 2);
    const listed = (await listGroups(participant)).find((g) => g.slug === "technik")!;
    assert.equal(listed.memberCount, 2, "the overview counts the same members as the group page");
  } finally {
    await db().user.update({ where: { id: actors.participant2.id }, data: { deactivatedAt: null } });
  }
});

test("[group] an unknown slug is NOT_FOUND", async () => {
  await rejectsWithAppError(() => getGroupBySlug(participant, { slug: "gibt-es-nicht" }), "NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
});
