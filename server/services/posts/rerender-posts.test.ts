import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../../db";
import { makeImpulseTalk, makePost, makeSpotlight, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { editPost } from "./edit-post";
import { listPosts } from "./list-posts";
import { MARKDOWN_RENDERER_VERSION } from "./markdown";
import { rerenderAllStale, rerenderStale } from "./rerender-posts";

const { actors } = await openTestDatabase();
const { participant, moderator } = actors;

const stored = (id: string) => db().post.findUniqueOrThrow({ where: { id }, select: { body: true, html: true, renderVersion: true } });

test("[post] a post is rendered once, when it is written: reads return the stored HTML", async () => {
  const thread = await makeThread(participant, { body: "Erster **Beitrag**" });
  const post = await makePost(participant, thread.id, "Mit `Code`");
  assert.deepEqual(await stored(post.id), { body: "Mit `Code`", html: "<p>Mit <code>Code</code></p>", renderVersion: MARKDOWN_RENDERER_VERSION });

  // what is stored is what readers get: the read path does not render again
  await db().post.update({ where: { id: post.id }, data: { html: "<p>gespeichert</p>" } });
  const page = await listPosts(participant, { threadId: thread.id });
  assert.deepEqual(page.posts.map((p) => p.html), ["<p>Erster <strong>Beitrag</strong></p>", "<p>gespeichert</p>"]);
  assert.ok(page.posts.every((p) => !("body" in p)), "the Markdown source is not sent to readers");
});

test("[post] an edit stores the new HTML with the current renderer version", async () => {
  const thread = await makeThread(participant);
  const post = await makePost(participant, thread.id, "Vorher");
  await db().post.update({ where: { id: post.id }, data: { renderVersion: 0 } });
  await editPost(participant, { postId: post.id, body: "_Nachher_" });
  assert.deepEqual(await stored(post.id), { body: "_Nachher_", html: "<p><em>Nachher</em></p>", renderVersion: MARKDOWN_RENDERER_VERSION });
});

test("[post] posts of another renderer version are rendered again in batches; current ones are left alone", async () => {
  await rerenderStale("posts");
  const thread = await makeThread(participant, { body: "Eins" });
  const posts = [];
  for (const body of ["Zwei", "*Drei*", "[vier](https://example.org)", "<b>fünf</b>"]) posts.push(await makePost(participant, thread.id, body));
  const current = posts[0];
  await db().post.update({ where: { id: current.id }, data: { html: "<p>aktuell gespeichert</p>" } });
  const stale = posts.slice(1).map((p) => p.id);
  await db().post.updateMany({ where: { id: { in: stale } }, data: { html: "<p>veraltet</p>", renderVersion: MARKDOWN_RENDERER_VERSION - 1 } });

  assert.equal(await rerenderStale("posts", 2), 3, "three stale posts, rendered in batches of two");
  assert.deepEqual(
    await Promise.all(stale.map(async (id) => (await stored(id)).html)),
    ["<p><em>Drei</em></p>", '<p><a href="https://example.org">vier</a></p>', "<p>&#x3C;b>fünf&#x3C;/b></p>"],
  );
  assert.equal((await stored(current.id)).html, "<p>aktuell gespeichert</p>", "a post of the current version is not touched");
  assert.equal(await db().post.count({ where: { renderVersion: { not: MARKDOWN_RENDERER_VERSION } } }), 0);
  assert.equal(await rerenderStale("posts"), 0);
});

test("[spotlight] a spotlight's texts of another renderer version are rendered again, its answer too", async () => {
  await rerenderStale("spotlights");
  const spotlight = await makeSpotlight(participant, { status: "ANSWERED" });
  await db().spotlight.update({
    where: { id: spotlight.id },
    data: { problem: "*Problem*", requestedAction: "**Anliegen**", answer: "<b>Antwort</b>", problemHtml: "alt", renderVersion: MARKDOWN_RENDERER_VERSION - 1 },
  });
  assert.equal(await rerenderStale("spotlights"), 1);
  const row = await db().spotlight.findUniqueOrThrow({ where: { id: spotlight.id } });
  assert.equal(row.problemHtml, "<p><em>Problem</em></p>");
  assert.equal(row.requestedActionHtml, "<p><strong>Anliegen</strong></p>");
  assert.equal(row.answerHtml, "<p>&#x3C;b>Antwort&#x3C;/b></p>");
  assert.equal(row.renderVersion, MARKDOWN_RENDERER_VERSION);
  assert.equal(await rerenderStale("spotlights"), 0);
});

test("[impulse] a talk's abstract of another renderer version is rendered again; all kinds in one call", async () => {
  await rerenderAllStale();
  const talk = await makeImpulseTalk(moderator);
  await db().impulseTalk.update({ where: { id: talk.id }, data: { abstract: "Ein *Impuls*", abstractHtml: "alt", renderVersion: MARKDOWN_RENDERER_VERSION - 1 } });
  assert.deepEqual(await rerenderAllStale(), { posts: 0, spotlights: 0, impulseTalks: 1, resultSections: 0, resultVersionSections: 0, resultComments: 0 });
  const row = await db().impulseTalk.findUniqueOrThrow({ where: { id: talk.id } });
  assert.equal(row.abstractHtml, "<p>Ein <em>Impuls</em></p>");
  assert.equal(row.renderVersion, MARKDOWN_RENDERER_VERSION);
  assert.equal(await rerenderStale("impulseTalks"), 0);
});
