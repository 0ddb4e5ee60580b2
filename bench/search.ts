// Search benchmark: latency of the search service over 20,000 posts.
//
//   npm run bench:search                                  # embedded PGlite in a temp dir
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:search
//
// Opens a fresh database in this process (migrated, demo-seeded), adds 40 authors and 400 threads in
// the four groups with 20,000 posts of varied German Markdown generated from a vocabulary with a fixed
// seed (so every run searches the same text), spread over two years, rendered to HTML as the app
// stores them, then ANALYZEs. It then runs typical searches through `search()` as the demo participant,
// the same call the search page makes: 5 warm-up and 40 measured runs each, one at a time, and
// prints median and p95 latency and the number of hits. Then the same for the similar topics suggested
// while a spotlight's title is typed (`similarSpotlights()`, trigram and full-text over the thread and
// spotlight titles), a call the proposal form makes on every pause in typing. The database is removed
// at the end, also on an error or Ctrl-C.
//
// Settings (environment): BENCH_POSTS (20000), BENCH_RUNS (40), BENCH_WARMUP (5),
// BENCH_DATABASE_URL (PostgreSQL URL that may CREATE DATABASE), BENCH_OUT (write results as JSON).
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Actor } from "../server/auth/policy.ts";
import { db, rawDb } from "../server/db.ts";
import { MARKDOWN_RENDERER_VERSION } from "../server/services/posts/markdown.ts";
import { search, type SearchResult } from "../server/services/search/search.ts";
import { similarSpotlights, type SimilarResult } from "../server/services/spotlights/similar-spotlights.ts";
import { ascending, intEnv, openBenchDatabase, percentile, printTable } from "./lib.ts";

const POSTS = intEnv("BENCH_POSTS", 20_000);
const RUNS = intEnv("BENCH_RUNS", 40);
const WARMUP = intEnv("BENCH_WARMUP", 5);
const PG_BASE_URL = process.env.BENCH_DATABASE_URL || undefined;
const THREADS = Math.max(4, Math.round(POSTS / 50));
const AUTHORS = 40;

/** mulberry32: a small seeded generator, so the corpus is the same on every run */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20261126);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

// inflected forms, so that stemming has work to do
const topics = [
  "der Bauantrag", "die Bauanträge", "den Bauanträgen", "die digitale Baugenehmigung", "das Wohngeld", "der Wohngeldantrag",
  "die Schnittstelle", "die Schnittstellen", "die XDOMEA-Anbindung", "das Dokumentenmanagement", "die E-Akte", "das Fachverfahren",
  "die Fachverfahren", "das Servicekonto", "die BundID", "der Onlinedienst", "die Onlinedienste", "die EfA-Leistung", "die EfA-Leistungen",
  "das Landesportal", "die Förderung", "der Förderantrag", "die Förderanträge", "die Kfz-Zulassung", "die Gewerbeanmeldung",
  "die Meldebescheinigung", "das Personenstandsregister", "der Datenschutz", "die Barrierefreiheit", "die Ausschreibung",
  "das Rechenzentrum", "die Cloud-Strategie", "die Registermodernisierung", "das Once-Only-Prinzip", "die Bürgerbeteiligung",
  "die Bezahlfunktion", "die Terminvergabe", "der Kita-Antrag", "die Elterngeldstelle", "die Hundesteuer", "das Ratsinformationssystem",
];
const verbs = [
  "wird gerade eingeführt", "läuft seit dem Frühjahr stabil", "macht uns noch Probleme", "wurde im Kreistag beschlossen",
  "braucht mehr Personal", "ist an das Landesportal angebunden", "wird von der Stabsstelle geprüft", "soll bis Jahresende live gehen",
  "hängt an der Schnittstelle zum Fachverfahren", "wurde mit dem Landkreis abgestimmt", "kostet mehr als geplant",
  "ist für die Bürgerinnen und Bürger deutlich einfacher geworden", "scheitert bisher an der Finanzierung",
];
const openers = [
  "Kurze Rückmeldung aus unserer Kommune:", "Danke für den Hinweis!", "Zur Frage aus der letzten Sitzung:", "Bei uns sieht es so aus:",
  "Ich kann das bestätigen.", "Eine Ergänzung dazu:", "Aus Sicht des Ministeriums:", "Wir haben andere Erfahrungen gemacht.",
];
const closers = [
  "Wer hat dazu Erfahrungen?", "Ich stelle unsere Checkliste gern vor.", "Mehr dazu in der nächsten Sitzung.",
  "Die Unterlagen liegen im [Wiki](https://example.org/wiki).", "Bitte bis Freitag kommentieren.", "Das Protokoll folgt.",
];
const places = ["Magdeburg", "Halle (Saale)", "Dessau-Roßlau", "Wernigerode", "Hohe Börde", "Stendal", "Salzwedel", "Quedlinburg", "Naumburg", "Bitterfeld-Wolfen"];

const sentence = () => `${pick(topics).replace(/^./, (c) => c.toUpperCase())} ${pick(verbs)}.`;

/**
 * A post as Markdown and as the HTML the renderer makes of it. Written out directly: rendering
 * 20,000 posts through the Markdown pipeline would take minutes and measure nothing about search.
 */
function body(): { markdown: string; html: string } {
  const md = [pick(openers)];
  const html = [md[0]];
  const sentences = 2 + Math.floor(random() * 6);
  for (let i = 0; i < sentences; i++) {
    const text = sentence();
    if (random() < 0.15) {
      const place = pick(places);
      md.push(`In ${place}: **${text}**`);
      html.push(`In ${place}: <strong>${text}</strong>`);
    } else {
      md.push(text);
      html.push(text);
    }
  }
  let markdown = md.join(" ");
  let rendered = `<p>${html.join(" ")}</p>`;
  if (random() < 0.25) {
    const items = [sentence(), sentence()];
    markdown += `\n\n${items.map((item) => `- ${item}`).join("\n")}`;
    rendered += `\n<ul>\n${items.map((item) => `<li>${item}</li>`).join("\n")}\n</ul>`;
  }
  const closer = pick(closers);
  markdown += `\n\n${closer}`;
  rendered += `\n<p>${closer.replace(/\[(.+?)\]\((.+?)\)/, '<a href="$2">$1</a>')}</p>`;
  return { markdown, html: rendered };
}
const title = () => `${pick(topics).replace(/^(der|die|das|den) /, "").replace(/^./, (c) => c.toUpperCase())} in ${pick(places)}`;

const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;

async function fill(participantId: string) {
  const groups = (await db().workingGroup.findMany({ select: { id: true } })).map((g) => g.id);
  const authors = [participantId];
  const now = Date.now();
  const userRows: string[] = [];
  for (let i = 0; i < AUTHORS; i++) {
    const id = randomUUID();
    authors.push(id);
    userRows.push(`('${id}', 'bench-${i}@bench.example', 'Person ${i}', '${pick(places)}', 'PARTICIPANT', 'x', now(), now())`);
  }
  await rawDb().exec(`INSERT INTO "User" ("id", "email", "name", "organisation", "role", "passwordHash", "createdAt", "updatedAt") VALUES ${userRows.join(",")}`);

  const perThread = Math.ceil(POSTS / THREADS);
  let written = 0;
  for (let t = 0; t < THREADS && written < POSTS; t++) {
    const threadId = randomUUID();
    const count = Math.min(perThread, POSTS - written);
    const start = now - TWO_YEARS_MS + Math.floor(random() * (TWO_YEARS_MS - 30 * 24 * 3600 * 1000));
    const opener = pick(authors);
    await rawDb().query(
      `INSERT INTO "Thread" ("id", "groupId", "title", "authorId", "postCount", "seq", "lastActivityAt", "createdAt")
       VALUES ($1, $2, $3, $4, $5, $5, $6, $6)`,
      [threadId, groups[t % groups.length], title(), opener, count, new Date(start).toISOString()],
    );
    const values: string[] = [];
    const params: unknown[] = [];
    for (let n = 1; n <= count; n++) {
      const id = randomUUID();
      const { markdown, html } = body();
      const at = new Date(start + n * 20 * 60 * 1000).toISOString();
      const base = params.length;
      params.push(id, threadId, n === 1 ? opener : pick(authors), markdown, html, MARKDOWN_RENDERER_VERSION, n, n, at);
      values.push(`(${Array.from({ length: 9 }, (_, i) => `$${base + i + 1}`).join(", ")})`);
    }
    await rawDb().query(
      `INSERT INTO "Post" ("id", "threadId", "authorId", "body", "html", "renderVersion", "number", "changeSeq", "createdAt") VALUES ${values.join(", ")}`,
      params,
    );
    written += count;
  }
  await rawDb().exec("ANALYZE");
  return { groups, authors, written };
}

const database = await openBenchDatabase(PG_BASE_URL, "gdst-bench-search-");
const { label } = database;
try {
  console.log(`Search benchmark on ${label}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  await database.start();
  const participant = await db().user.findUniqueOrThrow({
    where: { email: "teilnehmer@gdst.example" },
    select: { id: true, name: true, email: true, organisation: true, role: true },
  });
  const actor: Actor = participant;

  const fillStart = performance.now();
  const { groups, authors, written } = await fill(participant.id);
  console.log(`Wrote ${written} posts in ${THREADS} threads in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);

  const year = new Date().getFullYear();
  const queries: [string, Record<string, unknown>][] = [
    ["one common word (Bauanträge)", { query: "Bauanträge" }],
    ["two words (Schnittstelle Fachverfahren)", { query: "Schnittstelle Fachverfahren" }],
    ['phrase ("digitale Baugenehmigung")', { query: '"digitale Baugenehmigung"' }],
    ["word, not another (Förderung -Ausschreibung)", { query: "Förderung -Ausschreibung" }],
    ["rare word (Hundesteuer Quedlinburg)", { query: "Hundesteuer Quedlinburg" }],
    ["no hits (Raumfahrtbehörde)", { query: "Raumfahrtbehörde" }],
    ["common word, one group", { query: "Wohngeld", groupId: groups[1] }],
    ["common word, one author, one year", { query: "Onlinedienste", authorId: authors[3], from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }],
    ["common word, page 10", { query: "Datenschutz", page: 10 }],
  ];
  const rows: string[][] = [];
  const results: Record<string, unknown>[] = [];
  for (const [name, input] of queries) {
    let last: SearchResult | undefined;
    for (let i = 0; i < WARMUP; i++) last = await search(actor, input);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      last = await search(actor, input);
      times.push(performance.now() - t0);
    }
    const sorted = ascending(times);
    const median = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    rows.push([name, String(last?.total ?? 0), median.toFixed(1), p95.toFixed(1), sorted.at(-1)!.toFixed(1)]);
    results.push({ name, input, hits: last?.total, medianMs: median, p95Ms: p95 });
  }
  console.log(`\n${label}, ${written} posts, ${RUNS} runs per query after ${WARMUP} warm-up runs:\n`);
  printTable(["query", "hits", "median ms", "p95 ms", "max ms"], rows);

  const typed = ["Bau", "Bauantr", "Bauanträge digital", "Schnittstelle zum Fachverfahren", "Wohngeldantrag in Halle (Saale)", "Raumfahrtbehörde"];
  const similarRows: string[][] = [];
  for (const title of typed) {
    let last: SimilarResult | undefined;
    for (let i = 0; i < WARMUP; i++) last = await similarSpotlights(actor, { title });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      last = await similarSpotlights(actor, { title });
      times.push(performance.now() - t0);
    }
    const sorted = ascending(times);
    similarRows.push([title, String((last?.spotlights.length ?? 0) + (last?.threads.length ?? 0)), percentile(sorted, 50).toFixed(1), percentile(sorted, 95).toFixed(1), sorted.at(-1)!.toFixed(1)]);
    results.push({ name: `similar: ${title}`, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95) });
  }
  console.log(`\nSimilar topics while typing a spotlight title, ${THREADS} threads and the demo spotlights:\n`);
  printTable(["typed title", "suggestions", "median ms", "p95 ms", "max ms"], similarRows);
  console.log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify({ database: label, posts: written, results }, null, 2));
} finally {
  await database.cleanup();
}
