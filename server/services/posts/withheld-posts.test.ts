import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { samplePdf } from "../../../seeds/sample-files";
import { rejectsWithAppError } from "../../test/assertions";
import { makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { recentActivity } from "../activity/recent-activity";
import { readAttachment } from "../attachments/read-attachment";
import { uploadFile } from "../attachments/test-helpers";
import { reportPost } from "../reports/report-post";
import { search } from "../search/search";
import { createPost } from "./create-post";
import { deletePost } from "./delete-post";
import { hidePost } from "./hide-post";

// What a deleted or hidden post withholds from participants holds on every other path too:
// search, attachments, reports and the home page's activity.
const { actors } = await openTestDatabase();
const { participant, participant2, moderator } = actors;

async function postWithFile(word: string) {
  const thread = await makeThread(participant);
  const upload = await uploadFile(participant, thread.id, "Konzept.pdf", samplePdf("Konzept"));
  const { result: post } = await createPost(participant, {
    id: randomUUID(),
    threadId: thread.id,
    body: `Der ${word} gehört zum Entwurf.`,
    attachments: [{ id: upload.id }],
  });
  return { post, attachmentId: upload.id };
}

const searchHits = async (word: string) => (await search(participant2, { query: word })).hits.map((hit) => hit.id);

for (const [label, withhold] of [
  ["hidden by moderation", (postId: string) => hidePost(moderator, { postId, reason: "Enthält personenbezogene Daten" })],
  ["deleted by its author", (postId: string) => deletePost(participant, { postId })],
] as const) {
  test(`[withheld] a post ${label} is found by no search, serves its files to moderation only, cannot be reported and leaves the activity`, async () => {
    const word = `Zauberwort${randomUUID().slice(0, 6)}`;
    const { post, attachmentId } = await postWithFile(word);
    assert.deepEqual(await searchHits(word), [post.id]);
    assert.ok(await readAttachment(participant2, attachmentId));
    assert.ok((await recentActivity(participant2, 50)).some((item) => item.postId === post.id));

    await withhold(post.id);

    assert.deepEqual(await searchHits(word), []);
    await rejectsWithAppError(() => readAttachment(participant2, attachmentId), "NOT_FOUND");
    assert.ok(await readAttachment(moderator, attachmentId), "moderation still opens the file");
    await rejectsWithAppError(() => reportPost(participant2, { postId: post.id, reason: "SPAM", note: "" }), "NOT_FOUND");
    assert.ok(!(await recentActivity(participant2, 50)).some((item) => item.postId === post.id));
  });
}
