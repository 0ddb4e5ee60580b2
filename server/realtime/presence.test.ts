import assert from "node:assert/strict";
import { test } from "node:test";
import { makeThread, setThreadLocked } from "../test/factories";
import { call, record, roundTrip, socketTestServer, until, type ClientSocket, type Payload } from "../test/socket-harness";
import { openTestDatabase } from "../test/test-db";

type Presence = Payload<"thread.presence">;
type Typing = Payload<"thread.typing">;

const { openAs: open } = socketTestServer();
const { actors } = await openTestDatabase();
const { participant, participant2, moderator, reader } = actors;

const watch = (socket: ClientSocket, threadId: string) => call(socket, "thread.watch", { threadId, afterSeq: 0 });
const lastCount = (received: Presence[], threadId: string) => received.filter((p) => p.threadId === threadId).at(-1)?.readerCount;


test("[presence] the count of distinct people with a thread open follows joins, leaves and disconnects", async () => {
  const thread = await makeThread(participant);
  const anna = await open(participant);
  const annaSees = record(anna, "thread.presence");
  assert.ok((await watch(anna, thread.id)).ok);
  await roundTrip(anna);
  assert.equal(lastCount(annaSees, thread.id), 1);

  const ben = await open(participant2);
  const benSees = record(ben, "thread.presence");
  await watch(ben, thread.id);
  await until(() => lastCount(annaSees, thread.id) === 2, "Anna sees 2");
  await roundTrip(ben);
  assert.equal(lastCount(benSees, thread.id), 2);

  // a second tab of the same person does not count twice
  const annaTab = await open(participant);
  await watch(annaTab, thread.id);
  await roundTrip(ben);
  assert.equal(lastCount(benSees, thread.id), 2);
  annaTab.disconnect();

  ben.emit("thread.unwatch", { threadId: thread.id });
  await until(() => lastCount(annaSees, thread.id) === 1 && annaSees.length >= 4, "Anna sees 1 after Ben left");

  await watch(ben, thread.id);
  await until(() => lastCount(annaSees, thread.id) === 2, "Ben is back");
  ben.disconnect();
  await until(() => lastCount(annaSees, thread.id) === 1, "Anna sees 1 after Ben disconnected");
});

test("[presence] a reader cannot watch a thread and is not counted", async () => {
  const thread = await makeThread(participant);
  const anna = await open(participant);
  const annaSees = record(anna, "thread.presence");
  await watch(anna, thread.id);
  const lesend = await open(reader);
  const refused = await watch(lesend, thread.id);
  assert.ok(!refused.ok && refused.error.code === "FORBIDDEN");
  await roundTrip(anna);
  assert.deepEqual(annaSees.map((p) => p.readerCount), [1]);
});

test("[typing] others in the thread see who writes; the writer's own tabs and other threads do not", async () => {
  const thread = await makeThread(participant);
  const other = await makeThread(participant);
  const anna = await open(participant);
  const annaTab = await open(participant);
  const ben = await open(participant2);
  const elsewhere = await open(moderator);
  const [annaTabSees, benSees, elsewhereSees] = [record(annaTab, "thread.typing"), record(ben, "thread.typing"), record(elsewhere, "thread.typing")];
  for (const socket of [anna, annaTab, ben]) await watch(socket, thread.id);
  await watch(elsewhere, other.id);

  assert.deepEqual(await call(anna, "thread.typing", { threadId: thread.id }), { ok: true, data: null });
  // repeats faster than the server's minimum interval are acknowledged but not passed on
  assert.ok((await call(anna, "thread.typing", { threadId: thread.id })).ok);
  await Promise.all([roundTrip(ben), roundTrip(annaTab), roundTrip(elsewhere)]);
  assert.deepEqual(benSees, [{ threadId: thread.id, user: { id: participant.id, name: participant.name }, stopped: false }]);
  assert.deepEqual(annaTabSees, [], "one's own typing is not shown");
  assert.deepEqual(elsewhereSees, []);

  await call(anna, "thread.typing", { threadId: thread.id, stopped: true });
  await roundTrip(ben);
  assert.deepEqual(benSees.map((t) => t.stopped), [false, true]);
});

test("[typing] a writer who leaves or disconnects ends their notice", async () => {
  const thread = await makeThread(participant);
  const anna = await open(participant);
  const ben = await open(participant2);
  const benSees: Typing[] = record(ben, "thread.typing");
  await watch(anna, thread.id);
  await watch(ben, thread.id);
  await call(anna, "thread.typing", { threadId: thread.id });
  anna.emit("thread.unwatch", { threadId: thread.id });
  await until(() => benSees.length === 2, "the notice ends on leaving");
  assert.deepEqual(benSees.map((t) => t.stopped), [false, true]);

  await watch(anna, thread.id);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await call(anna, "thread.typing", { threadId: thread.id });
  anna.disconnect();
  await until(() => benSees.length === 4, "the notice ends on disconnecting");
  assert.deepEqual(benSees.map((t) => t.stopped), [false, true, false, true]);
});

test("[typing] readers, locked threads and garbage are refused, and nobody hears of it", async () => {
  const thread = await makeThread(participant);
  const ben = await open(participant2);
  const benSees = record(ben, "thread.typing");
  await watch(ben, thread.id);
  const lesend = await open(reader);
  const refused = await call(lesend, "thread.typing", { threadId: thread.id });
  assert.ok(!refused.ok && refused.error.code === "FORBIDDEN");
  const anna = await open(participant);
  const garbage = await call(anna, "thread.typing", { threadId: "kaputt" });
  assert.ok(!garbage.ok && garbage.error.code === "BAD_INPUT" && garbage.error.message === "Die Kennung ist ungültig.");
  await setThreadLocked(thread.id, true);
  const locked = await call(anna, "thread.typing", { threadId: thread.id });
  assert.ok(!locked.ok && locked.error.code === "THREAD_LOCKED");
  await roundTrip(ben);
  assert.deepEqual(benSees, []);
});
