import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { TalkCard } from "@/app/_components/impulse/talk-card";
import { TalkFilters } from "@/app/_components/impulse/talk-filters";
import { buttonClass } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { parseTalkListParams, talkListHref, type TalkListParams } from "@/server/schemas/impulse-params";
import { listImpulseTalks } from "@/server/services/impulse-talks/list-talks";
import { talkListState } from "@/server/services/impulse-talks/list-state";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Impulsvorträge" };

const tabClass = "inline-flex min-h-10 items-center px-4 py-2 text-sm font-semibold";

/** Upcoming or past, as links: the URL holds the choice, filters included. */
function TimeTabs({ params }: { params: TalkListParams }) {
  const tabs = [
    { zeit: "bevorstehend" as const, label: "Bevorstehend" },
    { zeit: "vergangen" as const, label: "Vergangen" },
  ];
  return (
    <nav aria-label="Zeitraum" className="mb-4">
      <ul className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white">
        {tabs.map(({ zeit, label }) => {
          const isCurrent = params.zeit === zeit;
          return (
            <li key={zeit} className="border-slate-300 not-first:border-l">
              <Link
                href={talkListHref({ ...params, zeit })}
                aria-current={isCurrent ? "page" : undefined}
                className={`${tabClass} ${isCurrent ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-brand-50"}`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function EmptyList({ params }: { params: TalkListParams }) {
  const filtered = Boolean(params.reihe || params.gruppe);
  const text =
    params.zeit === "vergangen"
      ? filtered
        ? "Zu diesen Filtern gibt es keine vergangenen Impulsvorträge."
        : "Es haben noch keine Impulsvorträge stattgefunden."
      : filtered
        ? "Zu diesen Filtern ist zurzeit kein Impulsvortrag angesetzt."
        : "Zurzeit ist kein Impulsvortrag angesetzt. Schauen Sie gern bei den vergangenen Vorträgen vorbei.";
  return (
    <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
      {text}{" "}
      {filtered && (
        <Link href={talkListHref({ zeit: params.zeit })} className="font-semibold text-brand-700 underline">
          Alle {params.zeit === "vergangen" ? "vergangenen" : "bevorstehenden"} Vorträge zeigen
        </Link>
      )}
    </p>
  );
}

export default async function ImpulseTalksPage({ searchParams }: Props) {
  const actor = await getActor();
  if (!actor || !can(actor, "impulse.read")) forbidden();
  const { params, input, groups } = await talkListState(actor, parseTalkListParams(await searchParams));
  const talks = await listImpulseTalks(actor, input);
  const now = new Date();
  const heading = params.zeit === "vergangen" ? "Vergangene Vorträge" : "Bevorstehende Vorträge";
  return (
    <>
      <PageHeader
        title="Impulsvorträge"
        lead="Lösungen anderer Bundesländer, Leuchtturmprojekte aus Sachsen-Anhalt und ein Blick in die Zukunft der Digitalisierung – mit Fragen an die Vortragenden, Materialien und Aufzeichnungen."
        actions={
          can(actor, "impulse.manage") && (
            <Link href="/impulse/neu" className={buttonClass("primary")}>
              Vortrag ansetzen
            </Link>
          )
        }
      />
      <TimeTabs params={params} />
      <TalkFilters params={params} groups={groups} />
      <section aria-labelledby="impulse-list">
        <h2 id="impulse-list" className="mb-3 text-xl font-semibold">
          {heading}
        </h2>
        {talks.length ? (
          <ul className="space-y-3">
            {talks.map((talk) => (
              <li key={talk.id}>
                <TalkCard talk={talk} now={now} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyList params={params} />
        )}
      </section>
    </>
  );
}
