import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { rejectsWithAppError, rejectsWithZodMessage } from "../../test/assertions";
import { makeThread } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { createUser } from "./create-user";
import { setUserActive } from "./manage-users";
import { listMentionable, MENTIONABLE_LIMIT } from "./mentionable";

const { actors } = await openTestDatabase();
const { participant, participant2, moderator, admin, reader } = actors;
const thread = await makeThread(participant);
const unique = randomUUID().slice(0, 6);
const newUser = (name: string, organisation: string, role: "PARTICIPANT" | "READER" = "PARTICIPANT") =>
  createUser({ email: `m-${randomUUID().slice(0, 8)}@kommune.example`, name, organisation, role, password: "lang-genug-123" });

test("[mention] the autocomplete finds people who may read the thread by name or organisation, never readers, deactivated people or oneself", async () => {
  const anna = await newUser(`Anna ${unique}`, "Stadt Halle (Saale)");
  const byOrg = await newUser("Bernd Beispiel", `Gemeinde ${unique}`);
  const readerUser = await newUser(`Anna Lesend ${unique}`, "Landkreis", "READER");
  const gone = await newUser(`Anna Weg ${unique}`, "Stadt");
  await setUserActive(admin, { userId: gone.id, isActive: false });

  const found = await listMentionable(participant, { threadId: thread.id, query: unique });
  assert.deepEqual(found.map((user) => user.id).sort(), [anna.id, byOrg.id].sort());
  assert.deepEqual(Object.keys(found[0]).sort(), ["id", "name", "organisation"]);
  assert.ok(!found.some((user) => user.id === readerUser.id || user.id === gone.id));
  const lowercase = await listMentionable(moderator, { threadId: thread.id, query: `anna ${unique}`.toUpperCase() });
  assert.deepEqual(lowercase.map((user) => user.id), [anna.id]);
  const all = await listMentionable(participant, { threadId: thread.id, query: "" });
  assert.ok(all.length <= MENTIONABLE_LIMIT);
  assert.ok(!all.some((user) => user.id === participant.id));
  assert.ok(!(await listMentionable(participant2, { threadId: thread.id, query: reader.name })).some((user) => user.id === reader.id));
});

test("[mention] readers, the signed-out, unknown threads and bad queries are refused", async () => {
  await rejectsWithAppError(() => listMentionable(reader, { threadId: thread.id, query: "a" }), "FORBIDDEN");
  await rejectsWithAppError(() => listMentionable(null, { threadId: thread.id, query: "a" }), "UNAUTHORIZED");
  await rejectsWithAppError(() => listMentionable(participant, { threadId: randomUUID(), query: "a" }), "NOT_FOUND");
  await rejectsWithZodMessage(() => listMentionable(participant, { threadId: thread.id, query: "a".repeat(101) }), "Der Suchbegriff darf höchstens 100 Zeichen lang sein.");
  await rejectsWithZodMessage(() => listMentionable(participant, { threadId: thread.id, query: 5 }), "Bitte geben Sie einen Suchbegriff ein.");
  // LIKE wildcards are searched for as text
  assert.deepEqual(await listMentionable(participant, { threadId: thread.id, query: "%_%" }), []);
});

test("[mention] control and invisible characters in the query are dropped, not sent to the database", async () => {
  assert.ok(Array.isArray(await listMentionable(participant, { threadId: thread.id, query: "An\u0000na\u200b" })));
});
