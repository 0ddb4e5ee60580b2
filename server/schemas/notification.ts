import { z } from "zod";
import { digestFrequencies, notificationKinds } from "../services/notifications/kinds";
import { idSchema } from "./common";
import { pageSchema } from "./paging";

export const NOTIFICATIONS_PER_PAGE = 30;

export const listNotificationsSchema = z.object({ page: pageSchema });

export const notificationIdSchema = z.object({ notificationId: idSchema });

export const notificationSettingsSchema = z.object({
  disabledKinds: z
    .array(z.enum(notificationKinds, { message: "Diese Art von Benachrichtigung gibt es nicht." }), { message: "Bitte wählen Sie die Arten aus." })
    .max(notificationKinds.length, { message: "Bitte wählen Sie jede Art höchstens einmal." }),
  digest: z.enum(digestFrequencies, { message: "Bitte wählen Sie, wie oft Sie eine E-Mail bekommen möchten." }),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;

export const threadSubscriptionLevels = ["FOLLOWING", "NORMAL", "MUTED"] as const;
export type ThreadSubscriptionLevel = (typeof threadSubscriptionLevels)[number];

export const setThreadSubscriptionSchema = z.object({
  threadId: idSchema,
  level: z.enum(threadSubscriptionLevels, { message: "Bitte wählen Sie Folgen, Nicht mehr folgen oder Stummschalten." }),
});

/** The secret in a digest's unsubscribe link: 32 random bytes, base64url */
export const unsubscribeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: "Dieser Abmeldelink ist ungültig." });
