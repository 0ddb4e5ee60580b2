import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { HighlightedText } from "../../../app/_components/search/highlighted-text";
import { db, Prisma } from "../../db";
import { SEARCH_RESULTS_PER_PAGE } from "../../schemas/search";
import { rejectsWithAppError } from "../../test/assertions";
import { groupIdBySlug, makeImpulseTalk, makePost, makeSpotlight, makeThread } from "../../test/factories";
import { startTags, textOf } from "../../test/html-safety";
import { openTestDatabase } from "../../test/test-db";
import { xssCorpus } from "../../test/xss-corpus";
import { renderTalkAbstract } from "../impulse-talks/render-talk";
import { renderMarkdown } from "../posts/markdown";
import { createSpotlight } from "../spotlights/create-spotlight";
import { searchFilterOptions } from "./filter-options";
import { search, type SearchHit } from "./search";
import { spotlightSource } from "./sources";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader, admin } = actors;

/** A word no other test or the demo content contains, so each test sees only its own posts. */
const uniqueWord = () => `Quarzel${randomUUID().replace(/[^a-f]/g, "").slice(0, 8)}`;
const plain = (segments: SearchHit["snippet"]) => segments.map((segment) => segment.text).join("");
const hits = (segments: SearchHit["snippet"]) => segments.filter((segment) => segment.isHit).map((segment) => segment.text);

test("[search] German stemming: Bauanträge finds Bauantrag, in titles and in posts", async () => {
  const word = uniqueWord();
  const thread = await makeThread(participant, { title: `Digitaler Bauantrag ${word}`, body: `Wie läuft das bei Ihnen? ${word}` });
  const post = await makePost(participant2, thread.id, `Unsere **Bauanträge** kommen seit März digital an. ${word}`);

  const result = await search(participant, { query: `Bauanträge ${word}` });
  assert.equal(result.total, 2);
  assert.deepEqual(result.hits.map((hit) => [hit.kind, hit.id]).sort(), [["post", post.id], ["thread", thread.id]].sort());
  const postHit = result.hits.find((hit) => hit.kind === "post")!;
  assert.equal(postHit.href, `/beitraege/${post.id}`);
  assert.deepEqual(hits(postHit.snippet), ["Bauanträge", word]);
  assert.equal(plain(postHit.snippet), `Unsere Bauanträge kommen seit März digital an. ${word}`, "Markdown syntax never shows");
  assert.equal(postHit.author?.name, participant2.name);
  assert.equal(postHit.group?.slug, "technik");
  const threadHit = result.hits.find((hit) => hit.kind === "thread")!;
  assert.equal(threadHit.href, `/arbeitsgruppen/technik/themen/${thread.id}`);
  assert.deepEqual(hits(threadHit.title), ["Bauantrag", word]);
  assert.equal(plain(threadHit.snippet), `Wie läuft das bei Ihnen? ${word}`, "a title hit shows the opening post");

  const singular = await search(participant, { query: `Bauantrag ${word}` });
  assert.equal(singular.total, 2);
});

test("[search] the last word typed also matches the start of a word; earlier words and a quoted one match whole words", async () => {
  const word = uniqueWord();
  const thread = await makeThread(participant, { title: `Vorstellungsrunde der Kommunen ${word}`, body: `Wer ist dabei? ${word}` });

  const typing = await search(participant, { query: `${word} Vorst` });
  assert.deepEqual(typing.hits.map((hit) => hit.id), [thread.id]);
  assert.deepEqual(hits(typing.hits[0].title), ["Vorstellungsrunde", word], "the whole word is highlighted");
  // the prefix of the last word only: an earlier word must match as a word, a quoted last word too
  assert.equal((await search(participant, { query: `Vorst ${word}` })).total, 0);
  assert.equal((await search(participant, { query: `${word} "Vorst"` })).total, 0);
  // syntax characters around the last word stay harmless
  for (const query of [`${word} Vorst:*`, `${word} Vorst&!`, `${word} (Vorst`, `${word} -Vorst`, `${word} or Vorst`]) {
    await assert.doesNotReject(() => search(participant, { query }), query);
  }
  const excluding = await search(participant, { query: `${word} -Vorstellungsrunde` });
  assert.deepEqual(excluding.hits.map((hit) => hit.kind), ["post"], "-word still excludes the thread; its opening post lacks the word");
});

test("[search] a long post's snippet is the words around its hits, not the whole post", async () => {
  const word = uniqueWord();
  const filler = "Der Haushalt wurde ohne weitere Aussprache beschlossen. ".repeat(40);
  const thread = await makeThread(participant, { title: `Langer Beitrag ${randomUUID()}`, body: `${filler}Hier steht die ${word} mitten im Text. ${filler}` });
  const [hit] = (await search(participant, { query: word })).hits;
  assert.equal(hit.href, `/beitraege/${(await db().post.findFirstOrThrow({ where: { threadId: thread.id }, select: { id: true } })).id}`);
  assert.deepEqual(hits(hit.snippet), [word]);
  assert.ok(plain(hit.snippet).length < 400, plain(hit.snippet));
  assert.match(plain(hit.snippet), new RegExp(`die ${word} mitten im Text`));
});

test("[search] ranked: a title hit first, then the post that says it more often", async () => {
  const word = uniqueWord();
  const thread = await makeThread(participant, { title: `Förderantrag ${word}`, body: `Einleitung ohne das Wort ${word}` });
  const once = await makePost(participant, thread.id, `Ein Förderantrag wurde gestellt, dazu viel anderer Text über Haushalt und Personal. ${word}`);
  const often = await makePost(participant2, thread.id, `Förderantrag, Förderanträge, noch ein Förderantrag. ${word}`);
  const result = await search(moderator, { query: `Förderanträge ${word}` });
  assert.deepEqual(
    result.hits.map((hit) => hit.id),
    [thread.id, often.id, once.id],
  );
});

test("[search] filters by group, author and period (German calendar days)", async () => {
  const word = uniqueWord();
  const technik = await makeThread(participant, { group: "technik", title: `Technikthema ${randomUUID()}`, body: `Schnittstelle ${word}` });
  const strategie = await makeThread(participant2, { group: "strategie", title: `Strategiethema ${randomUUID()}`, body: `Schnittstelle ${word}` });
  const late = await makePost(participant2, technik.id, `Schnittstellen am Abend ${word}`);
  // 23:30 UTC on 1 March is 00:30 on 2 March in Germany
  await db().post.update({ where: { id: late.id }, data: { createdAt: new Date("2026-03-01T23:30:00Z") } });
  const query = `Schnittstelle ${word}`;

  const all = await search(participant, { query });
  assert.equal(all.total, 3);
  const inGroup = await search(participant, { query, groupId: await groupIdBySlug("strategie") });
  assert.deepEqual(inGroup.hits.map((hit) => hit.group?.slug), ["strategie"]);
  assert.equal(inGroup.hits[0].href.includes(strategie.id), false, "the post, not the thread title, matched");
  const byAuthor = await search(participant, { query, authorId: participant2.id });
  assert.equal(byAuthor.total, 2);
  assert.ok(byAuthor.hits.every((hit) => hit.author?.id === participant2.id));

  const march2 = await search(participant, { query, from: "2026-03-02", to: "2026-03-02" });
  assert.deepEqual(march2.hits.map((hit) => hit.id), [late.id]);
  assert.equal((await search(participant, { query, from: "2026-02-01", to: "2026-03-01" })).total, 0);
  const backwards = await search(participant, { query, from: "2026-03-31", to: "2026-03-01" });
  assert.deepEqual(backwards.hits.map((hit) => hit.id), [late.id], "a period given backwards is turned round");
  assert.equal((await search(participant, { query, authorId: randomUUID() })).total, 0);
  assert.equal((await search(participant, { query, groupId: randomUUID() })).total, 0);
});

test("[search] pages by 20, and a page past the end shows the last page", async () => {
  const word = uniqueWord();
  const thread = await makeThread(participant, { title: `Paging ${randomUUID()}`, body: `Verwaltungsportal ${word} 1` });
  for (let n = 2; n <= 45; n++) await makePost(n % 2 ? participant : participant2, thread.id, `Verwaltungsportal ${word} ${n}`);
  const query = `Verwaltungsportal ${word}`;
  const first = await search(participant, { query });
  assert.equal(first.total, 45);
  assert.equal(first.pageCount, 3);
  assert.equal(first.hits.length, SEARCH_RESULTS_PER_PAGE);
  const third = await search(participant, { query, page: 3 });
  assert.equal(third.page, 3);
  assert.equal(third.hits.length, 5);
  const beyond = await search(participant, { query, page: 99 });
  assert.equal(beyond.page, 3);
  assert.deepEqual(beyond.hits.map((hit) => hit.id), third.hits.map((hit) => hit.id));
  const seen = new Set([first, await search(participant, { query, page: 2 }), third].flatMap((page) => page.hits.map((hit) => hit.id)));
  assert.equal(seen.size, 45, "pages neither overlap nor skip");
});

test("[search] readers and signed-out callers are refused; bad filters get German messages", async () => {
  await rejectsWithAppError(() => search(reader, { query: "Bauantrag" }), "FORBIDDEN");
  await rejectsWithAppError(() => search(null, { query: "Bauantrag" }), "UNAUTHORIZED");
  await rejectsWithAppError(() => searchFilterOptions(reader), "FORBIDDEN");
  await assert.rejects(() => search(participant, { query: "x", from: "1.3.2026" }), { message: /Datum im Format JJJJ-MM-TT/ });
  await assert.rejects(() => search(participant, { query: "x", groupId: "technik" }), { message: /Kennung ist ungültig/ });
});

test("[search] any text is a valid query: never an error, an empty one gets a hint", async () => {
  const word = uniqueWord();
  await makeThread(participant, { title: `Sonderzeichen ${randomUUID()}`, body: `Breitband & Glasfaser ${word}` });
  const hostile = [
    '"',
    '"unclosed phrase',
    '"" OR -',
    "((Breitband",
    "Breitband & | ! <-> :* ()",
    "'; DROP TABLE \"Post\"; --",
    "!!!",
    "und oder der die das",
    "x".repeat(1000),
    `${"Donaudampfschifffahrt".repeat(10)} ${word}`,
    "<script>alert(1)</script>",
    "\u0000\u0001\u202E\u200B",
    "😀 🇩🇪",
    "a:* & b:A",
    "-Breitband",
    "or or or",
    "\\",
    "%_%",
    " ".repeat(500),
    "Breitband ".repeat(100),
  ];
  for (const query of hostile) {
    const result = await search(participant, { query });
    assert.ok(Array.isArray(result.hits), query);
  }
  assert.equal((await search(participant, { query: "" })).hint, "empty");
  assert.equal((await search(participant, { query: "\u200B \u00A0" })).hint, "empty");
  assert.equal((await search(participant, { query: "!!! ???" })).hint, "noWords");
  assert.equal((await search(participant, { query: "und der" })).hint, "noWords");
  const phrase = await search(participant, { query: `"Breitband Glasfaser" ${word}` });
  assert.equal(phrase.total, 1);
  assert.equal(phrase.hint, null);
  const excluded = await search(participant, { query: `${word} -Glasfaser` });
  assert.equal(excluded.total, 0);
  const either = await search(participant, { query: `${word} Kupfer or Glasfaser` });
  assert.equal(either.total, 1);
});

test("[search] XSS payloads in posts and titles stay text in snippets", async () => {
  const word = uniqueWord();
  const thread = await makeThread(admin, { title: `<img src=x onerror=alert(1)> ${word}`, body: `<script>alert(1)</script> ${word}` });
  for (const { payload } of xssCorpus) await makePost(admin, thread.id, `${payload} ${word}`);
  let page = 1;
  let checked = 0;
  for (;;) {
    const result = await search(admin, { query: word, page });
    for (const hit of [...result.hits]) {
      for (const segments of [hit.title, hit.snippet]) {
        const html = renderToStaticMarkup(createElement("p", null, createElement(HighlightedText, { segments })));
        const elements = startTags(html).map((tag) => tag.name);
        assert.ok(elements.every((name) => name === "p" || name === "mark"), `${hit.id}: ${html}`);
        assert.equal(textOf(html), plain(segments));
        assert.ok(!/[\u0001\u0002]/.test(plain(segments)), "no hit markers leak");
      }
      checked++;
    }
    if (page >= result.pageCount) break;
    page++;
  }
  // some payloads swallow the word after them (an unclosed comment or tag): rendered, it is gone
  const findable = xssCorpus.filter(({ payload }) => renderMarkdown(`${payload} ${word}`).includes(word)).length;
  assert.ok(findable > xssCorpus.length * 0.9);
  assert.equal(checked, findable + 1, "the thread title (its first post is the title hit's snippet) and every post that still shows the word");
  const title = (await search(admin, { query: `onerror ${word}` })).hits[0];
  assert.equal(plain(title.title), `<img src=x onerror=alert(1)> ${word}`, "a title's angle brackets are shown as typed");
});

test("[search] filter options: the groups, and the people who wrote something", async () => {
  const options = await searchFilterOptions(participant);
  assert.deepEqual(options.groups.map((group) => group.slug).length, 4);
  assert.ok(options.authors.some((author) => author.id === participant.id));
  assert.ok(!options.authors.some((author) => author.id === reader.id), "readers write nothing");
});

/** A spotlight with this title and problem, in these groups, proposed through the service. */
async function spotlightWith(title: string, problem: string, groups: string[] = ["technik"]) {
  const { result } = await createSpotlight(participant, {
    id: randomUUID(),
    title,
    problem,
    requestedAction: "Ein Anliegen an das Land",
    groupIds: await Promise.all(groups.map(groupIdBySlug)),
  });
  return result;
}

test("[search] spotlights are found by title and problem, German stemming, and link to their page", async () => {
  const word = uniqueWord();
  const spotlight = await spotlightWith(`Digitaler Bauantrag ${word}`, `Die **Bauämter** prüfen Anträge auf Papier. ${word}`, ["umsetzung", "technik"]);

  const result = await search(participant2, { query: `Bauanträge ${word}` });
  const hit = result.hits.find((candidate) => candidate.kind === "spotlight");
  assert.ok(hit, JSON.stringify(result.hits.map((candidate) => candidate.kind)));
  assert.equal(hit.id, spotlight.id);
  assert.equal(hit.href, `/spotlights/${spotlight.id}`);
  assert.equal(plain(hit.title), `S-${spotlight.number}: Digitaler Bauantrag ${word}`);
  assert.deepEqual(hits(hit.title), ["Bauantrag", word]);
  assert.equal(plain(hit.snippet), `Die Bauämter prüfen Anträge auf Papier. ${word}`, "the problem as text, no Markdown");
  assert.equal(hit.author?.id, participant.id, "the proposer");
  assert.equal(hit.group?.slug, "umsetzung", "its first group");
  // its discussion thread is a thread hit of its own
  assert.ok(result.hits.some((candidate) => candidate.kind === "thread" && candidate.id === spotlight.thread?.id));

  const byProblem = await search(participant2, { query: `Papier ${word}` });
  assert.deepEqual(byProblem.hits.filter((candidate) => candidate.kind === "spotlight").map((candidate) => candidate.id), [spotlight.id]);
  // a title hit ranks before the same words in the problem
  const other = await spotlightWith(`Papierlose Verwaltung ${word}`, `Bauanträge und mehr. ${word}`);
  const ranked = (await search(participant2, { query: `Bauantrag ${word}` })).hits.filter((candidate) => candidate.kind === "spotlight");
  assert.deepEqual(ranked.map((candidate) => candidate.id), [spotlight.id, other.id]);
});

test("[search] spotlights: the group filter finds one in each of its groups; author and period apply to the proposal", async () => {
  const word = uniqueWord();
  const spotlight = await spotlightWith(`Gemeinsames Rechenzentrum ${word}`, `Betrieb ${word}`, ["strategie", "technik"]);
  const spotlightHits = async (filters: Record<string, unknown>) =>
    (await search(moderator, { query: `Rechenzentrum ${word}`, ...filters })).hits.filter((hit) => hit.kind === "spotlight");

  const inTechnik = await spotlightHits({ groupId: await groupIdBySlug("technik") });
  assert.deepEqual(inTechnik.map((hit) => [hit.id, hit.group?.slug]), [[spotlight.id, "technik"]], "shown with the group searched for");
  assert.equal((await spotlightHits({ groupId: await groupIdBySlug("strategie") })).length, 1);
  assert.equal((await spotlightHits({ groupId: await groupIdBySlug("organisation") })).length, 0);
  assert.equal((await spotlightHits({ authorId: participant.id })).length, 1);
  assert.equal((await spotlightHits({ authorId: participant2.id })).length, 0);
  assert.equal((await spotlightHits({ from: "2000-01-01", to: "2000-12-31" })).length, 0);
});

test("[search] spotlight source: someone who reads no internal content would find promoted and later ones only", async () => {
  const word = uniqueWord();
  const proposed = await makeSpotlight(participant, { title: `Schulträger ${word} vorgeschlagen`, status: "PROPOSED" });
  const declined = await makeSpotlight(participant, { title: `Schulträger ${word} abgelehnt`, status: "DECLINED" });
  const answered = await makeSpotlight(participant, { title: `Schulträger ${word} beantwortet`, status: "ANSWERED" });
  const found = async (readsInternal: boolean) => {
    const rows = await db().$queryRaw<{ id: string }[]>(spotlightSource.select({ tsquery: Prisma.sql`websearch_to_tsquery('german', ${word})`, readsInternal }));
    return new Set(rows.map((row) => row.id));
  };
  assert.deepEqual(await found(true), new Set([proposed.id, declined.id, answered.id]));
  assert.deepEqual(await found(false), new Set([answered.id]));
});

test("[search] a spotlight title's markup stays text", async () => {
  const word = uniqueWord();
  const spotlight = await spotlightWith(`<img src=x onerror=alert(1)> ${word}`, `<script>alert(1)</script> ${word}`);
  const hit = (await search(admin, { query: word })).hits.find((candidate) => candidate.id === spotlight.id)!;
  assert.equal(plain(hit.title), `S-${spotlight.number}: <img src=x onerror=alert(1)> ${word}`);
  for (const segments of [hit.title, hit.snippet]) {
    const html = renderToStaticMarkup(createElement("p", null, createElement(HighlightedText, { segments })));
    assert.ok(startTags(html).every((tag) => tag.name === "p" || tag.name === "mark"), html);
  }
});

test("[search] impulse talks are found by title, speakers, organisation and abstract, German stemming, in their groups", async () => {
  const word = uniqueWord();
  const talk = await makeImpulseTalk(moderator, { title: `Digitale Baugenehmigung in Hamburg ${word}`, groups: ["organisation", "umsetzung"] });
  const abstract = `Die **Bauanträge** kommen digital. <b>${word}</b>`;
  await db().impulseTalk.update({
    where: { id: talk.id },
    data: { speakers: ["Dr. Katharina Brandtmeier"], organisation: `Behörde für Stadtentwicklung ${word}`, abstract, ...renderTalkAbstract(talk.id, abstract) },
  });
  const talkHits = async (query: string, filters: Record<string, unknown> = {}) =>
    (await search(participant, { query, ...filters })).hits.filter((hit) => hit.kind === "impulseTalk");

  const [byTitle] = await talkHits(`Baugenehmigungen ${word}`);
  assert.ok(byTitle);
  assert.equal(byTitle.href, `/impulse/${talk.id}`);
  assert.equal(plain(byTitle.title), `Digitale Baugenehmigung in Hamburg ${word}`);
  assert.equal(byTitle.author?.id, moderator.id, "the moderator who scheduled it");
  assert.equal(byTitle.group?.slug, "organisation", "its first group");
  assert.equal(byTitle.createdAt, talk.startsAt, "dated by its start");
  for (const query of [`Brandtmeier ${word}`, `Stadtentwicklung ${word}`, `Bauantrag ${word}`]) {
    assert.deepEqual((await talkHits(query)).map((hit) => hit.id), [talk.id], query);
  }
  const [bySpeaker] = await talkHits(`Brandtmeier ${word}`);
  assert.ok(plain(bySpeaker!.snippet).startsWith(`Dr. Katharina Brandtmeier · Behörde für Stadtentwicklung ${word}`), plain(bySpeaker!.snippet));
  assert.ok(!plain(bySpeaker!.snippet).includes("**"), "Markdown syntax never shows");
  assert.equal((await talkHits(`Bauantrag ${word}`, { groupId: await groupIdBySlug("umsetzung") }))[0]?.group?.slug, "umsetzung");
  assert.deepEqual(await talkHits(`Bauantrag ${word}`, { groupId: await groupIdBySlug("technik") }), []);
  assert.deepEqual(await talkHits(`Bauantrag ${word}`, { authorId: participant.id }), []);
  // the seeded programme is searchable too
  assert.ok((await talkHits("BayernPortal")).some((hit) => plain(hit.title).startsWith("BayernPortal und Bürgerkonto")));
});

test("[search] OZG services are found by name with German stemming, whatever the role, and lead to their detail page", async () => {
  const word = uniqueWord();
  await db().ozgService.update({ where: { ozgId: "10160" }, data: { name: `Hundehaltung ${word}` } });
  const ozgHits = async (actor: typeof participant, query: string, filters: Record<string, unknown> = {}) =>
    (await search(actor, { query, ...filters })).hits.filter((hit) => hit.kind === "ozgService");

  // no scoping by role (readers read the status too; search itself opens to participants and up)
  for (const actor of [participant, moderator]) {
    const [hit, ...rest] = await ozgHits(actor, `Hundehaltungen ${word}`);
    assert.ok(hit, "stemmed: Hundehaltungen finds Hundehaltung");
    assert.deepEqual(rest, []);
    assert.equal(hit.id, "10160");
    assert.equal(hit.href, "/ozg/leistungen/10160");
    assert.equal(plain(hit.title), `Hundehaltung ${word}`);
    assert.deepEqual(hits(hit.title), ["Hundehaltung", word]);
    assert.equal(plain(hit.snippet), "OZG-ID 10160 · Engagement & Hobby · Tierhaltung");
    assert.equal(hit.author, null, "nobody wrote it");
    assert.equal(hit.group, null);
  }
  // the catalogue's own names: Wohngeld is a service of its own
  assert.ok((await ozgHits(participant, "Wohngeld")).some((hit) => hit.id === "10092"));
  // a service has no group and no author: those filters leave it out
  assert.deepEqual(await ozgHits(participant, `Hundehaltung ${word}`, { groupId: await groupIdBySlug("technik") }), []);
  assert.deepEqual(await ozgHits(participant, `Hundehaltung ${word}`, { authorId: participant.id }), []);
  // the period applies to its last change
  assert.deepEqual(await ozgHits(participant, `Hundehaltung ${word}`, { from: "2000-01-01", to: "2000-12-31" }), []);
});
