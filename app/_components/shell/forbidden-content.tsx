import Link from "next/link";
import { getActor } from "@/server/auth/get-actor";
import { roleLabels } from "@/server/auth/roles";

const linkClass = "font-semibold text-brand-700 underline";

/**
 * What a signed-in person sees on a page their role does not open (forbidden(), HTTP 403); the caller
 * gives the landmark around it. `reservedFor` says whose work the area is, where the route group knows.
 */
export async function ForbiddenContent({ reservedFor }: { reservedFor?: string }) {
  const actor = await getActor();
  return (
    <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold">Kein Zugriff</h1>
      <p className="mt-2">
        {reservedFor
          ? `${reservedFor}${actor ? ` Ihre Rolle: ${roleLabels[actor.role]}.` : ""}`
          : `Dieser Bereich ist für Ihre Rolle${actor ? ` (${roleLabels[actor.role]})` : ""} nicht freigegeben.`}
      </p>
      {actor?.role === "READER" ? (
        <p className="mt-2">
          Als Lesende sehen Sie die veröffentlichten{" "}
          <Link href="/ergebnisse" className={linkClass}>
            Ergebnisse
          </Link>{" "}
          und die freigegebenen Spotlight-Themen; die Arbeit in den Arbeitsgruppen ist den Teilnehmenden vorbehalten.
        </p>
      ) : (
        <p className="mt-2">Wenden Sie sich bei Fragen an die Moderation oder die Administration.</p>
      )}
      <p className="mt-4">
        <Link href="/" className={linkClass}>
          Zur Startseite
        </Link>
      </p>
    </div>
  );
}
