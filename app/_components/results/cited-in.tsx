import Link from "next/link";
import type { Actor } from "@/server/auth/policy";
import { citedIn } from "@/server/services/results/cited-in";

/** Where the results document cites this thread or spotlight (draft and versions); nothing when it does not. */
export async function CitedIn({ actor, source }: { actor: Actor; source: { threadId: string } | { spotlightId: string } }) {
  const places = await citedIn(actor, source);
  if (!places.length) return null;
  return (
    <section aria-labelledby="im-ergebnisdokument" className="mt-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="cited-in">
      <h2 id="im-ergebnisdokument" className="text-lg font-semibold">
        Im Ergebnisdokument zitiert
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {places.map((place) => (
          <li key={place.href}>
            <Link href={place.href} className="font-semibold text-brand-700 underline hover:no-underline">
              {place.sectionTitle}
            </Link>{" "}
            <span className="text-slate-600">({place.versionNumber === null ? "Entwurf" : `Version ${place.versionNumber}`})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
