import { randomBytes } from "node:crypto";
import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import type { WithEvents } from "../../realtime/events";
import { notificationSettingsSchema } from "../../schemas/notification";
import type { DigestFrequency, NotificationKind } from "./kinds";

export interface NotificationSettingsDto {
  disabledKinds: NotificationKind[];
  digest: DigestFrequency;
}

const defaults: NotificationSettingsDto = { disabledKinds: [], digest: "OFF" };

/** 32 random bytes: the unsubscribe link's only protection, so it must not be guessable. */
export const newUnsubscribeToken = () => randomBytes(32).toString("base64url");

export async function getNotificationSettings(actor: Actor | null): Promise<NotificationSettingsDto> {
  assertCan(actor, "notification.use");
  const row = await db().notificationSettings.findUnique({ where: { userId: actor.id }, select: { disabledKinds: true, digest: true } });
  return row ?? defaults;
}

/** The user's settings row, created with a fresh unsubscribe token when there is none yet. */
export async function ensureSettingsRow(tx: Tx, userId: string) {
  return tx.notificationSettings.upsert({
    where: { userId },
    create: { userId, unsubscribeToken: newUnsubscribeToken() },
    update: {},
    select: { disabledKinds: true, digest: true, unsubscribeToken: true, lastDigestAt: true },
  });
}

/**
 * Saves which kinds are off and how often the digest comes. Switching the digest on (or to another
 * frequency) starts its period now: the first e-mail comes one period later.
 */
export async function updateNotificationSettings(actor: Actor | null, rawInput: unknown): Promise<WithEvents<NotificationSettingsDto>> {
  assertCan(actor, "notification.use");
  const input = notificationSettingsSchema.parse(rawInput);
  const disabledKinds = [...new Set(input.disabledKinds)];
  return db().$transaction(async (tx) => {
    const current = await ensureSettingsRow(tx, actor.id);
    const row = await tx.notificationSettings.update({
      where: { userId: actor.id },
      data: { disabledKinds, digest: input.digest, ...(current.digest !== input.digest && { lastDigestAt: new Date() }) },
      select: { disabledKinds: true, digest: true },
    });
    return { result: row, events: [] };
  });
}
