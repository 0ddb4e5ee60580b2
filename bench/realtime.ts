// Realtime benchmark: post → delivery latency and fan-out throughput of one thread's live updates.
//
//   npm run bench:realtime
//
// Starts the built app (server.ts, NODE_ENV=production) on a fresh embedded database in a temp
// directory, signs in as a demo participant, and for 1, 50 and 200 listening sockets on one thread
// sends 200 posts through a separate sender socket (or tRPC), measuring for every delivery the time
// from just before the send to the listener's receipt (same process clock). Everything it starts is
// stopped and removed at the end, also on an error, Ctrl-C or the overall time limit.
//
// Settings (environment): BENCH_PORT (3410), BENCH_LISTENERS ("1,50,200"), BENCH_POSTS (200),
// BENCH_WARMUP (30), BENCH_CONCURRENCY (1: one post at a time, the next sent after the ack), BENCH_VIA ("socket" | "trpc"),
// BENCH_OUT (write the results as JSON to this file), BENCH_VERBOSE=1 (echo the server's output),
// BENCH_DATABASE_URL (a PostgreSQL URL that may CREATE DATABASE: run on a fresh, afterwards dropped
// PostgreSQL database instead of the embedded one, for comparison), BENCH_NODE_ARGS (extra node
// options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), BENCH_CHATTER=1 (while the posts are measured,
// other people keep the room busy: BENCH_TYPERS sockets of a second participant send typing notices
// every second, as composers do while someone writes, and a third person toggles reactions on recent
// posts BENCH_REACTIONS_PER_SECOND times a second; listeners count what reaches them).
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import {
  PARTICIPANT,
  connectSocket,
  request,
  rssMiB,
  seededThread,
  signIn,
  sleep,
  trpc,
  type ClientSocket,
} from "../e2e/scale-out/harness.ts";
import { cpuSeconds, intEnv, percentile, printTable } from "./lib.ts";
import { BenchRun } from "./run.ts";

const PORT = intEnv("BENCH_PORT", 3410);
const LISTENER_COUNTS = (process.env.BENCH_LISTENERS ?? "1,50,200").split(",").map((n) => Number(n.trim()));
const POSTS = intEnv("BENCH_POSTS", 200);
const WARMUP = intEnv("BENCH_WARMUP", 30);
const CONCURRENCY = Math.max(1, intEnv("BENCH_CONCURRENCY", 1));
const VIA = process.env.BENCH_VIA === "trpc" ? "trpc" : "socket";
const PG_BASE_URL = process.env.BENCH_DATABASE_URL || undefined;
const CHATTER = process.env.BENCH_CHATTER === "1";
const TYPERS = intEnv("BENCH_TYPERS", 10);
const REACTIONS_PER_SECOND = intEnv("BENCH_REACTIONS_PER_SECOND", 5);
const TYPIST = "teilnehmerin@gdst.example";
const REACTOR = "moderation@gdst.example";
const CONNECT_BATCH = 25;
/** per round: all deliveries must have arrived this long after the last send */
const DELIVERY_TIMEOUT_MS = 60_000;
/** the whole run, start-up included */
const OVERALL_LIMIT_MS = 15 * 60_000;

if (LISTENER_COUNTS.some((n) => !Number.isInteger(n) || n < 1 || n > 1000)) throw new Error("BENCH_LISTENERS: counts between 1 and 1000");
if (POSTS < 1 || POSTS > 5000) throw new Error("BENCH_POSTS: between 1 and 5000");

interface RoundResult {
  listeners: number;
  posts: number;
  deliveries: number;
  expected: number;
  duplicates: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ackP50: number;
  ackP99: number;
  /** per post: last listener's receipt minus the first's — the cost of the fan-out itself */
  spreadP50: number;
  spreadP99: number;
  seconds: number;
  deliveriesPerSecond: number;
  postsPerSecond: number;
  serverCpuSeconds: number;
  clientLoopDelayP99: number;
  /** with BENCH_CHATTER: typing notices and reaction updates that reached the listeners, per second */
  typingDeliveriesPerSecond: number;
  reactionDeliveriesPerSecond: number;
  reactionsSent: number;
  rssMiB: number;
  peakRssMiB: number;
}

const run = new BenchRun({ port: PORT, pgBaseUrl: PG_BASE_URL, limitMs: OVERALL_LIMIT_MS });
const { sockets } = run;

async function connectListeners(count: number, url: string, cookie: string, threadId: string, afterSeq: number): Promise<ClientSocket[]> {
  const listeners: ClientSocket[] = [];
  for (let start = 0; start < count; start += CONNECT_BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, async () => {
        const socket = await connectSocket(url, cookie);
        sockets.add(socket);
        await request(socket, "thread.watch", { threadId, afterSeq });
        return socket;
      }),
    );
    listeners.push(...batch);
  }
  return listeners;
}

/**
 * Typing notices from `TYPERS` sockets (each one a composer sending its throttled notice every
 * second) and reactions toggled on recent posts, until stopped. Returns how many reactions it sent.
 */
async function startChatter(url: string, threadId: string, recentPostIds: () => string[]) {
  const typistCookie = await signIn(url, TYPIST);
  const reactorCookie = await signIn(url, REACTOR);
  const typers: ClientSocket[] = [];
  for (let index = 0; index < TYPERS; index++) {
    const socket = await connectSocket(url, typistCookie);
    sockets.add(socket);
    await request(socket, "thread.watch", { threadId, afterSeq: 0 });
    typers.push(socket);
  }
  let running = true;
  let reactionsSent = 0;
  const typing = setInterval(() => {
    for (const socket of typers) socket.emit("thread.typing", { threadId }, () => {});
  }, 1000);
  const reacting = (async () => {
    const kinds = ["👍", "❤️", "🎉", "🤔", "👀"] as const;
    const active = new Set<string>();
    while (running) {
      const ids = recentPostIds();
      if (ids.length) {
        const postId = ids[reactionsSent % ids.length];
        const kind = kinds[reactionsSent % kinds.length];
        const key = `${postId}:${kind}`;
        await trpc(url, reactorCookie, "post.react", { postId, kind, active: !active.has(key) }, "mutation");
        if (active.has(key)) active.delete(key);
        else active.add(key);
        reactionsSent++;
      }
      await sleep(1000 / REACTIONS_PER_SECOND);
    }
  })();
  return async () => {
    running = false;
    clearInterval(typing);
    await reacting;
    for (const socket of typers) {
      socket.close();
      sockets.delete(socket);
    }
    return reactionsSent;
  };
}

async function main() {
  const { server, idleRss } = await run.start();
  const url = server.url;

  const cookie = await signIn(url, PARTICIPANT);
  const thread = await seededThread(url, cookie);
  const sender = await connectSocket(url, cookie);
  sockets.add(sender);

  const send = async (body: string, id = randomUUID()) => {
    if (VIA === "trpc") await trpc(url, cookie, "post.create", { id, threadId: thread.id, body }, "mutation");
    else await request(sender, "post.create", { id, threadId: thread.id, body });
  };

  // the thread's current seq, so listeners join without a catch-up of the whole thread
  let knownSeq = 0;
  {
    const probe = await connectSocket(url, cookie);
    knownSeq = (await request(probe, "thread.watch", { threadId: thread.id, afterSeq: 0 })).seq;
    probe.close();
  }

  const results: RoundResult[] = [];
  for (const listenerCount of LISTENER_COUNTS) {
    process.stdout.write(`\n${listenerCount} listener(s): connecting … `);
    const listeners = await connectListeners(listenerCount, url, cookie, thread.id, knownSeq);

    const sendTimes = new Map<string, number>();
    const received = new Map<string, number>();
    /** per measured post: first and last receipt */
    const receiptSpan = new Map<string, [number, number]>();
    const latencies: number[] = [];
    let duplicates = 0;
    let lastReceipt = 0;
    let onAllDelivered: (() => void) | undefined;
    let measuring = false;
    let expected = 0;
    let typingDeliveries = 0;
    let reactionDeliveries = 0;
    const recentPosts: string[] = [];

    for (const listener of listeners) {
      const seen = new Set<string>();
      listener.on("thread.typing", () => {
        if (measuring) typingDeliveries++;
      });
      listener.on("post.updated", () => {
        if (measuring) reactionDeliveries++;
      });
      listener.on("post.created", ({ post, seq }) => {
        const now = performance.now();
        knownSeq = Math.max(knownSeq, seq);
        if (seen.has(post.id)) duplicates++;
        else if (listener === listeners[0]) recentPosts.splice(0, Math.max(0, recentPosts.push(post.id) - 20));
        seen.add(post.id);
        received.set(post.id, (received.get(post.id) ?? 0) + 1);
        const sentAt = sendTimes.get(post.id);
        if (measuring && sentAt !== undefined) {
          latencies.push(now - sentAt);
          lastReceipt = now;
          const span = receiptSpan.get(post.id);
          if (span) span[1] = now;
          else receiptSpan.set(post.id, [now, now]);
          if (latencies.length >= expected) onAllDelivered?.();
        }
      });
    }

    const runPosts = async (count: number, label: string) => {
      let next = 0;
      const ackTimes: number[] = [];
      const worker = async () => {
        while (next < count) {
          const index = next++;
          const id = randomUUID();
          const sentAt = performance.now();
          sendTimes.set(id, sentAt);
          await send(`Benchmark ${label} ${listenerCount}/${index + 1}: Lorem ipsum dolor sit amet, consectetur adipiscing elit.`, id);
          ackTimes.push(performance.now() - sentAt);
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker));
      return ackTimes;
    };

    // warm-up: not measured, but waited for
    process.stdout.write("warming up … ");
    await runPosts(WARMUP, "warm-up");
    const warmDeadline = Date.now() + DELIVERY_TIMEOUT_MS;
    while ([...sendTimes.keys()].some((id) => (received.get(id) ?? 0) < listenerCount) && Date.now() < warmDeadline) await sleep(20);
    sendTimes.clear();
    received.clear();
    duplicates = 0;

    const stopChatter = CHATTER ? await startChatter(url, thread.id, () => recentPosts) : null;
    if (stopChatter) process.stdout.write(`chatter: ${TYPERS} typing sockets, ${REACTIONS_PER_SECOND} reactions/s … `);
    process.stdout.write(`sending ${POSTS} posts … `);
    expected = POSTS * listenerCount;
    const allDelivered = new Promise<void>((resolve) => (onAllDelivered = resolve));
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpuBefore = cpuSeconds(server.pid);
    measuring = true;
    const firstSend = performance.now();
    const ackTimes = await runPosts(POSTS, "post");
    const lastAck = performance.now();
    await Promise.race([allDelivered, sleep(DELIVERY_TIMEOUT_MS)]);
    measuring = false;
    const reactionsSent = (await stopChatter?.()) ?? 0;
    loopDelay.disable();
    const cpuAfter = cpuSeconds(server.pid);
    const memory = rssMiB(server.pid);

    latencies.sort((a, b) => a - b);
    ackTimes.sort((a, b) => a - b);
    const spreads = [...receiptSpan.values()].map(([first, last]) => last - first).sort((a, b) => a - b);
    const seconds = ((lastReceipt || lastAck) - firstSend) / 1000;
    const result: RoundResult = {
      listeners: listenerCount,
      posts: POSTS,
      deliveries: latencies.length,
      expected,
      duplicates,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
      ackP50: percentile(ackTimes, 50),
      ackP99: percentile(ackTimes, 99),
      spreadP50: percentile(spreads, 50),
      spreadP99: percentile(spreads, 99),
      seconds,
      deliveriesPerSecond: latencies.length / seconds,
      postsPerSecond: POSTS / seconds,
      serverCpuSeconds: cpuAfter - cpuBefore,
      clientLoopDelayP99: loopDelay.percentile(99) / 1e6,
      typingDeliveriesPerSecond: typingDeliveries / seconds,
      reactionDeliveriesPerSecond: reactionDeliveries / seconds,
      reactionsSent,
      rssMiB: memory?.rss ?? NaN,
      peakRssMiB: memory?.peak ?? NaN,
    };
    results.push(result);
    console.log(`done in ${seconds.toFixed(1)} s`);
    if (result.deliveries < expected) console.warn(`  ! only ${result.deliveries} of ${expected} deliveries arrived within ${DELIVERY_TIMEOUT_MS / 1000} s`);
    if (duplicates) console.warn(`  ! ${duplicates} duplicate deliveries`);

    for (const listener of listeners) {
      listener.close();
      sockets.delete(listener);
    }
    await sleep(500);
  }

  const finalRss = rssMiB(server.pid);
  await run.cleanup();

  const cpu = os.cpus();
  console.log(`\nRealtime benchmark — ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(`${run.databaseLabel[0].toUpperCase()}${run.databaseLabel.slice(1)}, no Redis; ${POSTS} posts per round via ${VIA === "trpc" ? "tRPC HTTP post.create" : "sender socket post.create"}, ${CONCURRENCY} in flight, ${WARMUP} warm-up posts`);
  console.log(CHATTER ? `Chatter while measuring: ${TYPERS} sockets typing (a notice a second each), ${REACTIONS_PER_SECOND} reactions/s toggled via tRPC` : "No chatter (BENCH_CHATTER=1 adds typing notices and reactions)");
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  console.log(`Load average at the end (1/5/15 min): ${load}${os.loadavg()[1] > cpu.length ? " – other work competed for the CPUs, figures are pessimistic" : ""}`);
  console.log("Latency: sender timestamp before the send → listener receives post.created (ms); ack: until the sender's post.create answer");
  console.log("(or the tRPC response); fan-out: first to last listener's receipt of one post; client lag: this process's event-loop delay.");
  console.log(`Server RSS idle after start: ${idleRss?.rss.toFixed(0)} MiB\n`);
  const columns: [string, (r: RoundResult) => string][] = [
    ["listeners", (r) => String(r.listeners)],
    ["delivered", (r) => `${r.deliveries}/${r.expected}`],
    ["p50 ms", (r) => r.p50.toFixed(1)],
    ["p95 ms", (r) => r.p95.toFixed(1)],
    ["p99 ms", (r) => r.p99.toFixed(1)],
    ["max ms", (r) => r.max.toFixed(1)],
    ["ack p50 ms", (r) => r.ackP50.toFixed(1)],
    ["fan-out p50/p99 ms", (r) => `${r.spreadP50.toFixed(1)} / ${r.spreadP99.toFixed(1)}`],
    ["deliveries/s", (r) => r.deliveriesPerSecond.toFixed(0)],
    ["posts/s", (r) => r.postsPerSecond.toFixed(1)],
    ["server CPU ms/post", (r) => ((r.serverCpuSeconds * 1000) / r.posts).toFixed(1)],
    ["client lag p99 ms", (r) => r.clientLoopDelayP99.toFixed(1)],
    ...(CHATTER
      ? ([
          ["typing deliv./s", (r) => r.typingDeliveriesPerSecond.toFixed(0)],
          ["reactions sent", (r) => String(r.reactionsSent)],
          ["reaction deliv./s", (r) => r.reactionDeliveriesPerSecond.toFixed(0)],
        ] as [string, (r: RoundResult) => string][])
      : []),
    ["server RSS MiB", (r) => r.rssMiB.toFixed(0)],
    ["peak RSS MiB", (r) => r.peakRssMiB.toFixed(0)],
  ];
  printTable(
    columns.map(([title]) => title),
    results.map((r) => columns.map(([, cell]) => cell(r))),
  );
  console.log(`\nServer RSS at the end: ${finalRss?.rss.toFixed(0)} MiB (peak since start ${finalRss?.peak.toFixed(0)} MiB: VmHWM, start-up, migrations and seeding included)`);

  if (process.env.BENCH_OUT) {
    writeFileSync(process.env.BENCH_OUT, JSON.stringify({ database: PG_BASE_URL ? "postgresql" : "pglite", chatter: CHATTER, loadavg: os.loadavg(), via: VIA, concurrency: CONCURRENCY, posts: POSTS, idleRssMiB: idleRss?.rss, results }, null, 2));
  }
  const incomplete = results.some((r) => r.deliveries < r.expected || r.duplicates > 0);
  process.exit(incomplete ? 1 : 0);
}

main().catch((error: unknown) => run.fail(`benchmark failed: ${(error as Error).stack ?? String(error)}`));
