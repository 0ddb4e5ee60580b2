import type { Metadata } from "next";
import { AuditLog } from "@/app/_components/admin/audit-log";
import { InvitationPanel } from "@/app/_components/admin/invitation-panel";
import { UserTable } from "@/app/_components/admin/user-table";
import { PageHeader } from "@/app/_components/ui/page-header";
import { NoAccess } from "@/app/_lib/no-access";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { listAuditEntries } from "@/server/services/audit/list-audit";

export const metadata: Metadata = { title: "Verwaltung" };

export default async function AdminPage() {
  const actor = await getActor();
  if (!actor || !can(actor, "user.manage")) return <NoAccess />;
  const audit = await listAuditEntries(actor, 50);
  return (
    <>
      <PageHeader title="Verwaltung" lead="Zugänge einladen, Rollen vergeben, Zugänge deaktivieren und das Protokoll der Moderations- und Verwaltungsaktionen einsehen." />
      <div className="space-y-10">
        <InvitationPanel />
        <UserTable currentUserId={actor.id} />
        <AuditLog entries={audit.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() }))} />
      </div>
    </>
  );
}
