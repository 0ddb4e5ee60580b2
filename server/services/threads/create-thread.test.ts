import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { groupIdBySlug } from "../../test/factories";
import { createTestUser, openTestDatabase } from "../../test/test-db";
import { createThread } from "./create-thread";
import { getThread } from "./get-thread";

const { actors } = await openTestDatabase();
const { participant, participant2, reader } = actors;

const counts = async () => ({ threads: await db().thread.count(), posts: await db().post.count() });
const input = async (overrides: Record<string, unknown> = {}) => ({
  groupId: await groupIdBySlug("umsetzung"),
  firstPostId: randomUUID(),
  title: "Austausch zur E-Akte",
  body: "Wer hat schon Erfahrungen?",
  ...overrides,
});

test("[thread] a participant opens a thread with its first post", async () => {
  const data = await input();
  const { result, events } = await createThread(participant, data);
  assert.equal(result.title, "Austausch zur E-Akte");
  assert.equal(result.group.slug, "umsetzung");
  assert.equal(result.author.id, participant.id);
  assert.equal(result.lastPostAuthor?.id, participant.id);
  assert.equal(result.postCount, 1);
  assert.equal(result.seq, 1);
  assert.equal(result.isPinned, false);
  assert.equal(result.isLocked, false);

  const post = await db().post.findUniqueOrThrow({ where: { id: data.firstPostId } });
  assert.equal(post.threadId, result.id);
  assert.equal(post.number, 1);
  assert.equal(post.changeSeq, 1);
  assert.equal(post.body, "Wer hat schon Erfahrungen?");

  assert.deepEqual(events.map((e) => e.name), ["post.created", "group.thread", "activity.created"]);
  assert.deepEqual(await getThread(participant2, result.id), result);
});

test("[thread] the same firstPostId sent twice returns the first thread and publishes nothing", async () => {
  const data = await input({ title: "Doppelt geschickt" });
  const first = await createThread(participant, data);
  const before = await counts();
  const second = await createThread(participant, data);
  assert.deepEqual(second.result, first.result);
  assert.deepEqual(second.events, []);
  assert.deepEqual(await counts(), before);
  assert.equal(await db().thread.count({ where: { title: "Doppelt geschickt" } }), 1);
});

test("[thread] the same firstPostId from another user is a CONFLICT", async () => {
  const data = await input();
  await createThread(participant, data);
  const before = await counts();
  await rejectsWithAppError(() => createThread(participant2, data), "CONFLICT");
  assert.deepEqual(await counts(), before);
});

test("[thread] an empty, blank or 201-character title is refused in German and nothing is created", async () => {
  const before = await counts();
  await rejectsWithZodMessage(async () => createThread(participant, await input({ title: "" })), "Bitte geben Sie einen Titel ein.");
  await rejectsWithZodMessage(async () => createThread(participant, await input({ title: "   " })), "Bitte geben Sie einen Titel ein.");
  await rejectsWithZodMessage(
    async () => createThread(participant, await input({ title: "T".repeat(201) })),
    "Der Titel darf höchstens 200 Zeichen lang sein.",
  );
  await rejectsWithZodMessage(async () => createThread(participant, await input({ body: " " })), "Bitte geben Sie einen Beitragstext ein.");
  assert.deepEqual(await counts(), before);
});

test("[thread] a 200-character title is accepted", async () => {
  const { result } = await createThread(participant, await input({ title: "T".repeat(200) }));
  assert.equal(result.title.length, 200);
});

test("[thread] an unknown group is NOT_FOUND and nothing is created", async () => {
  const before = await counts();
  await rejectsWithAppError(
    async () => createThread(participant, await input({ groupId: randomUUID() })),
    "NOT_FOUND",
    "Diese Arbeitsgruppe gibt es nicht.",
  );
  assert.deepEqual(await counts(), before);
});

test("[thread] a reader is FORBIDDEN and a signed-out caller UNAUTHORIZED", async () => {
  const before = await counts();
  await rejectsWithAppError(async () => createThread(reader, await input()), "FORBIDDEN");
  await rejectsWithAppError(async () => createThread(null, await input()), "UNAUTHORIZED");
  assert.deepEqual(await counts(), before);
});

test("[thread] getThread: unknown thread NOT_FOUND, reader FORBIDDEN", async () => {
  const { result } = await createThread(participant, await input());
  await rejectsWithAppError(() => getThread(participant, randomUUID()), "NOT_FOUND");
  await rejectsWithAppError(() => getThread(reader, result.id), "FORBIDDEN");
});

test("[thread] new threads share the post rate limit: beyond it a German message, nothing stored", async () => {
  const saved = process.env.POST_RATE_LIMIT_PER_MINUTE;
  process.env.POST_RATE_LIMIT_PER_MINUTE = "2";
  try {
    const writer = await createTestUser("PARTICIPANT");
    await createThread(writer, await input());
    await createThread(writer, await input());
    const before = await counts();
    const third = await input();
    await rejectsWithAppError(() => createThread(writer, third), "RATE_LIMITED");
    assert.deepEqual(await counts(), before);
  } finally {
    process.env.POST_RATE_LIMIT_PER_MINUTE = saved;
  }
});
