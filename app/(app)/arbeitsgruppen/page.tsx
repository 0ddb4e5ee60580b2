import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { GroupCard } from "@/app/_components/groups/group-card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { listGroups } from "@/server/services/groups/list-groups";
import { unreadThreadsByGroup } from "@/server/services/reads/read-state";

export const metadata: Metadata = { title: "Arbeitsgruppen" };

export default async function GroupsPage() {
  const actor = await getActor();
  if (!can(actor, "internal.read")) forbidden();
  const [groups, unread] = await Promise.all([listGroups(actor), unreadThreadsByGroup(actor)]);
  return (
    <>
      <PageHeader
        title="Arbeitsgruppen"
        lead="Vier Arbeitsgruppen bearbeiten die Fragen der Verwaltungsdigitalisierung. Alle können in jeder Gruppe lesen und schreiben; als Mitglied sehen Sie eine Gruppe auf Ihrer Startseite."
      />
      <ul className="grid gap-4 md:grid-cols-2">
        {groups.map((group) => (
          <li key={group.id}>
            <GroupCard group={group} unreadThreads={unread[group.id]} />
          </li>
        ))}
      </ul>
    </>
  );
}
