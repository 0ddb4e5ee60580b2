import assert from "node:assert/strict";
import { test } from "node:test";
import { rejectsWithAppError } from "../../test/assertions";
import { makePost, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { renderMarkdown } from "../posts/markdown";
import { excerptOfHtml } from "./dto";
import { recentActivity } from "./recent-activity";

/** The excerpt of a post written in this Markdown, as the feed shows it. */
const excerptOf = (markdown: string) => excerptOfHtml(renderMarkdown(markdown));

const { actors } = await openTestDatabase();
const { participant, participant2, reader } = actors;

test("[activity] the newest posts come first, with thread, group and author", async () => {
  const thread = await makeThread(participant, { group: "umsetzung", title: "Aktivität", body: "Eröffnung" });
  const reply = await makePost(participant2, thread.id, "Antwort mit **Nachdruck**");
  const items = await recentActivity(participant);
  assert.equal(items[0].postId, reply.id);
  assert.equal(items[0].excerpt, "Antwort mit Nachdruck");
  assert.equal(items[0].author.id, participant2.id);
  assert.deepEqual(items[0].thread, { id: thread.id, title: "Aktivität" });
  assert.equal(items[0].group.slug, "umsetzung");
  assert.equal(items[1].excerpt, "Eröffnung");
  assert.equal((await recentActivity(participant, 1)).length, 1);
});

test("[activity] a reader is FORBIDDEN, a signed-out caller UNAUTHORIZED", async () => {
  await rejectsWithAppError(() => recentActivity(reader), "FORBIDDEN");
  await rejectsWithAppError(() => recentActivity(null), "UNAUTHORIZED");
});

test("[activity] excerpts are plain text: no Markdown, decoded entities, at most 160 characters", () => {
  assert.equal(excerptOf("# Titel\n\n- eins\n- zwei"), "Titel eins zwei");
  assert.equal(excerptOf("A & B <script>x</script>"), "A & B <script>x</script>");
  const long = excerptOf("Wort ".repeat(100));
  assert.ok(long.length <= 160, String(long.length));
  assert.ok(long.endsWith("…"));
  assert.equal(excerptOf("kurz"), "kurz");
});
