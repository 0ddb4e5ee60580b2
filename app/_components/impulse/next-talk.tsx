import Link from "next/link";
import { formatBerlinRange } from "@/server/schemas/berlin-time";
import type { ImpulseTalkDto } from "@/server/services/impulse-talks/dto";
import { talkLink } from "@/server/services/impulse-talks/render-talk";
import { SeriesBadge } from "./talk-badges";
import { TalkCountdown } from "./talk-countdown";
import { talkByline } from "./talk-byline";

/** The home page's pointer to the next talk, with a countdown in words; a quiet line when none is ahead. */
export function NextTalk({ talk }: { talk: ImpulseTalkDto | null }) {
  return (
    <section aria-labelledby="naechster-impuls" className="min-w-0 rounded-lg border border-l-4 border-slate-200 border-l-brand-600 bg-white p-4" data-testid="next-talk">
      <h2 id="naechster-impuls" className="text-xl font-semibold">
        Nächster Impulsvortrag
      </h2>
      {talk ? (
        <>
          <p className="mt-2 text-2xl font-bold text-brand-800">
            <TalkCountdown startsAt={talk.startsAt} endsAt={talk.endsAt} refreshWhenOver />
          </p>
          <p className="mt-1 text-lg font-semibold [overflow-wrap:anywhere]">
            <Link href={talkLink(talk.id)} className="text-brand-700 underline hover:no-underline">
              {talk.title}
            </Link>
          </p>
          <p className="mt-1 text-slate-800">
            <time dateTime={talk.startsAt}>{formatBerlinRange(new Date(talk.startsAt), new Date(talk.endsAt))}</time>
          </p>
          <p className="mt-1 text-slate-700 [overflow-wrap:anywhere]">
            {talkByline(talk)}
          </p>
          <p className="mt-2">
            <SeriesBadge category={talk.category} />
          </p>
        </>
      ) : (
        <p className="mt-2 text-slate-700">Zurzeit ist kein Impulsvortrag angesetzt.</p>
      )}
      <p className="mt-3">
        <Link href="/impulse" className="font-semibold text-brand-700 underline">
          Alle Impulsvorträge
        </Link>
      </p>
    </section>
  );
}
