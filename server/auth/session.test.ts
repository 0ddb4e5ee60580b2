import assert from "node:assert/strict";
import { test } from "node:test";
import { encode } from "next-auth/jwt";
import { db } from "../db";
import { setUserActive, setUserRole } from "../services/users/manage-users";
import { createTestUser, openTestDatabase } from "../test/test-db";
import { actorFromCookieHeader, parseCookies } from "./session";

const SECRET = "test-secret-for-session-tests-0123456789";
process.env.NEXTAUTH_SECRET = SECRET;

const { actors } = await openTestDatabase();
const { admin, participant } = actors;

async function sessionCookie(user: { id: string; email: string }, options: { sv?: number; secret?: string; maxAge?: number } = {}) {
  const token = await encode({
    token: { sub: user.id, sv: options.sv ?? 0, email: user.email },
    secret: options.secret ?? SECRET,
    maxAge: options.maxAge,
  });
  return token;
}

test("[session] a valid session cookie gives the actor as the database knows them", async () => {
  const cookie = `theme=dunkel; next-auth.session-token=${await sessionCookie(participant)}; other=1`;
  assert.deepEqual(await actorFromCookieHeader(cookie), participant);
});

test("[session] the __Secure- cookie and a chunked cookie are read too", async () => {
  const token = await sessionCookie(admin);
  assert.deepEqual(await actorFromCookieHeader(`__Secure-next-auth.session-token=${token}`), admin);
  const half = Math.floor(token.length / 2);
  const chunked = `next-auth.session-token.0=${token.slice(0, half)}; next-auth.session-token.1=${token.slice(half)}`;
  assert.deepEqual(await actorFromCookieHeader(chunked), admin);
});

test("[session] no cookie, a garbage cookie or a cookie signed with another secret give null", async () => {
  assert.equal(await actorFromCookieHeader(undefined), null);
  assert.equal(await actorFromCookieHeader(""), null);
  assert.equal(await actorFromCookieHeader("theme=dunkel"), null);
  assert.equal(await actorFromCookieHeader("next-auth.session-token=garbage"), null);
  assert.equal(await actorFromCookieHeader("next-auth.session-token=%E0%A4%A"), null);
  const foreign = await sessionCookie(participant, { secret: "another-secret-entirely-9876543210" });
  assert.equal(await actorFromCookieHeader(`next-auth.session-token=${foreign}`), null);
});

test("[session] an expired session gives null", async () => {
  const expired = await sessionCookie(participant, { maxAge: -60 });
  assert.equal(await actorFromCookieHeader(`next-auth.session-token=${expired}`), null);
});

test("[session] a cookie for a user who no longer exists gives null", async () => {
  const ghost = await sessionCookie({ id: "8d3c1f8e-4a7b-4c1e-9f2a-000000000000", email: "weg@gdst.example" });
  assert.equal(await actorFromCookieHeader(`next-auth.session-token=${ghost}`), null);
});

test("[session] without NEXTAUTH_SECRET no session is honoured", async () => {
  const cookie = `next-auth.session-token=${await sessionCookie(participant)}`;
  delete process.env.NEXTAUTH_SECRET;
  try {
    assert.equal(await actorFromCookieHeader(cookie), null);
  } finally {
    process.env.NEXTAUTH_SECRET = SECRET;
  }
  assert.deepEqual(await actorFromCookieHeader(cookie), participant);
});

test("[session] a deactivated user's session gives null, also after reactivation", async () => {
  const user = await createTestUser("PARTICIPANT");
  const cookie = `next-auth.session-token=${await sessionCookie(user)}`;
  assert.equal((await actorFromCookieHeader(cookie))?.id, user.id);

  await setUserActive(admin, { userId: user.id, isActive: false });
  assert.equal(await actorFromCookieHeader(cookie), null);
  await setUserActive(admin, { userId: user.id, isActive: true });
  assert.equal(await actorFromCookieHeader(cookie), null, "the old session stays ended");
  const fresh = `next-auth.session-token=${await sessionCookie(user, { sv: 1 })}`;
  assert.equal((await actorFromCookieHeader(fresh))?.id, user.id);
});

test("[session] deactivation set directly in the database is honoured even without a version bump", async () => {
  const user = await createTestUser("READER");
  const cookie = `next-auth.session-token=${await sessionCookie(user)}`;
  await db().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
  assert.equal(await actorFromCookieHeader(cookie), null);
});

test("[session] after a role change the old session gives null; a new one carries the new role", async () => {
  const user = await createTestUser("PARTICIPANT");
  const cookie = `next-auth.session-token=${await sessionCookie(user)}`;
  assert.equal((await actorFromCookieHeader(cookie))?.role, "PARTICIPANT");

  await setUserRole(admin, { userId: user.id, role: "MODERATOR" });
  assert.equal(await actorFromCookieHeader(cookie), null);
  const fresh = `next-auth.session-token=${await sessionCookie(user, { sv: 1 })}`;
  assert.equal((await actorFromCookieHeader(fresh))?.role, "MODERATOR");
});

test("[session] parseCookies splits, trims and decodes, and skips malformed values", () => {
  const cookies = parseCookies(" a=1 ; b = zwei%20Worte ; kaputt=%E0%A4%A ; c=x=y");
  assert.equal(cookies.get("a"), "1");
  assert.equal(cookies.get("b"), "zwei Worte");
  assert.equal(cookies.has("kaputt"), false);
  assert.equal(cookies.get("c"), "x=y");
  assert.equal(cookies.size, 3);
});
