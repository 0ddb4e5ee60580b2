import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { POSTS_PER_PAGE } from "../../schemas/post";
import { rejectsWithAppError } from "../../test/assertions";
import { makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { editPost } from "./edit-post";
import { listPosts, postsSince } from "./list-posts";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;

test("[post] postsSince returns the posts created and edited after a seq, in change order", async () => {
  const thread = await makeThread(participant, { body: "Eins" }); // seq 1
  const firstId = (await listPosts(participant, { threadId: thread.id })).posts[0].id;
  const second = await makePost(participant2, thread.id, "Zwei"); // seq 2
  const third = await makePost(moderator, thread.id, "Drei"); // seq 3
  await editPost(participant, { postId: firstId, body: "Eins, überarbeitet" }); // seq 4

  const since2 = await postsSince(participant2, { threadId: thread.id, afterSeq: 2 });
  assert.deepEqual(
    since2.posts.map((p) => [p.number, p.changeSeq, p.html]),
    [
      [3, 3, "<p>Drei</p>"],
      [1, 4, "<p>Eins, überarbeitet</p>"],
    ],
  );
  assert.equal(since2.seq, 4);
  assert.equal(since2.thread.id, thread.id);
  assert.equal(since2.isTruncated, false);

  const since0 = await postsSince(participant2, { threadId: thread.id, afterSeq: 0 });
  assert.deepEqual(since0.posts.map((p) => p.id), [second.id, third.id, firstId]);
  assert.deepEqual((await postsSince(participant2, { threadId: thread.id, afterSeq: 4 })).posts, []);
});

test("[post] postsSince and listPosts: reader FORBIDDEN, signed out UNAUTHORIZED, unknown thread NOT_FOUND", async () => {
  const thread = await makeThread(participant);
  await rejectsWithAppError(() => postsSince(reader, { threadId: thread.id, afterSeq: 0 }), "FORBIDDEN");
  await rejectsWithAppError(() => listPosts(reader, { threadId: thread.id }), "FORBIDDEN");
  await rejectsWithAppError(() => listPosts(null, { threadId: thread.id }), "UNAUTHORIZED");
  await rejectsWithAppError(() => listPosts(participant, { threadId: randomUUID() }), "NOT_FOUND");
  await rejectsWithAppError(() => postsSince(participant, { threadId: randomUUID(), afterSeq: 0 }), "NOT_FOUND");
});

test("[post] listPosts pages by 50 in reading order", async () => {
  assert.equal(POSTS_PER_PAGE, 50);
  const thread = await makeThread(participant, { body: "Beitrag 1" });
  for (let n = 2; n <= 53; n++) await makePost(n % 2 ? participant : participant2, thread.id, `Beitrag ${n}`);

  const first = await listPosts(participant, { threadId: thread.id });
  assert.equal(first.page, 1);
  assert.equal(first.pageCount, 2);
  assert.equal(first.seq, 53);
  assert.equal(first.posts.length, 50);
  assert.deepEqual(first.posts.map((p) => p.number), Array.from({ length: 50 }, (_, i) => i + 1));
  assert.equal(first.posts[49].html, "<p>Beitrag 50</p>");

  const second = await listPosts(participant, { threadId: thread.id, page: 2 });
  assert.equal(second.page, 2);
  assert.deepEqual(second.posts.map((p) => p.html), ["<p>Beitrag 51</p>", "<p>Beitrag 52</p>", "<p>Beitrag 53</p>"]);

  const beyond = await listPosts(participant, { threadId: thread.id, page: 7 });
  assert.equal(beyond.page, 2, "a page past the end shows the last page");
  assert.deepEqual(beyond.posts.map((p) => p.number), [51, 52, 53]);
});

test("[post] a thread with one post has one page", async () => {
  const thread = await makeThread(participant, { body: "Allein" });
  const page = await listPosts(moderator, { threadId: thread.id });
  assert.equal(page.pageCount, 1);
  assert.deepEqual(page.posts.map((p) => p.html), ["<p>Allein</p>"]);
});
