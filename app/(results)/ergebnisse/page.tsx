import type { Metadata } from "next";
import Link from "next/link";
import { ResultVersionView } from "@/app/_components/results/result-version-view";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { recordResultVisit } from "@/server/services/results/reader-summary";
import { getLatestResultVersion, listResultVersions } from "@/server/services/results/versions";
import { mayReadResults } from "./may-read";

export const metadata: Metadata = { title: "Ergebnisdokument" };

/** The latest published version; opening it counts as having read it (the start page's news). */
export default async function ResultsPage() {
  const actor = await getActor();
  if (!(await mayReadResults(actor))) return null;
  const [latest, versions] = await Promise.all([getLatestResultVersion(actor), listResultVersions(actor)]);
  const canReadDraft = can(actor, "results.readDraft");
  if (!latest) {
    return (
      <>
        <PageHeader title="Ergebnisdokument" />
        <section aria-labelledby="keine-version" className="max-w-3xl rounded-lg border border-dashed border-slate-300 bg-white p-6">
          <h2 id="keine-version" className="text-lg font-semibold">
            Noch keine Version veröffentlicht
          </h2>
          <p className="mt-2 text-slate-700">
            Sobald die Moderation die erste Fassung des Ergebnisdokuments veröffentlicht, können Sie sie hier lesen, ausdrucken und herunterladen.
          </p>
          {canReadDraft && (
            <p className="mt-3">
              <Link href="/ergebnisse/entwurf" className="font-semibold text-brand-700 underline hover:no-underline">
                Zum Entwurf
              </Link>
            </p>
          )}
        </section>
      </>
    );
  }
  if (actor) await recordResultVisit(actor, latest.number);
  return <ResultVersionView version={latest} versions={versions} canReadDraft={canReadDraft} />;
}
