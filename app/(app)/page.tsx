import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NextTalk } from "@/app/_components/impulse/next-talk";
import { ActivityFeed } from "@/app/_components/groups/activity-feed";
import { ResultNews } from "@/app/_components/results/result-news";
import { AnsweredSpotlights } from "@/app/_components/spotlights/answered-spotlights";
import { GroupCard } from "@/app/_components/groups/group-card";
import { SpotlightFeed } from "@/app/_components/spotlights/spotlight-feed";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can, type Actor } from "@/server/auth/policy";
import { berlinDay } from "@/server/schemas/calendar-day";
import type { ListSpotlightsInput } from "@/server/schemas/spotlight";
import { recentActivity } from "@/server/services/activity/recent-activity";
import { listGroups } from "@/server/services/groups/list-groups";
import { nextImpulseTalk } from "@/server/services/impulse-talks/list-talks";
import { latestSpotlights } from "@/server/services/spotlights/list-spotlights";
import { unreadThreadsByGroup } from "@/server/services/reads/read-state";

export const metadata: Metadata = { title: "Start" };

const RECENT_SPOTLIGHTS = 5;
const recentSpotlightsFilter: ListSpotlightsInput = { sort: "changed", direction: "desc" };

/** The spotlights whose status changed last, live; readers get the public ones (the service scopes them). */
async function RecentSpotlights({ actor, heading, lead, limit }: { actor: Actor; heading: string; lead: string; limit: number }) {
  const { spotlights } = await latestSpotlights(actor, { limit });
  return (
    <section aria-labelledby="spotlights-bewegung">
      <h2 id="spotlights-bewegung" className="mb-1 text-xl font-semibold">
        {heading}
      </h2>
      <p className="mb-3 text-slate-700">{lead}</p>
      <SpotlightFeed
        initialSpotlights={spotlights}
        filter={recentSpotlightsFilter}
        organisation={actor.organisation}
        today={berlinDay()}
        limit={limit}
        emptyText="Noch keine Spotlights."
        testId="recent-spotlights"
      />
      <p className="mt-3">
        <Link href="/spotlights" className="font-semibold text-brand-700 underline">
          Alle Spotlights im Board
        </Link>
      </p>
    </section>
  );
}

export default async function HomePage() {
  const actor = await getActor();
  if (!actor) redirect("/anmelden");
  const nextTalk = await nextImpulseTalk(actor);
  if (!can(actor, "internal.read")) {
    return (
      <>
        <PageHeader
          title={`Willkommen, ${actor.name}`}
          lead="Als Lesende sehen Sie die veröffentlichten Ergebnisse von Gemeinsam Digital für Sachsen-Anhalt, die Impulsvorträge und die Antworten auf die Spotlights. Die Diskussionen der Arbeitsgruppen sind den Teilnehmenden vorbehalten."
        />
        <div className="max-w-3xl space-y-8">
          <ResultNews actor={actor} />
          <NextTalk talk={nextTalk} />
          <AnsweredSpotlights actor={actor} />
        </div>
        <div className="mt-8 max-w-3xl">
          <RecentSpotlights
            actor={actor}
            heading="Spotlights: Anliegen und Antworten"
            lead="Was die Kommunen an die Landesverwaltung herangetragen haben – aufgenommen, weitergeleitet und mit den Antworten der Ressorts."
            limit={8}
          />
        </div>
      </>
    );
  }
  const [groups, activity, unread] = await Promise.all([listGroups(actor), recentActivity(actor), unreadThreadsByGroup(actor)]);
  const mine = groups.filter((group) => group.isMember);
  return (
    <>
      <PageHeader title={`Willkommen, ${actor.name}`} lead="Was gibt es Neues in den Arbeitsgruppen von Gemeinsam Digital für Sachsen-Anhalt?" />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <div className="space-y-8">
          <NextTalk talk={nextTalk} />
          <ResultNews actor={actor} compact />
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
          <RecentSpotlights
            actor={actor}
            heading="Spotlights in Bewegung"
            lead="Anliegen an das Land, deren Stand sich zuletzt geändert hat."
            limit={RECENT_SPOTLIGHTS}
          />
        </div>
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
