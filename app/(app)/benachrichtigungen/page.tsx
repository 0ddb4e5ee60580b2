import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/app/_components/notifications/notification-list";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Pagination } from "@/app/_components/ui/pagination";
import { getActor } from "@/server/auth/get-actor";
import { parsePageParam } from "@/server/schemas/paging";
import { listNotifications } from "@/server/services/notifications/list-notifications";

export const metadata: Metadata = { title: "Benachrichtigungen" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ seite?: string | string[] }> }) {
  const actor = await getActor();
  // signed out: the layout sends to sign-in
  if (!actor) return null;
  const page = await listNotifications(actor, { page: parsePageParam((await searchParams).seite) });
  return (
    <>
      <PageHeader
        title="Benachrichtigungen"
        actions={
          <Link href="/einstellungen/benachrichtigungen" className="inline-flex min-h-10 items-center text-sm font-semibold text-brand-700 underline">
            Einstellungen
          </Link>
        }
      />
      {/* keyed by page and count: a page link or "all read" starts from the server's list */}
      <NotificationList key={`${page.page}-${page.unreadCount}`} initial={page.notifications} unreadCount={page.unreadCount} />
      <Pagination page={page.page} pageCount={page.pageCount} baseUrl="/benachrichtigungen" label="Seiten der Benachrichtigungen" />
    </>
  );
}
