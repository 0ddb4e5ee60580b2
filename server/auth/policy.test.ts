import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AppError } from "../errors";
import { assertCan, can, type Action, type Actor } from "./policy";
import type { RoleName } from "./roles";

const actorWith = (role: RoleName, id = `user-${role.toLowerCase()}`): Actor => ({
  id,
  name: `Test ${role}`,
  email: `${role.toLowerCase()}@test.example`,
  organisation: "Testkommune",
  role,
});

type Column = RoleName | "SIGNED_OUT";
const columns: Column[] = ["SIGNED_OUT", "READER", "PARTICIPANT", "MODERATOR", "ADMIN"];

const ok = "ok";
const no = "FORBIDDEN";
const out = "UNAUTHORIZED";

/** Written out by hand, not derived from policy.ts: a changed permission must change this table. */
const table = {
  //                    signed out  READER  PARTICIPANT  MODERATOR  ADMIN
  "internal.read":     [out,        no,     ok,          ok,        ok],
  "search.read":       [out,        no,     ok,          ok,        ok],
  "group.join":        [out,        no,     ok,          ok,        ok],
  "thread.create":     [out,        no,     ok,          ok,        ok],
  "post.create":       [out,        no,     ok,          ok,        ok],
  "post.edit":         [out,        no,     ok,          ok,        ok],
  "post.react":        [out,        no,     ok,          ok,        ok],
  "post.delete":       [out,        no,     ok,          ok,        ok],
  "post.moderate":     [out,        no,     no,          ok,        ok],
  "post.report":       [out,        no,     ok,          ok,        ok],
  "thread.typing":     [out,        no,     ok,          ok,        ok],
  "thread.moderate":   [out,        no,     no,          ok,        ok],
  "report.moderate":   [out,        no,     no,          ok,        ok],
  "user.manage":       [out,        no,     no,          no,        ok],
  "invitation.manage": [out,        no,     no,          no,        ok],
  "audit.read":        [out,        no,     no,          no,        ok],
  "notification.use":  [out,        ok,     ok,          ok,        ok],
  "thread.subscribe":  [out,        no,     ok,          ok,        ok],
  "spotlight.read":    [out,        ok,     ok,          ok,        ok],
  "spotlight.propose": [out,        no,     ok,          ok,        ok],
  "spotlight.cosign":  [out,        no,     ok,          no,        no],
  "spotlight.transition": [out,     no,     no,          ok,        ok],
  "spotlight.export":  [out,        no,     ok,          ok,        ok],
  "impulse.read":      [out,        ok,     ok,          ok,        ok],
  "impulse.manage":    [out,        no,     no,          ok,        ok],
  "impulse.follow":    [out,        ok,     ok,          ok,        ok],
  "impulse.ask":       [out,        no,     ok,          ok,        ok],
  "impulse.vote":      [out,        no,     ok,          ok,        ok],
  "impulse.withdraw":  [out,        no,     ok,          ok,        ok],
  "impulse.moderate":  [out,        no,     no,          ok,        ok],
  "calendar.subscribe": [out,       ok,     ok,          ok,        ok],
  "ozg.read":          [out,        ok,     ok,          ok,        ok],
  "ozg.follow":        [out,        ok,     ok,          ok,        ok],
  "ozg.link":          [out,        no,     ok,          ok,        ok],
  "ozg.import":        [out,        no,     no,          ok,        ok],
  "ozg.publish":       [out,        no,     no,          ok,        ok],
  "results.read":      [out,        ok,     ok,          ok,        ok],
  "results.readDraft": [out,        no,     ok,          ok,        ok],
  "results.comment":   [out,        no,     ok,          ok,        ok],
  "results.edit":      [out,        no,     no,          ok,        ok],
  "results.deleteSection": [out,    no,     no,          ok,        ok],
  "results.resolve":   [out,        no,     no,          ok,        ok],
  "results.publish":   [out,        no,     no,          ok,        ok],
} satisfies Record<Action, (typeof ok | typeof no | typeof out)[]>;

function outcome(actor: Actor | null, action: Action): string {
  try {
    assertCan(actor, action);
    return ok;
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.code;
  }
}

describe("[policy] role × action table", () => {
  for (const [action, expected] of Object.entries(table) as [Action, string[]][]) {
    columns.forEach((column, index) => {
      test(`[policy] ${column} → ${action}: ${expected[index]}`, () => {
        const actor = column === "SIGNED_OUT" ? null : actorWith(column);
        assert.equal(outcome(actor, action), expected[index]);
        assert.equal(can(actor, action), expected[index] === ok);
      });
    });
  }
});

describe("[policy] spotlight state rules", () => {
  const participant = actorWith("PARTICIPANT");
  const moderator = actorWith("MODERATOR");
  // every pair, written out: the legal ones are exactly these
  const legal = new Set([
    "PROPOSED→IN_REVIEW",
    "PROPOSED→DECLINED",
    "IN_REVIEW→PROMOTED",
    "IN_REVIEW→DECLINED",
    "PROMOTED→FORWARDED",
    "PROMOTED→DECLINED",
    "FORWARDED→ANSWERED",
    "ANSWERED→CLOSED",
  ]);
  const statuses = ["PROPOSED", "IN_REVIEW", "PROMOTED", "FORWARDED", "ANSWERED", "CLOSED", "DECLINED"] as const;
  for (const from of statuses) {
    for (const to of statuses) {
      const expected = legal.has(`${from}→${to}`) ? ok : "INVALID_TRANSITION";
      test(`[policy] moderator moves a spotlight ${from} → ${to}: ${expected}`, () => {
        let result = ok;
        try {
          assertCan(moderator, "spotlight.transition", { from, to });
        } catch (error) {
          result = (error as AppError).code;
        }
        assert.equal(result, expected);
      });
    }
  }

  test("[policy] a participant may not transition even a legal step (role before state)", () => {
    assert.throws(() => assertCan(participant, "spotlight.transition", { from: "PROPOSED", to: "IN_REVIEW" }), { code: "FORBIDDEN" });
  });

  test("[policy] co-signing is open until forwarding, closed after and when declined", () => {
    for (const status of ["PROPOSED", "IN_REVIEW", "PROMOTED"] as const) assert.equal(can(participant, "spotlight.cosign", { status }), true);
    for (const status of ["FORWARDED", "ANSWERED", "CLOSED", "DECLINED"] as const) {
      assert.throws(() => assertCan(participant, "spotlight.cosign", { status }), { code: "COSIGN_CLOSED" });
    }
    assert.throws(() => assertCan(actorWith("READER"), "spotlight.cosign", { status: "PROPOSED" }), { code: "FORBIDDEN" });
  });
});

describe("[policy] state rules", () => {
  const participant = actorWith("PARTICIPANT", "participant-1");
  const otherParticipant = actorWith("PARTICIPANT", "participant-2");
  const moderator = actorWith("MODERATOR", "moderator-1");
  const admin = actorWith("ADMIN", "admin-1");
  const open = { isLocked: false };
  const locked = { isLocked: true };

  test("[policy] participant may post in an open thread", () => {
    assert.equal(can(participant, "post.create", open), true);
  });

  test("[policy] participant is refused in a locked thread with THREAD_LOCKED", () => {
    assert.equal(can(participant, "post.create", locked), false);
    assert.throws(() => assertCan(participant, "post.create", locked), { name: "AppError", code: "THREAD_LOCKED" });
  });

  test("[policy] moderator and admin may post in a locked thread", () => {
    assert.equal(can(moderator, "post.create", locked), true);
    assert.equal(can(admin, "post.create", locked), true);
  });

  test("[policy] reader in a locked thread is FORBIDDEN, not THREAD_LOCKED (role before state)", () => {
    assert.throws(() => assertCan(actorWith("READER"), "post.create", locked), { code: "FORBIDDEN" });
  });

  test("[policy] typing follows posting: not in a locked thread, except for moderation", () => {
    assert.equal(can(participant, "thread.typing", open), true);
    assert.throws(() => assertCan(participant, "thread.typing", locked), { code: "THREAD_LOCKED" });
    assert.equal(can(moderator, "thread.typing", locked), true);
  });

  test("[policy] author may edit their own post", () => {
    assert.equal(can(participant, "post.edit", { authorId: participant.id, thread: open }), true);
  });

  test("[policy] participant editing someone else's post is FORBIDDEN", () => {
    const post = { authorId: otherParticipant.id, thread: open };
    assert.equal(can(participant, "post.edit", post), false);
    assert.throws(() => assertCan(participant, "post.edit", post), { code: "FORBIDDEN" });
  });

  test("[policy] moderator may edit someone else's post, also in a locked thread", () => {
    assert.equal(can(moderator, "post.edit", { authorId: participant.id, thread: open }), true);
    assert.equal(can(moderator, "post.edit", { authorId: participant.id, thread: locked }), true);
  });

  test("[policy] author editing their own post in a locked thread gets THREAD_LOCKED", () => {
    assert.throws(() => assertCan(participant, "post.edit", { authorId: participant.id, thread: locked }), { code: "THREAD_LOCKED" });
  });

  test("[policy] only the author deletes a post; moderation hides others' posts instead", () => {
    assert.equal(can(participant, "post.delete", { authorId: participant.id, thread: open }), true);
    assert.throws(() => assertCan(participant, "post.delete", { authorId: otherParticipant.id, thread: open }), { code: "FORBIDDEN" });
    assert.throws(() => assertCan(moderator, "post.delete", { authorId: participant.id, thread: open }), { code: "FORBIDDEN" });
  });

  test("[policy] admin managing themselves is FORBIDDEN, managing another user is allowed", () => {
    assert.throws(() => assertCan(admin, "user.manage", { id: admin.id }), { code: "FORBIDDEN" });
    assert.equal(can(admin, "user.manage", { id: admin.id }), false);
    assert.equal(can(admin, "user.manage", { id: participant.id }), true);
  });

  test("[policy] moderator managing another user is FORBIDDEN by role", () => {
    assert.throws(() => assertCan(moderator, "user.manage", { id: participant.id }), { code: "FORBIDDEN" });
  });

  test("[policy] reporting someone else's post is allowed, one's own is OWN_POST, for every role", () => {
    assert.equal(can(participant, "post.report", { authorId: otherParticipant.id }), true);
    assert.throws(() => assertCan(participant, "post.report", { authorId: participant.id }), { code: "OWN_POST" });
    assert.throws(() => assertCan(moderator, "post.report", { authorId: moderator.id }), { code: "OWN_POST" });
    assert.throws(() => assertCan(actorWith("READER"), "post.report", { authorId: participant.id }), { code: "FORBIDDEN" });
  });

  test("[policy] denials carry the German default messages", () => {
    assert.throws(() => assertCan(null, "internal.read"), { message: "Bitte melden Sie sich an." });
    assert.throws(() => assertCan(actorWith("READER"), "internal.read"), { message: "Dafür fehlt Ihnen die Berechtigung." });
    assert.throws(() => assertCan(participant, "post.create", locked), {
      message: "Dieses Thema ist gesperrt: neue Beiträge sind nicht möglich.",
    });
  });
});

describe("[policy] impulse talk state rules", () => {
  const participant = actorWith("PARTICIPANT");
  const moderator = actorWith("MODERATOR");
  const reader = actorWith("READER");
  const hour = 3_600_000;
  const upcoming = { endsAt: new Date(Date.now() + hour), cancelledAt: null };
  const ended = { endsAt: new Date(Date.now() - hour), cancelledAt: null };
  const cancelled = { endsAt: new Date(Date.now() + hour), cancelledAt: new Date() };

  test("[policy] questions are asked before and during a talk, not after it or when it is cancelled", () => {
    assert.equal(can(participant, "impulse.ask", upcoming), true);
    assert.throws(() => assertCan(participant, "impulse.ask", ended), { code: "QUESTIONS_CLOSED" });
    assert.throws(() => assertCan(participant, "impulse.ask", cancelled), { code: "TALK_CANCELLED" });
    assert.throws(() => assertCan(actorWith("READER"), "impulse.ask", upcoming), { code: "FORBIDDEN" });
  });

  test("[policy] one upvotes others' open questions while questions are open", () => {
    const open = { authorId: "someone-else", status: "OPEN" as const, talk: upcoming };
    assert.equal(can(participant, "impulse.vote", open), true);
    assert.throws(() => assertCan(participant, "impulse.vote", { ...open, authorId: participant.id }), { code: "OWN_QUESTION" });
    for (const status of ["ANSWERED", "HIDDEN", "MERGED"] as const) {
      assert.throws(() => assertCan(participant, "impulse.vote", { ...open, status }), { code: "QUESTION_NOT_OPEN" });
    }
    assert.throws(() => assertCan(participant, "impulse.vote", { ...open, talk: ended }), { code: "QUESTIONS_CLOSED" });
    assert.throws(() => assertCan(participant, "impulse.vote", { ...open, talk: cancelled }), { code: "TALK_CANCELLED" });
  });

  test("[policy] only the asker withdraws a question, and only while it is open", () => {
    assert.equal(can(participant, "impulse.withdraw", { authorId: participant.id, status: "OPEN" }), true);
    assert.throws(() => assertCan(participant, "impulse.withdraw", { authorId: "someone-else", status: "OPEN" }), { code: "FORBIDDEN" });
    assert.throws(() => assertCan(moderator, "impulse.withdraw", { authorId: "someone-else", status: "OPEN" }), { code: "FORBIDDEN" });
    for (const status of ["ANSWERED", "HIDDEN", "MERGED"] as const) {
      assert.throws(() => assertCan(participant, "impulse.withdraw", { authorId: participant.id, status }), { code: "QUESTION_NOT_OPEN" });
    }
  });

  test("[policy] a cancelled talk is not edited any more", () => {
    assert.equal(can(moderator, "impulse.manage", { cancelledAt: null }), true);
    assert.throws(() => assertCan(moderator, "impulse.manage", { cancelledAt: new Date() }), { code: "TALK_CANCELLED" });
    assert.throws(() => assertCan(participant, "impulse.manage", { cancelledAt: null }), { code: "FORBIDDEN" });
  });

  test("[policy] a service link is removed, or a spotlight linked, by the owner, who linked it, or moderation", () => {
    const other = { ownerId: "someone-else", linkedById: "another-one" };
    assert.equal(can(participant, "ozg.link", { ownerId: participant.id, linkedById: null }), true);
    assert.equal(can(participant, "ozg.link", { ownerId: "someone-else", linkedById: participant.id }), true);
    assert.throws(() => assertCan(participant, "ozg.link", other), { code: "FORBIDDEN" });
    assert.equal(can(moderator, "ozg.link", other), true);
    assert.throws(() => assertCan(reader, "ozg.link", { ownerId: reader.id, linkedById: reader.id }), { code: "FORBIDDEN" });
  });
});
