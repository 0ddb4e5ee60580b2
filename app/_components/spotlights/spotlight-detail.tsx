"use client";
import Link from "next/link";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { formatShortDate } from "@/app/_lib/format";
import { formatGermanDay } from "@/server/schemas/calendar-day";
import { useTRPCClient } from "@/app/_lib/trpc";
import { isSpotlightOverdue, spotlightReference, spotlightStatusLabels } from "@/server/schemas/spotlight-lifecycle";
import type { SpotlightDto } from "@/server/services/spotlights/dto";
import { PostAttachments } from "../attachments/post-attachments";
import { announce } from "../shell/live-announcer";
import { Alert } from "../ui/alert";
import { CosignPanel } from "./cosign-panel";
import { ModerationPanel } from "./moderation-panel";
import { StatusBadge } from "./status-badge";
import { SpotlightTimeline } from "./spotlight-timeline";
import { isNewerSpotlight, useSpotlightsLive } from "./use-spotlights-live";

export interface SpotlightViewer {
  id: string;
  organisation: string;
  /** participants and moderation: co-sign for their municipality */
  canCosign: boolean;
  /** moderation: move the spotlight along its life cycle */
  canModerate: boolean;
}

const municipalities = (count: number) => (count === 1 ? "1 Kommune" : `${count} Kommunen`);

/** A box of the side column with its heading. */
function Box({ id, title, children, tone = "plain" }: { id: string; title: string; children: ReactNode; tone?: "plain" | "warning" }) {
  return (
    <section aria-labelledby={id} className={`rounded-lg border p-4 ${tone === "warning" ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

/** A section of the main column: stored, sanitised HTML styled like posts. */
function TextSection({ id, title, html, children }: { id: string; title: string; html: string; children?: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
      <div className="prose-post mt-2" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}

/**
 * The spotlight page: what is asked, who co-signed, where it went and what came back, and how it got
 * there. Live: every change (status, co-signatures, answer) replaces the shown spotlight in place.
 */
export function SpotlightDetail({
  initialSpotlight,
  viewer,
  today,
  related,
}: {
  initialSpotlight: SpotlightDto;
  viewer: SpotlightViewer;
  today: string;
  /** what the spotlight is linked to, at the end of the side column (the OZG services) */
  related?: ReactNode;
}) {
  const [spotlight, setSpotlight] = useState(initialSpotlight);
  /** the spotlight left this viewer's view while the page was open (a reader's, declined) */
  const [isGone, setIsGone] = useState(false);
  const shown = useRef(initialSpotlight);
  const client = useTRPCClient();
  const reference = spotlightReference(spotlight.number);

  const show = useCallback((next: SpotlightDto) => {
    const before = shown.current;
    if (!isNewerSpotlight(next, before)) return;
    shown.current = next;
    setSpotlight(next);
    setIsGone(false);
    if (before.status !== next.status) {
      announce(`${spotlightReference(next.number)} hat einen neuen Stand: ${spotlightStatusLabels[next.status]}.`);
    } else if (before.cosigningMunicipalities.length !== next.cosigningMunicipalities.length) {
      announce(`Mitgezeichnet von ${municipalities(next.cosigningMunicipalities.length)}.`);
    }
  }, []);

  const reload = useCallback(async () => {
    try {
      show(await client.spotlight.byId.query({ spotlightId: initialSpotlight.id }));
    } catch (error) {
      if ((error as { data?: { code?: string } }).data?.code === "NOT_FOUND") setIsGone(true);
    }
  }, [client, initialSpotlight.id, show]);

  useSpotlightsLive({
    onChanged: (changed) => {
      if (changed.id === initialSpotlight.id) show(changed);
    },
    onRemoved: (spotlightId) => {
      if (spotlightId !== initialSpotlight.id) return;
      setIsGone(true);
      announce(`${reference} ist für Sie nicht mehr sichtbar.`);
    },
    onJoined: () => void reload(),
  });

  const overdue = isSpotlightOverdue(spotlight, today);
  const isInternal = spotlight.thread !== null;
  const namesByMunicipality = new Map<string, string[]>();
  for (const cosigner of spotlight.cosigners) {
    namesByMunicipality.set(cosigner.organisation, [...(namesByMunicipality.get(cosigner.organisation) ?? []), cosigner.user.name]);
  }

  return (
    <>
      <nav aria-label="Brotkrumen" className="mb-3 text-sm">
        <Link href="/spotlights" className="text-brand-700 underline">
          Spotlights
        </Link>{" "}
        › <span>{reference}</span>
      </nav>
      <article aria-labelledby="spotlight-titel" className="space-y-6">
        <header className="space-y-3" data-testid="spotlight-header">
          <h1 id="spotlight-titel" className="text-2xl font-bold break-words sm:text-3xl">
            <span className="text-slate-600">{reference}</span> {spotlight.title}
          </h1>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700" data-testid="spotlight-status">
            <StatusBadge status={spotlight.status} overdue={overdue} />
            <span>
              seit <time dateTime={spotlight.statusChangedAt}>{formatShortDate(spotlight.statusChangedAt)}</time>
            </span>
          </div>
          <p className="text-sm text-slate-700">
            Vorgeschlagen von{" "}
            {spotlight.proposer ? (
              <>
                <span className="font-semibold">{spotlight.proposer.name}</span> ({spotlight.proposerOrganisation})
              </>
            ) : (
              <span className="font-semibold">{spotlight.proposerOrganisation}</span>
            )}{" "}
            am{" "}
            <time dateTime={spotlight.createdAt}>{formatShortDate(spotlight.createdAt)}</time>
          </p>
          {spotlight.groups.length > 0 && (
            <p className="text-sm text-slate-700">
              {spotlight.groups.length === 1 ? "Arbeitsgruppe: " : "Arbeitsgruppen: "}
              {spotlight.groups.map((group, index) => (
                <span key={group.id}>
                  {index > 0 && ", "}
                  {isInternal ? (
                    <Link href={`/arbeitsgruppen/${group.slug}`} className="text-brand-700 underline">
                      {group.name}
                    </Link>
                  ) : (
                    group.name
                  )}
                </span>
              ))}
            </p>
          )}
        </header>

        {isGone && (
          <Alert tone="warning">
            Dieses Spotlight ist für Sie nicht mehr sichtbar: Die Moderation hat es zurückgenommen. Sie sehen den letzten Stand, den Sie erhalten haben.{" "}
            <Link href="/spotlights" className="font-semibold underline">
              Zur Übersicht
            </Link>
          </Alert>
        )}

        {/* narrow: the texts, then co-signing and forwarding, then the timeline; wide: the side column beside both */}
        <div className="grid items-start gap-x-6 gap-y-8 lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr]">
          <div className="min-w-0 space-y-8 lg:col-start-1">
            {viewer.canModerate && <ModerationPanel key={spotlight.status} spotlight={spotlight} today={today} onChanged={show} onStale={reload} />}

            {spotlight.answerHtml && (
              <section aria-labelledby="antwort" className="rounded-lg border border-green-300 bg-white p-4">
                <h2 id="antwort" className="text-xl font-semibold">
                  Antwort
                </h2>
                {spotlight.answeredOn && (
                  <p className="mt-1 text-sm text-slate-700">
                    {spotlight.forwardedTo ? <>Von {spotlight.forwardedTo}, </> : null}
                    eingegangen am <time dateTime={spotlight.answeredOn}>{formatGermanDay(spotlight.answeredOn)}</time>
                  </p>
                )}
                <div className="prose-post mt-3" dangerouslySetInnerHTML={{ __html: spotlight.answerHtml }} />
                <PostAttachments attachments={spotlight.answerAttachments} />
              </section>
            )}

            {spotlight.declineReason && (
              <section aria-labelledby="ablehnung" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950">
                <h2 id="ablehnung" className="text-xl font-semibold">
                  Begründung der Ablehnung
                </h2>
                <p className="mt-2 whitespace-pre-line">{spotlight.declineReason}</p>
              </section>
            )}

            <TextSection id="problem" title="Problem" html={spotlight.problemHtml} />
            <TextSection id="anliegen" title="Anliegen" html={spotlight.requestedActionHtml} />
          </div>

          <div className="min-w-0 space-y-4 lg:col-start-2 lg:row-span-2 lg:row-start-1">
            <Box id="mitzeichnungen" title="Mitzeichnungen">
              <p className="font-semibold" data-testid="cosign-figure">
                Mitgezeichnet von {municipalities(spotlight.cosigningMunicipalities.length)}
              </p>
              {spotlight.cosigningMunicipalities.length > 0 && (
                <ul aria-label="Mitzeichnende Kommunen" className="mt-2 space-y-1 text-sm">
                  {spotlight.cosigningMunicipalities.map((municipality) => (
                    <li key={municipality}>
                      <span className="font-medium">{municipality}</span>
                      {namesByMunicipality.has(municipality) && (
                        <span className="block text-slate-600">{namesByMunicipality.get(municipality)!.join(", ")}</span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {viewer.canCosign && <CosignPanel spotlight={spotlight} viewer={viewer} onChanged={show} />}
            </Box>

            {spotlight.forwardedTo && (
              <Box id="weiterleitung" title="Weiterleitung" tone={overdue ? "warning" : "plain"}>
                <dl className="space-y-2 text-sm">
                  <div>
                    <dt className="text-slate-600">Ressort oder Gremium</dt>
                    <dd className="font-medium">{spotlight.forwardedTo}</dd>
                  </div>
                  {spotlight.forwardedContact && (
                    <div>
                      <dt className="text-slate-600">Ansprechperson</dt>
                      <dd className="font-medium">{spotlight.forwardedContact}</dd>
                    </div>
                  )}
                  {spotlight.forwardedOn && (
                    <div>
                      <dt className="text-slate-600">Weitergeleitet am</dt>
                      <dd className="font-medium">
                        <time dateTime={spotlight.forwardedOn}>{formatGermanDay(spotlight.forwardedOn)}</time>
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt className="text-slate-600">Antwort erbeten bis</dt>
                    <dd className="font-medium">
                      {spotlight.dueOn ? <time dateTime={spotlight.dueOn}>{formatGermanDay(spotlight.dueOn)}</time> : "ohne Frist"}
                      {overdue && <span className="mt-1 block font-semibold text-red-800">Überfällig: Die Frist ist verstrichen, eine Antwort liegt noch nicht vor.</span>}
                    </dd>
                  </div>
                </dl>
              </Box>
            )}

            {spotlight.affectedMunicipalities.length > 0 && (
              <Box id="betroffene-kommunen" title="Betroffene Kommunen">
                <ul className="flex flex-wrap gap-1.5 text-sm">
                  {spotlight.affectedMunicipalities.map((municipality) => (
                    <li key={municipality} className="rounded border border-slate-300 bg-slate-50 px-2 py-0.5">
                      {municipality}
                    </li>
                  ))}
                </ul>
              </Box>
            )}

            {spotlight.thread && (
              <Box id="diskussion" title="Diskussion">
                <p>
                  <Link href={`/arbeitsgruppen/${spotlight.thread.groupSlug}/themen/${spotlight.thread.id}`} className="font-semibold text-brand-700 underline">
                    Zur Diskussion
                  </Link>{" "}
                  <span className="text-sm text-slate-600">({spotlight.thread.postCount === 1 ? "1 Beitrag" : `${spotlight.thread.postCount} Beiträge`})</span>
                </p>
                {spotlight.sourceThread && (
                  <p className="mt-2 text-sm">
                    Vorgeschlagen aus dem Thema{" "}
                    <Link href={`/arbeitsgruppen/${spotlight.sourceThread.groupSlug}/themen/${spotlight.sourceThread.id}`} className="text-brand-700 underline">
                      {spotlight.sourceThread.title}
                    </Link>
                  </p>
                )}
              </Box>
            )}
            {related}
          </div>

          <section aria-labelledby="verlauf" className="min-w-0 lg:col-start-1">
            <h2 id="verlauf" className="text-xl font-semibold">
              Verlauf
            </h2>
            <SpotlightTimeline entries={spotlight.timeline} />
          </section>
        </div>
      </article>
    </>
  );
}
