import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { MembershipButton } from "@/app/_components/groups/membership-button";
import { SpotlightFeed } from "@/app/_components/spotlights/spotlight-feed";
import { ThreadList } from "@/app/_components/groups/thread-list";
import { buttonClass } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { roleLabels } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { berlinDay } from "@/server/schemas/calendar-day";
import { parsePageParam } from "@/server/schemas/paging";
import type { ListSpotlightsInput } from "@/server/schemas/spotlight";
import { spotlightBoardHref } from "@/server/schemas/spotlight-params";
import { getGroupBySlug } from "@/server/services/groups/list-groups";
import { latestSpotlights } from "@/server/services/spotlights/list-spotlights";
import { listThreads } from "@/server/services/threads/list-threads";

/** the latest few; the board shows them all */
const GROUP_SPOTLIGHTS = 5;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ seite?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await getActor();
  if (!can(actor, "internal.read")) return { title: "Kein Zugriff" };
  const group = await getGroupBySlug(actor, await params).catch(() => null);
  return { title: group?.name ?? "Arbeitsgruppe nicht gefunden" };
}

export default async function GroupPage({ params, searchParams }: Props) {
  const actor = await getActor();
  if (!actor || !can(actor, "internal.read")) forbidden();
  const group = await getGroupBySlug(actor, await params).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const spotlightFilter: ListSpotlightsInput = { groupId: group.id, sort: "changed", direction: "desc" };
  const [threadPage, spotlights] = await Promise.all([
    listThreads(actor, { groupId: group.id, page: parsePageParam((await searchParams).seite) }),
    latestSpotlights(actor, { groupId: group.id, limit: GROUP_SPOTLIGHTS }),
  ]);
  return (
    <>
      <nav aria-label="Brotkrumen" className="mb-3 text-sm">
        <Link href="/arbeitsgruppen" className="text-brand-700 underline">
          Arbeitsgruppen
        </Link>{" "}
        › {group.name}
      </nav>
      <PageHeader
        title={group.name}
        lead={
          <>
            <p className="text-lg font-semibold text-slate-800">{group.question}</p>
            <p className="mt-2">{group.description}</p>
          </>
        }
        actions={
          <>
            {can(actor, "thread.create") && (
              <Link href={`/arbeitsgruppen/${group.slug}/themen/neu`} className={buttonClass("primary")}>
                Neues Thema
              </Link>
            )}
            {can(actor, "group.join") && <MembershipButton groupId={group.id} groupName={group.name} initialIsMember={group.isMember} />}
          </>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="themen">
          <h2 id="themen" className="mb-3 text-xl font-semibold">
            Themen
          </h2>
          {/* keyed by page: following a page link must start from that page's threads, not keep the last */}
          <ThreadList key={threadPage.page} groupId={group.id} groupSlug={group.slug} initialPage={threadPage} viewerId={actor.id} />
        </section>
        <div className="space-y-8">
          <section aria-labelledby="spotlights-gruppe">
            <h2 id="spotlights-gruppe" className="mb-3 text-xl font-semibold">
              Spotlights dieser Arbeitsgruppe
            </h2>
            <SpotlightFeed
              initialSpotlights={spotlights.spotlights}
              filter={spotlightFilter}
              organisation={actor.organisation}
              today={berlinDay()}
              limit={GROUP_SPOTLIGHTS}
              emptyText="Aus dieser Arbeitsgruppe gibt es noch keine Spotlights."
              testId="group-spotlights"
            />
            <p className="mt-3">
              <Link href={spotlightBoardHref({ gruppe: group.slug })} className="font-semibold text-brand-700 underline">
                {spotlights.total > GROUP_SPOTLIGHTS ? `Alle ${spotlights.total} im Spotlight-Board` : "Im Spotlight-Board ansehen"}
              </Link>
            </p>
          </section>
          <section aria-labelledby="mitglieder">
            <h2 id="mitglieder" className="mb-3 text-xl font-semibold">
              Mitglieder ({group.members.length})
            </h2>
            {group.members.length ? (
              <ul className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
                {group.members.map((member) => (
                  <li key={member.id}>
                    <span className="font-semibold">{member.name}</span>
                    <span className="block text-slate-600">
                      {member.organisation} · {roleLabels[member.role]}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-700">Noch keine Mitglieder.</p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
