import Link from "next/link";
import { formatBerlinRange } from "@/server/schemas/berlin-time";
import { describeDistance } from "@/server/schemas/berlin-time";
import type { ImpulseTalkDto } from "@/server/services/impulse-talks/dto";
import { talkLink } from "@/server/services/impulse-talks/render-talk";
import { CancelledBadge, RecordingBadge, SeriesBadge } from "./talk-badges";
import { talkByline } from "./talk-byline";

/** A talk in the list: when, what, who; marked when cancelled, or when its recording is online. */
export function TalkCard({ talk, now }: { talk: ImpulseTalkDto; now: Date }) {
  const startsAt = new Date(talk.startsAt);
  const endsAt = new Date(talk.endsAt);
  const isOver = endsAt <= now;
  const titleId = `talk-${talk.id}`;
  return (
    <article aria-labelledby={titleId} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="talk-card">
      <div className="flex flex-wrap items-center gap-2">
        <SeriesBadge category={talk.category} />
        {talk.cancelledAt && <CancelledBadge />}
        {isOver && talk.recordingUrl && !talk.cancelledAt && <RecordingBadge />}
      </div>
      <h3 id={titleId} className="mt-2 text-lg font-semibold [overflow-wrap:anywhere]">
        <Link href={talkLink(talk.id)} className="text-brand-700 underline hover:no-underline">
          {talk.title}
        </Link>
      </h3>
      <p className="mt-1 text-slate-800">
        <time dateTime={talk.startsAt} className={talk.cancelledAt ? "line-through" : undefined}>
          {formatBerlinRange(startsAt, endsAt)}
        </time>
        {!isOver && !talk.cancelledAt && (
          <>
            {" "}
            <span className="font-semibold text-brand-800">({describeDistance(startsAt, endsAt, now)})</span>
          </>
        )}
      </p>
      <p className="mt-1 text-slate-700 [overflow-wrap:anywhere]">
        <span className="sr-only">Vortragende: </span>
        {talkByline(talk)}
      </p>
      {talk.groups.length > 0 && (
        <p className="mt-1 text-sm text-slate-600">
          Arbeitsgruppen: {talk.groups.map((group) => group.name).join(", ")}
        </p>
      )}
    </article>
  );
}
