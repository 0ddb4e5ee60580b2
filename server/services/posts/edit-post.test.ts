import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makePost, makeThread, setThreadLocked } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { editPost } from "./edit-post";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;

const auditRowsFor = (postId: string) => db().auditEntry.findMany({ where: { subjectType: "post", subjectId: postId } });

test("[post] the author edits their post: revision with the old text, editedAt, changeSeq and an event", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Alter Text");
  assert.equal(post.editedAt, null);

  const { result, events } = await editPost(participant, { postId: post.id, body: "Neuer **Text**" });
  assert.equal(result.html, "<p>Neuer <strong>Text</strong></p>");
  assert.ok(result.editedAt, "editedAt is set");
  assert.equal(result.number, post.number);
  assert.equal(result.changeSeq, 3);

  const row = await db().post.findUniqueOrThrow({ where: { id: post.id } });
  assert.equal(row.body, "Neuer **Text**");
  assert.equal(row.changeSeq, 3);
  assert.equal((await db().thread.findUniqueOrThrow({ where: { id: thread.id } })).seq, 3);

  const revisions = await db().postRevision.findMany({ where: { postId: post.id } });
  assert.equal(revisions.length, 1);
  assert.equal(revisions[0].body, "Alter Text");
  assert.equal(revisions[0].editedById, participant.id);

  // the thread room gets the participant view, moderation's room its own
  assert.equal(events.length, 2);
  assert.equal(events[0].room, `thread:${thread.id}`);
  assert.equal(events[0].except, `thread-moderation:${thread.id}`);
  assert.equal(events[0].name, "post.updated");
  assert.deepEqual(events[0].payload, { post: result, seq: 3 });
  assert.equal(events[1].room, `thread-moderation:${thread.id}`);

  assert.deepEqual(await auditRowsFor(post.id), [], "an author's own edit is not audited");
});

test("[post] every edit keeps the text before it", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Fassung 1");
  await editPost(participant, { postId: post.id, body: "Fassung 2" });
  await editPost(participant, { postId: post.id, body: "Fassung 3" });
  const revisions = await db().postRevision.findMany({ where: { postId: post.id }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(revisions.map((r) => r.body).sort(), ["Fassung 1", "Fassung 2"]);
  assert.equal((await db().post.findUniqueOrThrow({ where: { id: post.id } })).body, "Fassung 3");
});

test("[post] saving an unchanged text writes nothing and publishes nothing", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Gleich");
  const { result, events } = await editPost(participant, { postId: post.id, body: "  Gleich  " });
  assert.deepEqual(events, []);
  assert.equal(result.editedAt, null);
  assert.equal(result.changeSeq, post.changeSeq);
  assert.equal(await db().postRevision.count({ where: { postId: post.id } }), 0);
});

test("[post] another participant editing the post is FORBIDDEN and the body stays", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Meins");
  await rejectsWithAppError(() => editPost(participant2, { postId: post.id, body: "Übernommen" }), "FORBIDDEN");
  const row = await db().post.findUniqueOrThrow({ where: { id: post.id } });
  assert.equal(row.body, "Meins");
  assert.equal(row.editedAt, null);
  assert.equal(await db().postRevision.count({ where: { postId: post.id } }), 0);
});

test("[post] reader FORBIDDEN, signed out UNAUTHORIZED, unknown post NOT_FOUND", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Text");
  await rejectsWithAppError(() => editPost(reader, { postId: post.id, body: "x" }), "FORBIDDEN");
  await rejectsWithAppError(() => editPost(null, { postId: post.id, body: "x" }), "UNAUTHORIZED");
  await rejectsWithAppError(() => editPost(participant, { postId: randomUUID(), body: "x" }), "NOT_FOUND", "Diesen Beitrag gibt es nicht (mehr).");
  assert.equal((await db().post.findUniqueOrThrow({ where: { id: post.id } })).body, "Text");
});

test("[post] an empty or too long new text is refused in German and the body stays", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Bleibt");
  await rejectsWithZodMessage(() => editPost(participant, { postId: post.id, body: " " }), "Bitte geben Sie einen Beitragstext ein.");
  await rejectsWithZodMessage(
    () => editPost(participant, { postId: post.id, body: "z".repeat(50_001) }),
    "Der Beitrag darf höchstens 50.000 Zeichen lang sein.",
  );
  assert.equal((await db().post.findUniqueOrThrow({ where: { id: post.id } })).body, "Bleibt");
});

test("[post] a moderator's edit of someone else's post is allowed and audited", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Unfreundlich");
  const { result } = await editPost(moderator, { postId: post.id, body: "[vom Moderator entfernt]" });
  assert.equal(result.html, "<p>[vom Moderator entfernt]</p>");
  assert.equal(result.author.id, participant.id, "the author stays the author");

  const audit = await auditRowsFor(post.id);
  assert.equal(audit.length, 1);
  assert.equal(audit[0].action, "post.edit");
  assert.equal(audit[0].actorId, moderator.id);
  const revisions = await db().postRevision.findMany({ where: { postId: post.id } });
  assert.deepEqual(revisions.map((r) => [r.body, r.editedById]), [["Unfreundlich", moderator.id]]);
});

test("[post] in a locked thread the author gets THREAD_LOCKED, moderation may still edit", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Vor der Sperre");
  await setThreadLocked(thread.id, true);
  await rejectsWithAppError(() => editPost(participant, { postId: post.id, body: "Nach der Sperre" }), "THREAD_LOCKED");
  assert.equal((await db().post.findUniqueOrThrow({ where: { id: post.id } })).body, "Vor der Sperre");
  const { result } = await editPost(admin, { postId: post.id, body: "Korrigiert" });
  assert.equal(result.html, "<p>Korrigiert</p>");
});
