import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { describe, test } from "node:test";
import { db } from "../db";
import { setUserActive } from "../services/users/manage-users";
import { makePost, makeThread, setThreadLocked } from "../test/factories";
import { call, connected, nextEvent, refused, socketTestServer } from "../test/socket-harness";
import { createTestUser, openTestDatabase } from "../test/test-db";
import { clientEventNames } from "./events";
import { disconnectUser } from "./publish";

const { cookieFor, open } = socketTestServer();
const { actors } = await openTestDatabase();

describe("socket handshake", () => {
  test("a socket without a session is refused with a German message", async () => {
    assert.equal(await refused(open()), "Bitte melden Sie sich an.");
  });

  test("a forged session cookie is refused", async () => {
    assert.equal(await refused(open("next-auth.session-token=erfunden")), "Bitte melden Sie sich an.");
  });

  test("a deactivated user's socket is refused", async () => {
    const user = await createTestUser("PARTICIPANT");
    const cookie = await cookieFor(user);
    await setUserActive(actors.admin, { userId: user.id, isActive: false });
    assert.equal(await refused(open(cookie)), "Bitte melden Sie sich an.");
  });
});

describe("thread rooms", () => {
  test("a post created through the socket reaches another socket in the thread, once", async () => {
    const thread = await makeThread(actors.participant);
    const listener = open(await cookieFor(actors.participant2));
    const sender = open(await cookieFor(actors.participant));
    await Promise.all([connected(listener), connected(sender)]);
    const watched = await call<{ seq: number }>(listener, "thread.watch", { threadId: thread.id, afterSeq: thread.seq });
    assert.ok(watched.ok);

    const delivered = nextEvent(listener, "post.created");
    const id = randomUUID();
    const first = await call<{ post: { id: string; number: number } }>(sender, "post.create", { id, threadId: thread.id, body: "Live über den Socket" });
    assert.ok(first.ok && first.data.post.number === 2);
    const event = await delivered;
    assert.equal(event.post.id, id);
    assert.equal(event.post.html, "<p>Live über den Socket</p>");
    assert.equal(event.seq, 2);

    // the retried send returns the stored post and creates nothing new
    const retry = await call<{ post: { id: string } }>(sender, "post.create", { id, threadId: thread.id, body: "Live über den Socket" });
    assert.ok(retry.ok && retry.data.post.id === id);
    assert.equal(await db().post.count({ where: { threadId: thread.id } }), 2);
  });

  test("watching after a gap returns exactly the posts missed since the last seen seq", async () => {
    const thread = await makeThread(actors.participant);
    const missed = [await makePost(actors.participant2, thread.id, "verpasst 1"), await makePost(actors.participant2, thread.id, "verpasst 2")];
    const socket = open(await cookieFor(actors.participant));
    await connected(socket);
    const response = await call<{ posts: { id: string }[]; seq: number }>(socket, "thread.watch", { threadId: thread.id, afterSeq: 1 });
    assert.ok(response.ok);
    assert.deepEqual(response.data.posts.map((post) => post.id), missed.map((post) => post.id));
    assert.equal(response.data.seq, 3);
  });

  test("a reader may not watch a thread nor post, and gets German messages", async () => {
    const thread = await makeThread(actors.participant);
    const socket = open(await cookieFor(actors.reader));
    await connected(socket);
    const watch = await call(socket, "thread.watch", { threadId: thread.id, afterSeq: 0 });
    assert.deepEqual(watch, { ok: false, error: { code: "FORBIDDEN", message: "Dafür fehlt Ihnen die Berechtigung." } });
    const post = await call(socket, "post.create", { id: randomUUID(), threadId: thread.id, body: "Darf ich?" });
    assert.deepEqual(post, { ok: false, error: { code: "FORBIDDEN", message: "Dafür fehlt Ihnen die Berechtigung." } });
    assert.equal(await db().post.count({ where: { threadId: thread.id } }), 1);
  });

  test("bad input over the socket is answered in German and changes nothing", async () => {
    const thread = await makeThread(actors.participant);
    const socket = open(await cookieFor(actors.participant));
    await connected(socket);
    const empty = await call(socket, "post.create", { id: randomUUID(), threadId: thread.id, body: "   " });
    assert.deepEqual(empty, { ok: false, error: { code: "BAD_INPUT", message: "Bitte geben Sie einen Beitragstext ein." } });
    const unknown = await call(socket, "thread.watch", { threadId: randomUUID(), afterSeq: 0 });
    assert.deepEqual(unknown, { ok: false, error: { code: "NOT_FOUND", message: "Dieses Thema gibt es nicht (mehr)." } });
    const malformed = await call(socket, "thread.watch", { threadId: "kein-thema", afterSeq: 0 });
    assert.ok(!malformed.ok && malformed.error.code === "BAD_INPUT");
    await setThreadLocked(thread.id, true);
    const locked = await call(socket, "post.create", { id: randomUUID(), threadId: thread.id, body: "Noch etwas" });
    assert.ok(!locked.ok && locked.error.code === "THREAD_LOCKED");
    assert.equal(await db().post.count({ where: { threadId: thread.id } }), 1);
  });

  test("garbage in every field of every client event is answered in German, never as an unexpected error", async () => {
    const thread = await makeThread(actors.participant);
    const socket = open(await cookieFor(actors.participant));
    await connected(socket);
    const garbage: unknown[] = [
      undefined, null, true, 0, -1, 2.5, 123_456_789_012, 2 ** 31, 1e308, "", "\u200B\uFEFF", "a\u0000b", "\uD800",
      "W".repeat(200), "x".repeat(100_000), "00000000-0000-0000-0000-000000000000", ["a"], { $gt: "" },
    ];
    const valid: Record<string, unknown> = { threadId: thread.id, afterSeq: 0, groupId: thread.group.id, body: "Gültig" };
    const fieldsOf: Record<string, string[]> = {
      "thread.watch": ["threadId", "afterSeq"],
      "group.watch": ["groupId"],
      "activity.watch": [],
      "post.create": ["id", "threadId", "body"],
      "thread.typing": ["threadId", "stopped"],
    };
    const failures: string[] = [];
    for (const name of clientEventNames) {
      // events without an acknowledgement answer nothing; they must not end the connection
      if (!(name in fieldsOf)) {
        for (const value of garbage) (socket.emit as (...args: unknown[]) => void)(name, value);
        continue;
      }
      const inputs = [
        ...garbage,
        ...fieldsOf[name].flatMap((field) => garbage.map((value) => ({ ...valid, id: randomUUID(), [field]: value }))),
      ];
      for (const input of inputs) {
        const answer = await call(socket, name, input);
        if (!answer.ok && (answer.error.code === "INTERNAL" || /Invalid|Expected|unerwartet/.test(answer.error.message))) {
          failures.push(`${name} ${JSON.stringify(input)?.slice(0, 80)}: ${answer.error.code} ${answer.error.message}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(socket.connected, "the connection survives");
    const posts = await db().post.findMany({ where: { threadId: thread.id }, select: { body: true } });
    // text garbage is still text: what was stored is visible, without control characters or broken surrogates
    assert.deepEqual(
      posts.filter((post) => !post.body.trim() || /[\u0000\u200B\uFEFF]|[\uD800-\uDFFF]/.test(post.body)),
      [],
    );
  });

  test("ending a user's sessions closes their open sockets at once", async () => {
    const user = await createTestUser("PARTICIPANT");
    const socket = open(await cookieFor(user));
    await connected(socket);
    const ended = nextEvent(socket, "session.ended");
    const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    disconnectUser(user.id, "Ihr Zugang wurde geändert.");
    assert.equal((await ended).reason, "Ihr Zugang wurde geändert.");
    assert.equal(await closed, "io server disconnect");
  });
});

describe("post views", () => {
  test("a hidden post reaches the participant's socket without its text, moderation's socket with it, each once", async () => {
    const { participant, participant2, moderator } = actors;
    const thread = await makeThread(participant);
    const post = await makePost(participant, thread.id, "Text, den nur die Moderation noch sieht");
    const watcher = open(await cookieFor(participant2));
    const mod = open(await cookieFor(moderator));
    await Promise.all([connected(watcher), connected(mod)]);
    for (const socket of [watcher, mod]) assert.equal((await call(socket, "thread.watch", { threadId: thread.id, afterSeq: 0 })).ok, true);
    const received = { watcher: [] as string[], mod: [] as string[] };
    watcher.on("post.updated", (payload) => received.watcher.push(JSON.stringify(payload)));
    mod.on("post.updated", (payload) => received.mod.push(JSON.stringify(payload)));

    const { publish } = await import("./publish");
    const { hidePost } = await import("../services/posts/hide-post");
    const { events } = await hidePost(moderator, { postId: post.id, reason: "Vertraulicher Grund" });
    publish(events);
    const deadline = Date.now() + 5000;
    while ((received.watcher.length < 1 || received.mod.length < 1) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    // one more round trip: a second (wrong) copy would have arrived by now
    await call(watcher, "thread.watch", { threadId: thread.id, afterSeq: 1_000_000 });
    await call(mod, "thread.watch", { threadId: thread.id, afterSeq: 1_000_000 });
    assert.equal(received.watcher.length, 1);
    assert.equal(received.mod.length, 1);
    assert.doesNotMatch(received.watcher[0], /nur die Moderation|Vertraulicher Grund/);
    assert.match(received.watcher[0], /"hiddenAt":"/);
    assert.match(received.mod[0], /nur die Moderation/);
    assert.match(received.mod[0], /Vertraulicher Grund/);

    // a participant catching up after a gap gets the participant view too
    const caughtUp = await call<{ posts: { id: string; html: string }[] }>(watcher, "thread.watch", { threadId: thread.id, afterSeq: 0 });
    assert.ok(caughtUp.ok);
    assert.equal(caughtUp.data.posts.find((entry) => entry.id === post.id)?.html, "");
  });
});
