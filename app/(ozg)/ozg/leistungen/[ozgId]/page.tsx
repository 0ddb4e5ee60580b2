import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { DemoNotice } from "@/app/_components/ozg/demo-notice";
import { FollowServiceButton } from "@/app/_components/ozg/follow-service-button";
import { LegalBasis } from "@/app/_components/ozg/legal-basis";
import { OzgHistory } from "@/app/_components/ozg/ozg-history";
import { OzgTabs } from "@/app/_components/ozg/ozg-tabs";
import { PhaseBadge } from "@/app/_components/ozg/phase-badge";
import { PhaseSteps } from "@/app/_components/ozg/phase-steps";
import { requireOzgReader } from "@/app/_components/ozg/require-ozg-reader";
import { StatusBadge } from "@/app/_components/spotlights/status-badge";
import { can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { formatBerlinDate } from "@/server/schemas/berlin-time";
import { ozgAvailabilityInfo, ozgPhaseInfo, ozgPriorityLabels, type OzgPriority } from "@/server/schemas/ozg";
import { spotlightReference } from "@/server/schemas/spotlight-lifecycle";
import { getOzgService, type OzgLeikaDto } from "@/server/services/ozg/get-service";

type Props = { params: Promise<{ ozgId: string }> };

/** The service as the viewer may see it; an unknown or malformed ID is the German 404. */
const loadService = cache(async (rawId: string) => {
  const { actor } = await requireOzgReader(`/ozg/leistungen/${rawId}`);
  let ozgId: string;
  try {
    ozgId = decodeURIComponent(rawId);
  } catch {
    notFound();
  }
  const service = await getOzgService(actor, ozgId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return { actor, service };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { service } = await loadService((await params).ozgId);
  return { title: `${service.name} (${service.ozgId}) – OZG-Leistungen` };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="font-medium break-words">{children}</dd>
    </div>
  );
}

/** Services like the Führerschein bundle sixty LeiKa services: the first ones shown, the rest on request. */
const LEIKA_SHOWN = 8;

function LeikaList({ services }: { services: OzgLeikaDto[] }) {
  return (
    <ul className="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
      {services.map((leika) => (
        <li key={leika.id} className="px-3 py-2 text-sm">
          <p className="font-semibold break-words">{leika.name}</p>
          <p className="text-slate-700">
            <span className="break-all">{leika.leikaKey ? `LeiKa ${leika.leikaKey}` : "nicht im LeiKa"}</span>
            {leika.leikaType && <> · Typ {leika.leikaType}</>}
            {leika.lawAbbrevs && (
              <>
                {" "}
                · <abbr title={leika.laws ?? undefined}>{leika.lawAbbrevs}</abbr>
              </>
            )}
          </p>
          {leika.legalBasis && (
            <p className="break-words text-slate-700">
              Rechtsgrundlage: <LegalBasis text={leika.legalBasis} />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

const none = <span className="font-normal text-slate-600">keine Angabe</span>;

export default async function OzgServicePage({ params }: Props) {
  const { actor, service } = await loadService((await params).ozgId);
  const phase = ozgPhaseInfo[service.phase];
  return (
    <>
      <DemoNotice isDemoData={service.settings.isDemoData} />
      <OzgTabs current="table" showImport={can(actor, "ozg.import")} />
      <nav aria-label="Brotkrumen" className="mb-3 text-sm">
        <Link href="/ozg" className="text-brand-700 underline">
          Nachnutzungsübersicht
        </Link>{" "}
        ›{" "}
        <Link href="/ozg/leistungen" className="text-brand-700 underline">
          Alle Leistungen
        </Link>{" "}
        › <span className="break-words">{service.name}</span>
      </nav>

      <article aria-labelledby="leistung-titel">
        <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 id="leistung-titel" className="text-2xl font-bold break-words sm:text-3xl">
              {service.name}
            </h1>
            <p className="mt-1 text-slate-700">
              OZG-ID <span className="font-semibold">{service.ozgId}</span>
              {service.isFocus && <span className="ml-2 rounded bg-accent-400/30 px-1.5 text-sm font-semibold text-slate-900">Fokusleistung</span>}
            </p>
          </div>
          {service.isFollowing !== null && (
            <div className="max-w-sm">
              <FollowServiceButton ozgId={service.ozgId} initialFollowing={service.isFollowing} />
            </div>
          )}
        </header>

        <div className="grid items-start gap-x-6 gap-y-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="min-w-0 space-y-8">
            <section aria-labelledby="stand">
              <h2 id="stand" className="text-xl font-semibold">
                Stand der Umsetzung
              </h2>
              <p className="mt-2 text-lg">
                <PhaseBadge phase={service.phase} />
              </p>
              <p className="mt-1 max-w-prose text-slate-700">{phase.description}</p>
              <div className="mt-3">
                <PhaseSteps phase={service.phase} />
              </div>
            </section>

            <section aria-labelledby="angaben">
              <h2 id="angaben" className="text-xl font-semibold">
                Angaben
              </h2>
              <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
                <Field label="OZG-ID">{service.ozgId}</Field>
                <Field label="Leistung">{service.name}</Field>
                <Field label="Lebens-/Geschäftslage">{service.lage}</Field>
                <Field label="Themenfeld">{service.themenfeld}</Field>
                <Field label="Ressort">{service.ressort ? `${service.ressortName} (${service.ressort})` : none}</Field>
                <Field label="Priorität">{service.priority ? (ozgPriorityLabels[service.priority as OzgPriority] ?? service.priority) : none}</Field>
                <Field label="Phase">{phase.label}</Field>
                <Field label="Umsetzungsmodell">{service.implementationModel ?? none}</Field>
                <Field label="Themenfeldführendes Land">{service.leadState ?? none}</Field>
                <Field label="Fokusleistung">{service.isFocus ? "ja" : "nein"}</Field>
                <Field label="Flächendeckende Verfügbarkeit">{ozgAvailabilityInfo[service.availability].label}</Field>
                <Field label="Letzte Änderung">
                  <time dateTime={service.updatedAt.toISOString()}>{formatBerlinDate(service.updatedAt)}</time>
                </Field>
              </dl>
            </section>

            <section aria-labelledby="verlauf">
              <h2 id="verlauf" className="text-xl font-semibold">
                Verlauf
              </h2>
              <p className="mt-1 text-sm text-slate-600">Jede Änderung durch einen Import, die neueste zuerst.</p>
              <OzgHistory entries={service.history} />
            </section>
          </div>

          <div className="min-w-0 space-y-8">
            {service.threads && (
              <section aria-labelledby="themen" className="rounded-lg border border-slate-200 bg-white p-4">
                <h2 id="themen" className="text-lg font-semibold">
                  Diskussionen
                </h2>
                {service.threads.length === 0 ? (
                  <p className="mt-1 text-sm text-slate-700">Noch kein Thema verknüpft. Verknüpfen lässt sich die Leistung auf der Seite eines Themas.</p>
                ) : (
                  <ul aria-label="Verknüpfte Themen" className="mt-2 space-y-2 text-sm">
                    {service.threads.map((thread) => (
                      <li key={thread.id}>
                        <Link href={`/arbeitsgruppen/${thread.groupSlug}/themen/${thread.id}`} className="font-semibold break-words text-brand-700 underline">
                          {thread.title}
                        </Link>
                        <span className="block text-slate-600">
                          {thread.groupName} · {thread.postCount === 1 ? "1 Beitrag" : `${thread.postCount} Beiträge`}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            )}
            {service.spotlights && (
              <section aria-labelledby="spotlights" className="rounded-lg border border-slate-200 bg-white p-4">
                <h2 id="spotlights" className="text-lg font-semibold">
                  Spotlights
                </h2>
                {service.spotlights.length === 0 ? (
                  <p className="mt-1 text-sm text-slate-700">Kein Spotlight nennt diese Leistung.</p>
                ) : (
                  <ul aria-label="Verknüpfte Spotlights" className="mt-2 space-y-2 text-sm">
                    {service.spotlights.map((spotlight) => (
                      <li key={spotlight.id}>
                        <Link href={`/spotlights/${spotlight.id}`} className="font-semibold break-words text-brand-700 underline">
                          {spotlightReference(spotlight.number)}: {spotlight.title}
                        </Link>
                        <span className="mt-0.5 block">
                          <StatusBadge status={spotlight.status} />
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            )}
          </div>
        </div>

        <section aria-labelledby="leika" className="mt-8">
          <h2 id="leika" className="text-xl font-semibold">
            LeiKa-Leistungen ({service.leikaServices.length})
          </h2>
          {service.leikaServices.length === 0 ? (
            <p className="mt-2 text-slate-700">Zu dieser Leistung sind keine LeiKa-Leistungen erfasst.</p>
          ) : (
            <>
              <LeikaList services={service.leikaServices.slice(0, LEIKA_SHOWN)} />
              {service.leikaServices.length > LEIKA_SHOWN && (
                <details className="mt-2">
                  <summary className="cursor-pointer font-semibold text-brand-700 underline">Weitere {service.leikaServices.length - LEIKA_SHOWN} LeiKa-Leistungen anzeigen</summary>
                  <LeikaList services={service.leikaServices.slice(LEIKA_SHOWN)} />
                </details>
              )}
            </>
          )}
        </section>
      </article>
    </>
  );
}
