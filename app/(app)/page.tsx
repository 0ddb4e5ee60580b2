import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActivityFeed } from "@/app/_components/groups/activity-feed";
import { GroupCard } from "@/app/_components/groups/group-card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { recentActivity } from "@/server/services/activity/recent-activity";
import { listGroups } from "@/server/services/groups/list-groups";
import { unreadThreadsByGroup } from "@/server/services/reads/read-state";

export const metadata: Metadata = { title: "Start" };

export default async function HomePage() {
  const actor = await getActor();
  if (!actor) redirect("/anmelden");
  if (!can(actor, "internal.read")) {
    return (
      <>
        <PageHeader title={`Willkommen, ${actor.name}`} />
        <section aria-labelledby="lesende" className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="lesende" className="text-lg font-semibold">
            Ihr Zugang als Lesende
          </h2>
          <p>
            Als Lesende sehen Sie die veröffentlichten Ergebnisse von Gemeinsam Digital für Sachsen-Anhalt. Die Diskussionen der
            Arbeitsgruppen sind den Teilnehmenden vorbehalten.
          </p>
          <p className="text-slate-700">Bisher wurden noch keine Ergebnisdokumente veröffentlicht. Sobald es so weit ist, finden Sie sie hier.</p>
        </section>
      </>
    );
  }
  const [groups, activity, unread] = await Promise.all([listGroups(actor), recentActivity(actor), unreadThreadsByGroup(actor)]);
  const mine = groups.filter((group) => group.isMember);
  return (
    <>
      <PageHeader title={`Willkommen, ${actor.name}`} lead="Was gibt es Neues in den Arbeitsgruppen von Gemeinsam Digital für Sachsen-Anhalt?" />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <section aria-labelledby="meine-gruppen">
          <h2 id="meine-gruppen" className="mb-3 text-xl font-semibold">
            Meine Arbeitsgruppen
          </h2>
          {mine.length ? (
            <ul className="space-y-3">
              {mine.map((group) => (
                <li key={group.id}>
                  <GroupCard group={group} unreadThreads={unread[group.id]} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
              Sie sind noch keiner Arbeitsgruppe beigetreten.{" "}
              <Link href="/arbeitsgruppen" className="font-semibold text-brand-700 underline">
                Arbeitsgruppen ansehen
              </Link>
            </p>
          )}
        </section>
        <section aria-labelledby="aktivitaet">
          <h2 id="aktivitaet" className="mb-3 text-xl font-semibold">
            Neueste Aktivität
          </h2>
          <ActivityFeed initialItems={activity} />
        </section>
      </div>
    </>
  );
}
