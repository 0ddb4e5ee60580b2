import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makeThread, setThreadLocked } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { createPost } from "./create-post";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;

const postCount = () => db().post.count();

test("[post] posts are numbered 1, 2, 3 and bump the thread's seq, postCount, activity and last author", async () => {
  const thread = await makeThread(participant, { body: "Erster" });
  assert.equal(thread.postCount, 1);
  assert.equal(thread.seq, 1);
  const before = await db().thread.findUniqueOrThrow({ where: { id: thread.id } });

  const second = await createPost(participant2, { id: randomUUID(), threadId: thread.id, body: "Zweiter" });
  const third = await createPost(moderator, { id: randomUUID(), threadId: thread.id, body: "Dritter" });
  assert.equal(second.result.number, 2);
  assert.equal(third.result.number, 3);
  assert.equal(second.result.changeSeq, 2);
  assert.equal(third.result.changeSeq, 3);
  assert.equal(third.result.author.id, moderator.id);
  assert.equal(third.result.html, "<p>Dritter</p>");

  const after = await db().thread.findUniqueOrThrow({ where: { id: thread.id } });
  assert.equal(after.postCount, 3);
  assert.equal(after.seq, 3);
  assert.equal(after.lastPostAuthorId, moderator.id);
  assert.ok(after.lastActivityAt > before.lastActivityAt, "lastActivityAt moves forward");
  assert.equal(after.lastActivityAt.toISOString(), third.result.createdAt);

  const numbers = await db().post.findMany({ where: { threadId: thread.id }, select: { number: true }, orderBy: { number: "asc" } });
  assert.deepEqual(numbers.map((p) => p.number), [1, 2, 3]);
});

test("[post] a new post yields the events for the thread, its group and the activity feed", async () => {
  const thread = await makeThread(participant);
  const { result, events } = await createPost(participant2, { id: randomUUID(), threadId: thread.id, body: "Hallo **Welt**" });
  assert.deepEqual(
    events.map((e) => [e.room, e.name]),
    [
      [`thread:${thread.id}`, "post.created"],
      [`group:${thread.group.id}`, "group.thread"],
      ["activity", "activity.created"],
      // the thread's author follows it
      [`user:${participant.id}`, "notification.created"],
    ],
  );
  assert.deepEqual(events[0].payload, { post: result, seq: 2, postCount: 2 });
  const groupPayload = events[1].payload as { thread: { id: string; postCount: number; lastPostAuthor: { id: string } | null } };
  assert.equal(groupPayload.thread.id, thread.id);
  assert.equal(groupPayload.thread.postCount, 2);
  assert.equal(groupPayload.thread.lastPostAuthor?.id, participant2.id);
  const activity = events[2].payload as { item: { postId: string; excerpt: string } };
  assert.equal(activity.item.postId, result.id);
  assert.equal(activity.item.excerpt, "Hallo Welt");
});

test("[post] the same client id sent twice stores the post once; the second time only its creation is published again, to the thread", async () => {
  const thread = await makeThread(participant);
  const input = { id: randomUUID(), threadId: thread.id, body: "Nur einmal" };
  const first = await createPost(participant, input);
  const countAfterFirst = await postCount();
  const second = await createPost(participant, input);

  assert.deepEqual(second.result, first.result);
  assert.equal(first.events.length, 3);
  // the first process may have died between storing and publishing: the thread hears of it again
  // (clients merge by id), with the post's own seq; group list, activity and notifications do not
  assert.deepEqual(second.events, [first.events[0]]);
  assert.equal(await postCount(), countAfterFirst);
  const row = await db().thread.findUniqueOrThrow({ where: { id: thread.id } });
  assert.equal(row.postCount, 2);
  assert.equal(row.seq, 2);
});

test("[post] a retry with the same id but another text still returns the stored post", async () => {
  const thread = await makeThread(participant);
  const id = randomUUID();
  await createPost(participant, { id, threadId: thread.id, body: "Original" });
  const retry = await createPost(participant, { id, threadId: thread.id, body: "Geändert" });
  assert.equal(retry.result.html, "<p>Original</p>");
  assert.deepEqual(retry.events.map((published) => published.name), ["post.created"]);
});

test("[post] two copies of one send at the same time create one post", async () => {
  const thread = await makeThread(participant);
  const input = { id: randomUUID(), threadId: thread.id, body: "Doppelt gesendet" };
  const [a, b] = await Promise.all([createPost(participant, input), createPost(participant, input)]);
  assert.equal(a.result.id, input.id);
  assert.deepEqual(b.result, a.result);
  assert.equal(a.events.length + b.events.length, 4, "one publishes the post, the other its creation again");
  assert.equal(await db().post.count({ where: { threadId: thread.id } }), 2);
  const row = await db().thread.findUniqueOrThrow({ where: { id: thread.id } });
  assert.equal(row.postCount, 2);
});

test("[post] concurrent posts get distinct, gap-free numbers", async () => {
  const thread = await makeThread(participant);
  const results = await Promise.all(
    [participant, participant2, moderator, participant, participant2].map((actor, i) =>
      createPost(actor, { id: randomUUID(), threadId: thread.id, body: `Parallel ${i}` }),
    ),
  );
  assert.deepEqual(results.map((r) => r.result.number).sort((a, b) => a - b), [2, 3, 4, 5, 6]);
  assert.deepEqual(results.map((r) => r.result.changeSeq).sort((a, b) => a - b), [2, 3, 4, 5, 6]);
  const row = await db().thread.findUniqueOrThrow({ where: { id: thread.id } });
  assert.equal(row.postCount, 6);
  assert.equal(row.seq, 6);
});

test("[post] the same id sent by another user is a CONFLICT and changes nothing", async () => {
  const thread = await makeThread(participant);
  const input = { id: randomUUID(), threadId: thread.id, body: "Von Thomas" };
  await createPost(participant, input);
  await rejectsWithAppError(() => createPost(participant2, input), "CONFLICT");
  const post = await db().post.findUniqueOrThrow({ where: { id: input.id } });
  assert.equal(post.authorId, participant.id);
  assert.equal(post.body, "Von Thomas");
});

test("[post] the same id sent to another thread is a CONFLICT", async () => {
  const thread = await makeThread(participant);
  const other = await makeThread(participant);
  const id = randomUUID();
  await createPost(participant, { id, threadId: thread.id, body: "Hier" });
  await rejectsWithAppError(() => createPost(participant, { id, threadId: other.id, body: "Dort" }), "CONFLICT");
  assert.equal((await db().thread.findUniqueOrThrow({ where: { id: other.id } })).postCount, 1);
});

test("[post] a reader is FORBIDDEN and a signed-out caller UNAUTHORIZED; nothing is written", async () => {
  const thread = await makeThread(participant);
  const before = await postCount();
  await rejectsWithAppError(() => createPost(reader, { id: randomUUID(), threadId: thread.id, body: "Lesend" }), "FORBIDDEN");
  await rejectsWithAppError(() => createPost(null, { id: randomUUID(), threadId: thread.id, body: "Anonym" }), "UNAUTHORIZED");
  assert.equal(await postCount(), before);
});

test("[post] an unknown thread is NOT_FOUND", async () => {
  const before = await postCount();
  await rejectsWithAppError(
    () => createPost(participant, { id: randomUUID(), threadId: randomUUID(), body: "Ins Leere" }),
    "NOT_FOUND",
    "Dieses Thema gibt es nicht (mehr).",
  );
  assert.equal(await postCount(), before);
});

test("[post] an empty, blank or too long body is refused with a German message and nothing is written", async () => {
  const thread = await makeThread(participant);
  const before = await postCount();
  const send = (body: unknown) => () => createPost(participant, { id: randomUUID(), threadId: thread.id, body });

  await rejectsWithZodMessage(send(""), "Bitte geben Sie einen Beitragstext ein.");
  await rejectsWithZodMessage(send("   \n\t  "), "Bitte geben Sie einen Beitragstext ein.");
  await rejectsWithZodMessage(send(undefined), "Bitte geben Sie einen Beitragstext ein.");
  await rejectsWithZodMessage(send("x".repeat(50_001)), "Der Beitrag darf höchstens 50.000 Zeichen lang sein.");

  assert.equal(await postCount(), before);
  const row = await db().thread.findUniqueOrThrow({ where: { id: thread.id } });
  assert.equal(row.postCount, 1);
  assert.equal(row.seq, 1);
});

test("[post] a body of exactly 50,000 characters is accepted; surrounding white space is trimmed", async () => {
  const thread = await makeThread(participant);
  const long = await createPost(participant, { id: randomUUID(), threadId: thread.id, body: "y".repeat(50_000) });
  assert.equal((await db().post.findUniqueOrThrow({ where: { id: long.result.id } })).body.length, 50_000);
  const trimmed = await createPost(participant, { id: randomUUID(), threadId: thread.id, body: "  mit Rand \n" });
  assert.equal((await db().post.findUniqueOrThrow({ where: { id: trimmed.result.id } })).body, "mit Rand");
});

test("[post] a malformed client id is refused with a German message", async () => {
  const thread = await makeThread(participant);
  await rejectsWithZodMessage(() => createPost(participant, { id: "nicht-eine-uuid", threadId: thread.id, body: "Text" }), "Die Kennung ist ungültig.");
});

test("[post] in a locked thread a participant gets THREAD_LOCKED, a moderator may still post", async () => {
  const thread = await makeThread(participant);
  await setThreadLocked(thread.id, true);
  const before = await postCount();
  await rejectsWithAppError(
    () => createPost(participant, { id: randomUUID(), threadId: thread.id, body: "Noch was" }),
    "THREAD_LOCKED",
  );
  assert.equal(await postCount(), before);
  const untouched = await db().thread.findUniqueOrThrow({ where: { id: thread.id } });
  assert.deepEqual([untouched.seq, untouched.postCount, untouched.lastPostAuthorId], [1, 1, participant.id], "the refused post left the thread as it was");

  const { result } = await createPost(moderator, { id: randomUUID(), threadId: thread.id, body: "Gesperrt, weil erledigt." });
  assert.equal(result.number, 2);
  assert.equal(await postCount(), before + 1);
});
