import Link from "next/link";
import type { ReactNode } from "react";
import { PostAttachments } from "@/app/_components/attachments/post-attachments";
import { buttonClass } from "@/app/_components/ui/button";
import { formatBerlinRange } from "@/server/schemas/berlin-time";
import { talkListHref } from "@/server/schemas/impulse-params";
import { impulseTalkCategoryLabels } from "@/server/schemas/impulse-talk";
import type { ImpulseTalkDto } from "@/server/services/impulse-talks/dto";
import { TalkCountdown } from "./talk-countdown";
import { talkByline } from "./talk-byline";

/**
 * Everything about one talk. Once it is over, what people come back for (materials and recording)
 * comes first, before the abstract. `actions` (edit, follow, calendar) and `questions` are slots.
 */
export function TalkDetail({ talk, now, actions, questions }: { talk: ImpulseTalkDto; now: Date; actions?: ReactNode; questions?: ReactNode }) {
  const startsAt = new Date(talk.startsAt);
  const endsAt = new Date(talk.endsAt);
  const isOver = endsAt <= now;
  const materials = <TalkMaterials talk={talk} isOver={isOver} />;
  return (
    <article aria-labelledby="talk-title" className="space-y-6">
      <header className="space-y-3">
        <nav aria-label="Brotkrumen" className="text-sm">
          <Link href="/impulse" className="font-semibold text-brand-700 underline hover:no-underline">
            Impulsvorträge
          </Link>
          <span aria-hidden="true" className="px-1.5 text-slate-500">
            ›
          </span>
          <Link href={talkListHref({ zeit: isOver ? "vergangen" : "bevorstehend", reihe: talk.category })} className="text-brand-700 underline hover:no-underline">
            {impulseTalkCategoryLabels[talk.category]}
          </Link>
        </nav>
        <h1 id="talk-title" className="text-2xl font-bold [overflow-wrap:anywhere] text-slate-900 sm:text-3xl">
          {talk.title}
        </h1>
        {talk.cancelledAt && (
          <p role="status" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
            <strong>Abgesagt.</strong> {talk.cancelReason}
          </p>
        )}
        <dl className="grid gap-x-6 gap-y-2 text-slate-800 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Wann</dt>
          <dd>
            <time dateTime={talk.startsAt} className={talk.cancelledAt ? "line-through" : undefined}>
              {formatBerlinRange(startsAt, endsAt)}
            </time>
            {!isOver && !talk.cancelledAt && (
              <>
                {" "}
                <span className="font-semibold text-brand-800" data-testid="talk-countdown">
                  (<TalkCountdown startsAt={talk.startsAt} endsAt={talk.endsAt} short />)
                </span>
              </>
            )}
          </dd>
          <dt className="font-semibold">Vortragende</dt>
          <dd className="[overflow-wrap:anywhere]">
            {talkByline(talk)}
          </dd>
          {(talk.place || talk.onlineUrl) && (
            <>
              <dt className="font-semibold">Wo</dt>
              <dd className="[overflow-wrap:anywhere]">
                {talk.place}
                {talk.place && talk.onlineUrl && <br />}
                {talk.onlineUrl && !isOver && !talk.cancelledAt && (
                  <a href={talk.onlineUrl} rel="noopener noreferrer" target="_blank" className="text-brand-700 underline">
                    Online teilnehmen<span className="sr-only"> (öffnet in neuem Tab)</span>
                  </a>
                )}
                {talk.onlineUrl && (isOver || talk.cancelledAt) && <span>Online-Veranstaltung</span>}
              </dd>
            </>
          )}
          {talk.groups.length > 0 && (
            <>
              <dt className="font-semibold">Arbeitsgruppen</dt>
              <dd>{talk.groups.map((group) => group.name).join(", ")}</dd>
            </>
          )}
        </dl>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </header>
      {isOver && materials}
      <section aria-labelledby="talk-abstract">
        <h2 id="talk-abstract" className="text-xl font-semibold text-slate-900">
          Worum es geht
        </h2>
        <div className="prose-post mt-2" dangerouslySetInnerHTML={{ __html: talk.abstractHtml }} />
      </section>
      {!isOver && materials}
      {questions}
    </article>
  );
}

function TalkMaterials({ talk, isOver }: { talk: ImpulseTalkDto; isOver: boolean }) {
  const hasMaterials = talk.links.length > 0 || talk.materials.length > 0;
  if (!hasMaterials && !(isOver && talk.recordingUrl)) return null;
  return (
    <section aria-labelledby="talk-materials" className={`rounded-lg border bg-white p-4 ${isOver ? "border-brand-100 shadow-sm" : "border-slate-200"}`}>
      <h2 id="talk-materials" className="text-xl font-semibold text-slate-900">
        {isOver ? "Aufzeichnung und Materialien" : "Materialien"}
      </h2>
      {isOver && talk.recordingUrl && (
        <p className="mt-3">
          <a href={talk.recordingUrl} rel="noopener noreferrer" target="_blank" className={buttonClass("primary")}>
            Aufzeichnung ansehen<span className="sr-only"> (öffnet in neuem Tab)</span>
          </a>
        </p>
      )}
      {talk.links.length > 0 && (
        <ul aria-label="Links" className="mt-2 space-y-1">
          {talk.links.map((link) => (
            <li key={link.id}>
              <a href={link.url} rel="noopener noreferrer" target="_blank" className="text-brand-700 underline [overflow-wrap:anywhere]">
                {link.label}
                <span className="sr-only"> (öffnet in neuem Tab)</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <PostAttachments attachments={talk.materials} />
    </section>
  );
}
