import assert from "node:assert/strict";
import { test } from "node:test";
import { ThreadCursor } from "./thread-cursor";

test("[thread-cursor] in-order live events after the answer move the cursor", () => {
  const cursor = new ThreadCursor(5);
  cursor.connected();
  cursor.caughtUpTo(7);
  cursor.live(8);
  cursor.live(9);
  assert.equal(cursor.afterSeq, 9);
  assert.equal(cursor.hasGap, false);
});

test("[thread-cursor] an event that overtakes another leaves a gap until the missing one arrives", () => {
  const cursor = new ThreadCursor(396);
  cursor.connected();
  cursor.caughtUpTo(396);
  cursor.live(398);
  assert.equal(cursor.afterSeq, 396);
  assert.equal(cursor.hasGap, true);
  cursor.live(397);
  assert.equal(cursor.afterSeq, 398);
  assert.equal(cursor.hasGap, false);
});

test("[thread-cursor] a change never published stays a gap until a catch-up covers it", () => {
  const cursor = new ThreadCursor(10);
  cursor.connected();
  cursor.caughtUpTo(10);
  cursor.live(12);
  cursor.live(13);
  assert.equal(cursor.afterSeq, 10);
  assert.equal(cursor.hasGap, true);
  // the gap's catch-up answers with the thread's seq when it was read
  cursor.caughtUpTo(13);
  assert.equal(cursor.afterSeq, 13);
  assert.equal(cursor.hasGap, false);
});

test("[thread-cursor] live events before a lost catch-up answer do not move the cursor", () => {
  const cursor = new ThreadCursor(20);
  cursor.connected();
  cursor.live(21);
  cursor.live(22);
  // the connection drops before the answer: the next catch-up must start after 20
  cursor.connected();
  assert.equal(cursor.afterSeq, 20);
  cursor.live(24);
  cursor.caughtUpTo(23);
  assert.equal(cursor.afterSeq, 24);
  assert.equal(cursor.hasGap, false);
});

test("[thread-cursor] events seen before an answer that covers less count once it arrives", () => {
  const cursor = new ThreadCursor(1);
  cursor.connected();
  cursor.live(3);
  cursor.live(5);
  cursor.caughtUpTo(3);
  assert.equal(cursor.afterSeq, 3);
  assert.equal(cursor.hasGap, true);
  cursor.live(4);
  assert.equal(cursor.afterSeq, 5);
});

test("[thread-cursor] old and repeated events change nothing", () => {
  const cursor = new ThreadCursor(50);
  cursor.connected();
  cursor.caughtUpTo(50);
  cursor.live(49);
  cursor.live(50);
  cursor.live(51);
  cursor.live(51);
  assert.equal(cursor.afterSeq, 51);
  assert.equal(cursor.hasGap, false);
});
