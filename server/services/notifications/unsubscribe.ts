import { db } from "../../db";
import { unsubscribeTokenSchema } from "../../schemas/notification";

/**
 * Switches the e-mail digest off for whoever the link's token belongs to, without signing in: the
 * secret token is the authorisation. Null for a malformed or unknown token. Repeating it is harmless.
 */
export async function unsubscribeDigest(rawToken: unknown): Promise<{ name: string } | null> {
  const parsed = unsubscribeTokenSchema.safeParse(rawToken);
  if (!parsed.success) return null;
  const row = await db().notificationSettings.findUnique({ where: { unsubscribeToken: parsed.data }, select: { userId: true, user: { select: { name: true } } } });
  if (!row) return null;
  await db().notificationSettings.update({ where: { userId: row.userId }, data: { digest: "OFF" } });
  return { name: row.user.name };
}
