import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import type { ZodError } from "zod";
import { db } from "../../db";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { groupIdBySlug, makeSpotlight, makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { createSpotlight } from "./create-spotlight";
import { SIMILAR_LIMIT, similarSpotlights } from "./similar-spotlights";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;

/** A made-up word no demo content contains, so that each test finds only what it made. */
const uniqueWord = () => `Zwirbel${randomUUID().replace(/[^a-f]/g, "").slice(0, 6)}`;

test("[spotlight] similar: a near-duplicate with a typo is suggested, with its reference, status and link", async () => {
  const word = uniqueWord();
  const spotlight = await makeSpotlight(participant, { title: `Digitaler Bauantrag ${word}` });
  const thread = await makeThread(participant2, { group: "strategie", title: `Digitaler Bauantrag ${word} in der Praxis` });

  const result = await similarSpotlights(participant2, { title: `Digitaler Bauantarg ${word}` });
  assert.deepEqual(result.spotlights[0], {
    id: spotlight.id,
    reference: `S-${spotlight.number}`,
    title: `Digitaler Bauantrag ${word}`,
    status: "PROPOSED",
    statusLabel: "Vorgeschlagen",
    href: `/spotlights/${spotlight.id}`,
  });
  const threadHit = result.threads.find((hit) => hit.id === thread.id);
  assert.deepEqual(threadHit, {
    id: thread.id,
    title: `Digitaler Bauantrag ${word} in der Praxis`,
    group: { slug: "strategie", name: thread.group.name },
    postCount: 1,
    href: `/arbeitsgruppen/strategie/themen/${thread.id}`,
  });
  assert.ok(
    !result.threads.some((hit) => hit.id === spotlight.thread!.id),
    "the spotlight's own discussion thread is not suggested beside the spotlight",
  );
});

test("[spotlight] similar: German stemming, so Bauanträge digital finds Digitaler Bauantrag", async () => {
  const word = uniqueWord();
  const { result: spotlight } = await createSpotlight(participant, {
    id: randomUUID(),
    title: "Digitaler Bauantrag",
    problem: `Die Bauämter in ${word} arbeiten noch mit Papier.`,
    requestedAction: "Ein landesweites Portal",
    groupIds: [await groupIdBySlug("technik")],
  });
  const typed = `Bauanträge digital einreichen in ${word}`;
  // not by trigrams: only the stemmed search words make these titles alike
  const [trigrams] = await db().$queryRaw<{ similarity: number; wordSimilarity: number }[]>`
    SELECT similarity(lower(${spotlight.title}), lower(${typed})) AS similarity, word_similarity(lower(${typed}), lower(${spotlight.title})) AS "wordSimilarity"`;
  assert.ok(trigrams.similarity < 0.3 && trigrams.wordSimilarity < 0.6, JSON.stringify(trigrams));
  const result = await similarSpotlights(participant2, { title: typed });
  assert.ok(result.spotlights.some((hit) => hit.id === spotlight.id), JSON.stringify(result.spotlights));

  const thread = await makeThread(participant, { title: `Bauantrag digital: ${word}` });
  const threads = await similarSpotlights(participant2, { title: `${word} – Bauanträge, digitale` });
  assert.ok(threads.threads.some((hit) => hit.id === thread.id), JSON.stringify(threads.threads));
});

test("[spotlight] similar: the closest first, at most five of each kind, unrelated titles not at all", async () => {
  const word = uniqueWord();
  const exact = await makeSpotlight(participant, { title: `Glasfaser ${word} Schulen` });
  for (let n = 0; n < SIMILAR_LIMIT + 2; n++) {
    await makeSpotlight(participant, { title: `Glasfaser ${word} Schulen und Rathäuser im Landkreis ${n}` });
    await makeThread(participant, { title: `Glasfaser ${word} Schulen, Runde ${n}` });
  }
  const unrelated = await makeSpotlight(participant, { title: `Personalgewinnung ${uniqueWord()}` });
  const result = await similarSpotlights(moderator, { title: `Glasfaser ${word} Schulen` });
  assert.equal(result.spotlights.length, SIMILAR_LIMIT);
  assert.equal(result.threads.length, SIMILAR_LIMIT);
  assert.equal(result.spotlights[0].id, exact.id);
  assert.ok(!result.spotlights.some((hit) => hit.id === unrelated.id));

  // one shared word of two is no similarity
  const oneWord = await makeSpotlight(participant, { title: "Digitale Schulverwaltung im Landkreis" });
  const oneWordThread = await makeThread(participant, { title: "Digitale Schulverwaltung im Landkreis" });
  const digital = await similarSpotlights(moderator, { title: "Digitaler Wasserzähler" });
  assert.ok(!digital.spotlights.some((hit) => hit.id === oneWord.id), JSON.stringify(digital.spotlights));
  assert.ok(!digital.threads.some((hit) => hit.id === oneWordThread.id), JSON.stringify(digital.threads));
  assert.deepEqual(await similarSpotlights(moderator, { title: `Wärmepumpen ${uniqueWord()}` }), { spotlights: [], threads: [] });
});

test("[spotlight] similar: a reader gets promoted and later spotlights only, and no threads", async () => {
  const word = uniqueWord();
  const proposed = await makeSpotlight(participant, { title: `Schulportal ${word} Anmeldung`, status: "PROPOSED" });
  const inReview = await makeSpotlight(participant, { title: `Schulportal ${word} Anmeldungen`, status: "IN_REVIEW" });
  const declined = await makeSpotlight(participant, { title: `Schulportal ${word} Anmeldeverfahren`, status: "DECLINED" });
  const forwarded = await makeSpotlight(participant, { title: `Schulportal ${word} Anmeldung online`, status: "FORWARDED" });
  await makeThread(participant, { title: `Schulportal ${word} Anmeldung` });

  const forReader = await similarSpotlights(reader, { title: `Schulportal ${word} Anmeldung` });
  assert.deepEqual(forReader.spotlights.map((hit) => hit.id), [forwarded.id]);
  assert.equal(forReader.spotlights[0].statusLabel, "Weitergeleitet");
  assert.deepEqual(forReader.threads, []);

  const forParticipant = await similarSpotlights(participant2, { title: `Schulportal ${word} Anmeldung` });
  assert.deepEqual(
    new Set(forParticipant.spotlights.map((hit) => hit.id)),
    new Set([proposed.id, inReview.id, declined.id, forwarded.id]),
  );
  assert.equal(forParticipant.threads.length, 1);
  await rejectsWithAppError(() => similarSpotlights(null, { title: `Schulportal ${word}` }), "UNAUTHORIZED");
});

test("[spotlight] similar: the source thread is not suggested as its own duplicate", async () => {
  const word = uniqueWord();
  const source = await makeThread(participant, { title: `Förderbescheide ${word} digital zustellen` });
  const other = await makeThread(participant2, { title: `Förderbescheide ${word} digital zustellen?` });
  const result = await similarSpotlights(participant, { title: `Förderbescheide ${word} digital zustellen`, excludeThreadId: source.id });
  assert.deepEqual(result.threads.map((hit) => hit.id), [other.id]);
  const spotlight = await makeSpotlight(participant, { title: `Förderbescheide ${word} digital zustellen` });
  const editing = await similarSpotlights(participant, { title: `Förderbescheide ${word} digital zustellen`, excludeThreadId: spotlight.thread!.id });
  assert.ok(!editing.spotlights.some((hit) => hit.id === spotlight.id), "a spotlight's discussion excluded: the spotlight itself is not its duplicate");
});

test("[spotlight] similar: short, empty and hostile titles find nothing and never fail", async () => {
  const word = uniqueWord();
  await makeSpotlight(participant, { title: `Ab ${word}` });
  const empty = { spotlights: [], threads: [] };
  for (const title of ["", " ", "Ab", "\u200B\u200BAb\u200B", "😀😀", "\u00A0\u3000"]) {
    assert.deepEqual(await similarSpotlights(participant, { title }), empty, JSON.stringify(title));
  }
  const hostile = [
    "'; DROP TABLE \"Spotlight\"; --",
    "Bauantrag & | ! <-> :* ()",
    "%_%\\",
    "\u0000\u0001\u202E abc",
    "und oder der die das",
    "!!! ??? ...",
    "x".repeat(10_000),
    "Donaudampfschifffahrt ".repeat(50),
    "<script>alert(1)</script>",
    "a'b c''d https://x.de/a?b=c&d=e",
    "\uD800 lone surrogate",
  ];
  for (const title of hostile) {
    const result = await similarSpotlights(participant, { title });
    assert.ok(Array.isArray(result.spotlights) && Array.isArray(result.threads), title.slice(0, 40));
  }
  // more than any form sends: refused (in German, by the shared error map) before any SQL
  await assert.rejects(() => similarSpotlights(participant, { title: "x".repeat(10_001) }), (error: ZodError) => /Zeichen/.test(error.issues[0].message));
  await rejectsWithZodMessage(() => similarSpotlights(participant, { title: "Bauantrag", excludeThreadId: "S-1" }), "Die Kennung ist ungültig.");
  await assert.rejects(() => similarSpotlights(participant, { title: 42 }), (error: ZodError) => /erwartet/.test(error.issues[0].message));
});
