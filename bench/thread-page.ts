// Thread-page benchmark: how fast a long thread's page is served, how big it is, and what a post
// with realistic Markdown costs the server.
//
//   npm run bench:thread-page
//
// Starts the built app (server.ts, NODE_ENV=production) on a fresh embedded database in a temp
// directory (or a fresh PostgreSQL database), signs in as the demo participant and
//  1. opens two threads in the Technik group through tRPC `thread.create`: one that will get 500
//     posts and one with a single post;
//  2. fills the long thread through a sender socket (`post.create`, one at a time, the next sent
//     after the ack) while one listener socket watches it, with varied German Markdown bodies.
//     The first 49 posts warm the server up; for the remaining 450 it measures the server's CPU per
//     post (/proc/<pid>/stat), posts/s and delivery latency;
//  3. requests the pages signed in, as a browser would (gzip accepted, one kept-alive connection):
//     page 1 of the short thread, page 1 and the last page of the long one. 5 warm-up requests
//     each, then 30 measured ones per page, one at a time: time to the response headers (TTFB),
//     time to the last byte, bytes on the wire and HTML size, and the server's CPU per request.
// Posts are created through the public API, so the benchmark keeps working when the write path or
// the Markdown pipeline changes. Everything it starts is stopped and removed at the end, also on an
// error, Ctrl-C or the overall time limit.
//
// Settings (environment): BENCH_PORT (3411), BENCH_THREAD_POSTS (500), BENCH_REQUESTS (30),
// BENCH_REQUEST_WARMUP (5), BENCH_DATABASE_URL (PostgreSQL URL that may CREATE DATABASE: use a
// fresh, afterwards dropped database instead of PGlite), BENCH_OUT (write the results as JSON),
// BENCH_VERBOSE=1 (echo the server's output), BENCH_NODE_ARGS (extra node options for the server).
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import {
  PARTICIPANT,
  connectSocket,
  request,
  rssMiB,
  signIn,
  sleep,
  trpc,
} from "../e2e/scale-out/harness.ts";
import { ascending, backendCpuDelta, cpuSeconds, intEnv, percentile, printTable } from "./lib.ts";
import { benchRef, markdownBody } from "./markdown-corpus.ts";
import { BenchRun } from "./run.ts";

const PORT = intEnv("BENCH_PORT", 3411);
const THREAD_POSTS = intEnv("BENCH_THREAD_POSTS", 500);
const REQUESTS = intEnv("BENCH_REQUESTS", 30);
const REQUEST_WARMUP = intEnv("BENCH_REQUEST_WARMUP", 5);
const PG_BASE_URL = process.env.BENCH_DATABASE_URL || undefined;
/** must match POSTS_PER_PAGE in server/schemas/post.ts; checked against the pages' content below */
const POSTS_PER_PAGE = 50;
const SEED_WARMUP = Math.min(49, THREAD_POSTS - 2);
const DELIVERY_TIMEOUT_MS = 60_000;
const OVERALL_LIMIT_MS = 15 * 60_000;

if (THREAD_POSTS < 3 || THREAD_POSTS > 5000) throw new Error("BENCH_THREAD_POSTS: between 3 and 5000");
if (REQUESTS < 1 || REQUESTS > 1000) throw new Error("BENCH_REQUESTS: between 1 and 1000");

const run = new BenchRun({ port: PORT, pgBaseUrl: PG_BASE_URL, limitMs: OVERALL_LIMIT_MS });
const { sockets } = run;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
run.alsoOnCleanup(() => agent.destroy());

interface PageResponse {
  status: number;
  /** request sent → response headers received (what browsers call time to first byte) */
  headersMs: number;
  /** request sent → last byte received */
  totalMs: number;
  wireBytes: number;
  html: string;
}

/** GET as a browser would: gzip accepted, the session cookie, on one kept-alive connection. */
function getPage(url: string, cookie: string): Promise<PageResponse> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let headersMs = NaN;
    const req = http.get(url, { agent, headers: { cookie, "accept-encoding": "gzip, deflate, br", accept: "text/html" }, timeout: 60_000 }, (res) => {
      headersMs = performance.now() - start;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const totalMs = performance.now() - start;
        const raw = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"];
        const body = encoding === "gzip" ? gunzipSync(raw) : encoding === "br" ? brotliDecompressSync(raw) : encoding === "deflate" ? inflateSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headersMs, totalMs, wireBytes: raw.length, html: body.toString("utf8") });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url}: timed out`)));
    req.on("error", reject);
  });
}

/** bytes of the inline React Server Components payload (`self.__next_f.push(…)` scripts) in a page */
const rscPayloadBytes = (html: string) =>
  [...html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].reduce((sum, match) => sum + Buffer.byteLength(match[1]), 0);

interface PageTarget {
  label: string;
  path: string;
  /** posts shown on this page: their markers must all be in the HTML */
  posts: number[];
}

interface PageResult {
  label: string;
  path: string;
  requests: number;
  headersP50: number;
  headersP95: number;
  totalP50: number;
  totalP95: number;
  wireBytes: number;
  htmlBytes: number;
  rscBytes: number;
  /** how often each post's marker appears in the page: server-rendered HTML plus the RSC payload */
  copiesPerPost: number;
  serverCpuMsPerRequest: number;
  dbCpuMsPerRequest: number | null;
}

interface SeedResult {
  posts: number;
  seconds: number;
  postsPerSecond: number;
  serverCpuMsPerPost: number;
  dbCpuMsPerPost: number | null;
  ackP50: number;
  ackP99: number;
  deliveryP50: number;
  deliveryP99: number;
  bodyBytesAvg: number;
}

async function measurePages(url: string, cookie: string, targets: PageTarget[]): Promise<PageResult[]> {
  for (const target of targets) {
    for (let i = 0; i < REQUEST_WARMUP; i++) await getPage(url + target.path, cookie);
  }
  const results: PageResult[] = [];
  for (const target of targets) {
    const responses: PageResponse[] = [];
    const cpuBefore = cpuSeconds(run.server!.pid);
    const dbBefore = await run.database?.backendCpu();
    for (let i = 0; i < REQUESTS; i++) responses.push(await getPage(url + target.path, cookie));
    const cpuAfter = cpuSeconds(run.server!.pid);
    const dbAfter = await run.database?.backendCpu();

    const last = responses.at(-1)!;
    const bad = responses.find((r) => r.status !== 200);
    if (bad) throw new Error(`GET ${target.path}: HTTP ${bad.status} (signed out or not found?)`);
    const missing = target.posts.filter((n) => !last.html.includes(benchRef(n)));
    if (missing.length) throw new Error(`GET ${target.path}: posts ${missing.slice(0, 5).join(", ")} … are not on the page`);
    const markers = last.html.match(/bench-ref-\d{6}/g)?.length ?? 0;
    const headers = ascending(responses.map((r) => r.headersMs));
    const totals = ascending(responses.map((r) => r.totalMs));
    results.push({
      label: target.label,
      path: target.path,
      requests: REQUESTS,
      headersP50: percentile(headers, 50),
      headersP95: percentile(headers, 95),
      totalP50: percentile(totals, 50),
      totalP95: percentile(totals, 95),
      wireBytes: percentile(ascending(responses.map((r) => r.wireBytes)), 50),
      htmlBytes: Buffer.byteLength(last.html),
      rscBytes: rscPayloadBytes(last.html),
      copiesPerPost: markers / target.posts.length,
      serverCpuMsPerRequest: ((cpuAfter - cpuBefore) * 1000) / REQUESTS,
      dbCpuMsPerRequest: dbBefore && dbAfter ? (backendCpuDelta(dbBefore, dbAfter) * 1000) / REQUESTS : null,
    });
  }
  return results;
}

async function main() {
  const { server, startSeconds, idleRss } = await run.start();
  const url = server.url;

  const cookie = await signIn(url, PARTICIPANT);
  const group = await trpc<{ id: string; slug: string }>(url, cookie, "group.bySlug", { slug: "technik" });
  const openThread = (title: string, body: string) =>
    trpc<{ id: string }>(url, cookie, "thread.create", { groupId: group.id, firstPostId: randomUUID(), title, body }, "mutation");
  const longThread = await openThread(`Benchmark: Thema mit ${THREAD_POSTS} Beiträgen`, markdownBody(1));
  const shortThread = await openThread("Benchmark: Thema mit einem Beitrag", markdownBody(2));

  // fill the long thread: post 1 came with the thread, posts 2 … THREAD_POSTS go through the socket
  process.stdout.write(`Posting ${THREAD_POSTS - 1} posts (${SEED_WARMUP} warm-up) with one listener … `);
  const listener = await connectSocket(url, cookie);
  sockets.add(listener);
  await request(listener, "thread.watch", { threadId: longThread.id, afterSeq: 1 });
  const sender = await connectSocket(url, cookie);
  sockets.add(sender);
  const sentAt = new Map<string, number>();
  const deliveries: number[] = [];
  let lastReceipt = 0;
  let received = 0;
  listener.on("post.created", ({ post }) => {
    const now = performance.now();
    received++;
    lastReceipt = now;
    const sent = sentAt.get(post.id);
    if (sent !== undefined) deliveries.push(now - sent);
  });
  const acks: number[] = [];
  let bodyBytes = 0;
  let cpuBefore = NaN;
  let dbBefore: Map<number, number> | undefined;
  let firstMeasuredSend = NaN;
  for (let number = 2; number <= THREAD_POSTS; number++) {
    const measured = number > SEED_WARMUP + 1;
    if (measured && Number.isNaN(cpuBefore)) {
      // let the warm-up's deliveries arrive first
      const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
      while (received < number - 2 && Date.now() < deadline) await sleep(10);
      dbBefore = await run.database?.backendCpu();
      cpuBefore = cpuSeconds(server.pid);
      firstMeasuredSend = performance.now();
    }
    const id = randomUUID();
    const body = markdownBody(number);
    const start = performance.now();
    if (measured) {
      sentAt.set(id, start);
      bodyBytes += Buffer.byteLength(body);
    }
    const { post } = await request(sender, "post.create", { id, threadId: longThread.id, body });
    if (measured) acks.push(performance.now() - start);
    if (post.number !== number) throw new Error(`post ${number} got number ${post.number}: is something else posting in the thread?`);
  }
  const measuredPosts = THREAD_POSTS - 1 - SEED_WARMUP;
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  while (deliveries.length < measuredPosts && Date.now() < deadline) await sleep(10);
  const cpuAfter = cpuSeconds(server.pid);
  const dbAfter = await run.database?.backendCpu();
  if (deliveries.length < measuredPosts) throw new Error(`only ${deliveries.length} of ${measuredPosts} posts reached the listener`);
  const seedSeconds = (lastReceipt - firstMeasuredSend) / 1000;
  const sortedAcks = ascending(acks);
  const sortedDeliveries = ascending(deliveries);
  const seed: SeedResult = {
    posts: measuredPosts,
    seconds: seedSeconds,
    postsPerSecond: measuredPosts / seedSeconds,
    serverCpuMsPerPost: ((cpuAfter - cpuBefore) * 1000) / measuredPosts,
    dbCpuMsPerPost: dbBefore && dbAfter ? (backendCpuDelta(dbBefore, dbAfter) * 1000) / measuredPosts : null,
    ackP50: percentile(sortedAcks, 50),
    ackP99: percentile(sortedAcks, 99),
    deliveryP50: percentile(sortedDeliveries, 50),
    deliveryP99: percentile(sortedDeliveries, 99),
    bodyBytesAvg: bodyBytes / measuredPosts,
  };
  console.log(`done (${seedSeconds.toFixed(1)} s for the measured ${measuredPosts})`);
  for (const socket of [listener, sender]) {
    socket.close();
    sockets.delete(socket);
  }
  const rssAfterPosting = rssMiB(server.pid);

  const lastPage = Math.ceil(THREAD_POSTS / POSTS_PER_PAGE);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const threadPath = (id: string) => `/arbeitsgruppen/${group.slug}/themen/${id}`;
  const targets: PageTarget[] = [
    { label: "1-post thread, page 1", path: `${threadPath(shortThread.id)}?seite=1`, posts: [2] },
    { label: `${THREAD_POSTS}-post thread, page 1`, path: `${threadPath(longThread.id)}?seite=1`, posts: range(1, Math.min(POSTS_PER_PAGE, THREAD_POSTS)) },
    {
      label: `${THREAD_POSTS}-post thread, page ${lastPage}`,
      path: `${threadPath(longThread.id)}?seite=${lastPage}`,
      posts: range((lastPage - 1) * POSTS_PER_PAGE + 1, THREAD_POSTS),
    },
  ];
  process.stdout.write(`Requesting ${targets.length} pages, ${REQUEST_WARMUP} warm-up + ${REQUESTS} measured requests each … `);
  const pages = await measurePages(url, cookie, targets);
  console.log("done");
  const finalRss = rssMiB(server.pid);
  await run.cleanup();

  const cpu = os.cpus();
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  const ms = (value: number | null) => (value === null ? "–" : value.toFixed(1));
  console.log(`\nThread-page benchmark — ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(`${run.databaseLabel[0].toUpperCase()}${run.databaseLabel.slice(1)}, no Redis; server healthy after ${startSeconds.toFixed(1)} s`);
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  console.log(`Load average at the end (1/5/15 min): ${load}${os.loadavg()[1] > cpu.length ? " – other work competed for the CPUs, times are pessimistic" : ""}\n`);

  console.log(`Posting: ${seed.posts} measured posts (after ${SEED_WARMUP} warm-up), Markdown bodies of ${seed.bodyBytesAvg.toFixed(0)} bytes on average,`);
  console.log("one sender socket, one post at a time (closed loop), one listener");
  printTable(
    ["posts/s", "server CPU ms/post", "PostgreSQL CPU ms/post", "ack p50 / p99 ms", "delivery p50 / p99 ms"],
    [[seed.postsPerSecond.toFixed(1), ms(seed.serverCpuMsPerPost), ms(seed.dbCpuMsPerPost), `${ms(seed.ackP50)} / ${ms(seed.ackP99)}`, `${ms(seed.deliveryP50)} / ${ms(seed.deliveryP99)}`]],
  );

  console.log(`\nPages, signed in: ${REQUESTS} requests each after ${REQUEST_WARMUP} warm-up, one at a time on one kept-alive connection, gzip accepted`);
  printTable(
    ["page", "TTFB p50 ms", "TTFB p95 ms", "complete p50 ms", "complete p95 ms", "server CPU ms/req", "PostgreSQL CPU ms/req", "wire KiB", "HTML KiB", "of it RSC KiB", "copies/post"],
    pages.map((p) => [
      p.label,
      ms(p.headersP50),
      ms(p.headersP95),
      ms(p.totalP50),
      ms(p.totalP95),
      ms(p.serverCpuMsPerRequest),
      ms(p.dbCpuMsPerRequest),
      kib(p.wireBytes),
      kib(p.htmlBytes),
      kib(p.rscBytes),
      p.copiesPerPost.toFixed(1),
    ]),
  );
  console.log("copies/post: how often each post's text appears in the HTML (the rendered markup plus the post DTOs in the RSC payload).");
  console.log(
    `\nServer RSS: ${idleRss?.rss.toFixed(0)} MiB idle after start, ${rssAfterPosting?.rss.toFixed(0)} MiB after posting, ${finalRss?.rss.toFixed(0)} MiB after the page requests (peak ${finalRss?.peak.toFixed(0)} MiB)`,
  );

  if (process.env.BENCH_OUT) {
    writeFileSync(
      process.env.BENCH_OUT,
      JSON.stringify(
        {
          database: PG_BASE_URL ? "postgresql" : "pglite",
          loadavg: os.loadavg(),
          startSeconds,
          threadPosts: THREAD_POSTS,
          rssMiB: { idle: idleRss?.rss, afterPosting: rssAfterPosting?.rss, end: finalRss?.rss, peak: finalRss?.peak },
          seed,
          pages,
        },
        null,
        2,
      ),
    );
  }
  process.exit(0);
}

main().catch((error: unknown) => run.fail(`benchmark failed: ${(error as Error).stack ?? String(error)}`));
