import assert from "node:assert/strict";
import { test } from "node:test";
import { isSignInBlocked, recordSignInResult } from "./sign-in-throttle";

test("[auth] ten failed sign-ins block the address for the window; success or expiry clears it", () => {
  const email = "rate@test.example";
  const start = 1_000_000;
  for (let i = 0; i < 9; i++) recordSignInResult(email, false, start + i);
  assert.equal(isSignInBlocked(email, start + 10), false);
  recordSignInResult(email, false, start + 10);
  assert.equal(isSignInBlocked(email, start + 11), true);
  assert.equal(isSignInBlocked(email, start + 16 * 60 * 1000), false);

  recordSignInResult("other@test.example", false, start);
  recordSignInResult("other@test.example", true, start + 1);
  assert.equal(isSignInBlocked("other@test.example", start + 2), false);
});
