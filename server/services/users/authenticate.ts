import { db } from "../../db";
import { timingDummyHash, verifyPassword } from "../../auth/password";

/** The user for these credentials, or null; deactivated users cannot sign in. */
export async function authenticate(email: string, password: string) {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, passwordHash: true, deactivatedAt: true, sessionVersion: true },
  });
  // compare against a dummy hash for unknown emails, so response time does not reveal accounts
  const isValid = await verifyPassword(password, user?.passwordHash ?? (await timingDummyHash()));
  if (!user || !isValid || user.deactivatedAt) return null;
  return user;
}
