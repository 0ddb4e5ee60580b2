import type { Metadata } from "next";
import Link from "next/link";
import { NotificationSettingsForm } from "@/app/_components/notifications/notification-settings-form";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { env } from "@/server/env";
import { notificationKinds } from "@/server/services/notifications/kinds";
import { getNotificationSettings } from "@/server/services/notifications/settings";

export const metadata: Metadata = { title: "Einstellungen: Benachrichtigungen" };

/**
 * Kinds about thread content, about spotlights one proposed, co-signed or follows, and about one's
 * questions to a talk only reach those who may read threads and ask: readers are not offered them.
 */
const threadKinds = new Set(["MENTION", "REPLY", "NEW_THREAD", "THREAD_POST", "SPOTLIGHT_STATUS", "IMPULSE_QUESTION_ANSWERED", "RESULT_COMMENT"]);

export default async function NotificationSettingsPage() {
  const actor = await getActor();
  // signed out: the layout sends to sign-in
  if (!actor) return null;
  const settings = await getNotificationSettings(actor);
  const kinds = can(actor, "internal.read") ? notificationKinds : notificationKinds.filter((kind) => !threadKinds.has(kind));
  return (
    <>
      <PageHeader
        title="Benachrichtigungen einstellen"
        lead={
          <p>
            Worüber Sie die Glocke oben informiert und ob Sie eine Zusammenfassung per E-Mail bekommen.{" "}
            <Link href="/benachrichtigungen" className="text-brand-700 underline">
              Zu Ihren Benachrichtigungen
            </Link>
          </p>
        }
      />
      <NotificationSettingsForm initial={settings} kinds={kinds} canEmail={!!env.smtpUrl} />
    </>
  );
}
