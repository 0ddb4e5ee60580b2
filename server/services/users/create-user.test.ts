import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../../db";
import { rejectsWithAppError } from "../../test/assertions";
import { openTestDatabase } from "../../test/test-db";
import { authenticate } from "./authenticate";
import { createUser } from "./create-user";

await openTestDatabase();

test("[user] createUser normalises the email and stores a usable password hash", async () => {
  const user = await createUser({
    email: "  Neu.Person@Kommune.Example ",
    name: " Nora Neumann ",
    organisation: " Stadt Halle ",
    role: "PARTICIPANT",
    password: "ein-langes-passwort",
  });
  assert.equal(user.email, "neu.person@kommune.example");
  assert.equal(user.name, "Nora Neumann");
  assert.equal(user.organisation, "Stadt Halle");
  assert.equal(user.role, "PARTICIPANT");
  assert.equal(user.deactivatedAt, null);
  assert.equal("passwordHash" in user, false, "the DTO carries no hash");
  assert.equal((await authenticate("neu.person@kommune.example", "ein-langes-passwort"))?.id, user.id);
});

test("[user] an email already in use is EMAIL_TAKEN, whatever its case", async () => {
  const before = await db().user.count();
  await rejectsWithAppError(
    () => createUser({ email: "TEILNEHMER@gdst.example", name: "X", organisation: "Y", role: "READER", password: "ein-langes-passwort" }),
    "EMAIL_TAKEN",
    "Für diese E-Mail-Adresse gibt es bereits einen Zugang.",
  );
  assert.equal(await db().user.count(), before);
});
