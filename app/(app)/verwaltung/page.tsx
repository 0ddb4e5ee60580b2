import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { AuditLog } from "@/app/_components/admin/audit-log";
import { InvitationPanel } from "@/app/_components/admin/invitation-panel";
import { UserTable } from "@/app/_components/admin/user-table";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { listAuditEntries } from "@/server/services/audit/list-audit";
import { listInvitations } from "@/server/services/invitations/invitations";
import { listUsers } from "@/server/services/users/manage-users";

/** Dates become ISO strings, exactly as tRPC sends them to the client. */
const asJson = <T,>(value: T) => JSON.parse(JSON.stringify(value));

export const metadata: Metadata = { title: "Verwaltung" };

export default async function AdminPage() {
  const actor = await getActor();
  if (!actor || !can(actor, "user.manage")) forbidden();
  const [audit, users, invitations] = await Promise.all([
    can(actor, "audit.read") ? listAuditEntries(actor, {}) : null,
    listUsers(actor),
    listInvitations(actor),
  ]);
  return (
    <>
      <PageHeader title="Verwaltung" lead="Zugänge einladen, Rollen vergeben, Zugänge deaktivieren und das Protokoll der Moderations- und Verwaltungsaktionen einsehen." />
      <div className="space-y-10">
        <InvitationPanel initialInvitations={asJson(invitations)} />
        <UserTable currentUserId={actor.id} initialUsers={asJson(users)} />
        {audit && (
          <AuditLog
            entries={asJson(audit.entries.slice(0, 10))}
            more={
              <p>
                <Link href="/verwaltung/protokoll" className="font-semibold text-brand-700 underline">
                  Ganzes Protokoll mit Filtern ({audit.total.toLocaleString("de-DE")} Einträge)
                </Link>
              </p>
            }
          />
        )}
      </div>
    </>
  );
}
