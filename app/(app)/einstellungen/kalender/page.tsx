import type { Metadata } from "next";
import Link from "next/link";
import { CalendarSubscription } from "@/app/_components/settings/calendar-subscription";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { getCalendarFeedAddress } from "@/server/services/impulse-talks/calendar-token";

export const metadata: Metadata = { title: "Einstellungen: Kalender" };

export default async function CalendarSettingsPage() {
  const actor = await getActor();
  // signed out: the layout sends to sign-in
  if (!actor) return null;
  const address = await getCalendarFeedAddress(actor);
  return (
    <>
      <PageHeader
        title="Impulsvorträge im Kalender"
        lead={
          <p>
            Abonnieren Sie alle{" "}
            <Link href="/impulse" className="text-brand-700 underline">
              Impulsvorträge
            </Link>{" "}
            in Outlook oder einem anderen Kalender: neue, verschobene und abgesagte Vorträge erscheinen dort von selbst.
          </p>
        }
      />
      <CalendarSubscription initial={address} />
    </>
  );
}
