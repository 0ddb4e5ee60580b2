import Link from "next/link";
import type { ImpulseTalkDto } from "@/server/services/impulse-talks/dto";
import { buttonClass } from "../ui/button";

/** Downloads the talk's .ics (Outlook and other calendar programs open it as an appointment), and points to the subscription of all talks. */
export function AddToCalendar({ talk }: { talk: Pick<ImpulseTalkDto, "id" | "title"> }) {
  return (
    <>
      <a href={`/api/calendar/impulse/${talk.id}`} download className={buttonClass("secondary")}>
        Zum Kalender hinzufügen
        <span className="sr-only"> (Kalenderdatei für Outlook und andere Kalender)</span>
      </a>
      <Link href="/einstellungen/kalender" className="inline-flex min-h-10 items-center text-sm font-semibold text-brand-700 underline">
        Alle Vorträge im Kalender abonnieren
      </Link>
    </>
  );
}
