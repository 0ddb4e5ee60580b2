import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { organisationSchema, personNameSchema } from "../schemas/user";
import { db } from "../db";
import { postBodySchema } from "../schemas/post";
import { threadTitleSchema } from "../schemas/thread";
import { recentActivity } from "../services/activity/recent-activity";
import { acceptInvitation, createInvitation, listInvitations } from "../services/invitations/invitations";
import { listPosts } from "../services/posts/list-posts";
import { getPostSource } from "../services/posts/post-source";
import { createThread } from "../services/threads/create-thread";
import { groupIdBySlug } from "./factories";
import { unsafeParts } from "./html-safety";
import { openTestDatabase } from "./test-db";
import { xssCorpus } from "./xss-corpus";

const { actors } = await openTestDatabase();
const { admin, participant } = actors;

/** What the text schemas keep of a payload (see schemas/text.ts): control characters go, edges are trimmed. */
const storedTitle = (payload: string) => threadTitleSchema.parse(payload);
const storedBody = (payload: string) => postBodySchema.parse(payload);
const storedName = (payload: string) => personNameSchema.parse(payload);
const storedOrganisation = (payload: string) => organisationSchema.parse(payload);

/** Payloads the field's schema accepts (the rest are refused as too long, which is also fine). */
const acceptedBy = (schema: { safeParse(value: string): { success: boolean } }) => xssCorpus.filter(({ payload }) => schema.safeParse(payload).success);

test("[xss] every accepted payload is stored as a thread title and first post and comes back as typed", async () => {
  const groupId = await groupIdBySlug("technik");
  const payloads = acceptedBy(threadTitleSchema);
  assert.ok(payloads.length >= 100, `${payloads.length} payloads fit a title`);
  for (const { label, payload } of payloads) {
    const { result: thread } = await createThread(participant, { groupId, firstPostId: randomUUID(), title: payload, body: payload });
    assert.equal(thread.title, storedTitle(payload), label);
    const { posts } = await listPosts(participant, { threadId: thread.id });
    assert.equal((await getPostSource(participant, { postId: posts[0].id })).body, storedBody(payload), label);
    assert.deepEqual(unsafeParts(posts[0].html), [], label);
  }
  const listed = new Set((await db().thread.findMany({ where: { groupId }, select: { title: true } })).map((thread) => thread.title));
  for (const { label, payload } of payloads) assert.ok(listed.has(storedTitle(payload)), label);
  for (const item of await recentActivity(participant)) assert.equal(typeof item.excerpt, "string");
});

test("[xss] a sample of payloads is stored as invitation organisation and person name and comes back as typed", async () => {
  const sample = acceptedBy(personNameSchema)
    .filter(({ payload }, index) => index % 12 === 0 || payload.includes("\0"))
    .filter(({ payload }) => organisationSchema.safeParse(payload).success);
  assert.ok(sample.length >= 8, `${sample.length} payloads in the sample`);
  for (const [index, { label, payload }] of sample.entries()) {
    const email = `xss-${index}-${randomUUID().slice(0, 8)}@kommune.example`;
    const { invitation, token } = await createInvitation(admin, { email, role: "PARTICIPANT", organisation: payload });
    assert.equal(invitation.organisation, storedOrganisation(payload), label);
    const user = await acceptInvitation({ token, name: payload, password: "sicheres-passwort-1" });
    assert.equal(user.name, storedName(payload), label);
    assert.equal(user.organisation, storedOrganisation(payload), label);
  }
  const organisations = new Set((await listInvitations(admin)).map((invitation) => invitation.organisation));
  for (const { label, payload } of sample) assert.ok(organisations.has(storedOrganisation(payload)), label);
});
