import Link from "next/link";
import type { Actor } from "@/server/auth/policy";
import { formatGermanDay } from "@/server/schemas/calendar-day";
import { spotlightReference } from "@/server/schemas/spotlight-lifecycle";
import { excerptOfHtml } from "@/server/services/activity/dto";
import { listSpotlights } from "@/server/services/spotlights/list-spotlights";

const SHOWN = 3;

/** The spotlights the Land answered last, each with the opening of its answer: what readers come for. */
export async function AnsweredSpotlights({ actor }: { actor: Actor }) {
  const answered = (await listSpotlights(actor, { statuses: ["ANSWERED"], sort: "changed", direction: "desc" })).slice(0, SHOWN);
  if (!answered.length) return null;
  return (
    <section aria-labelledby="beantwortete-spotlights" data-testid="answered-spotlights">
      <h2 id="beantwortete-spotlights" className="mb-3 text-xl font-semibold">
        Zuletzt beantwortet
      </h2>
      <ul className="space-y-3">
        {answered.map((spotlight) => (
          <li key={spotlight.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
            <Link href={`/spotlights/${spotlight.id}`} className="font-semibold text-brand-700 underline hover:no-underline">
              {spotlightReference(spotlight.number)}: {spotlight.title}
            </Link>
            {spotlight.answerHtml && (
              <p className="mt-1 text-slate-800">
                <span className="font-semibold">Antwort{spotlight.forwardedTo ? ` (${spotlight.forwardedTo})` : ""}: </span>
                {excerptOfHtml(spotlight.answerHtml)}
              </p>
            )}
            {spotlight.answeredOn && <p className="mt-1 text-sm text-slate-600">beantwortet am {formatGermanDay(spotlight.answeredOn)}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
