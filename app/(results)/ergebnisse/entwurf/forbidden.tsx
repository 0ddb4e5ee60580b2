import type { Metadata } from "next";
import Link from "next/link";
import { appErrors } from "@/server/errors";

export const metadata: Metadata = { title: "Entwurf nicht verfügbar" };

/** A reader who opens the draft by its address: refused (403), and told where the published versions are. */
export default function DraftForbidden() {
  return (
    <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6" data-testid="draft-internal">
      <h1 className="text-2xl font-bold">Entwurf nicht verfügbar</h1>
      <p className="mt-2">{appErrors.DRAFT_INTERNAL.message}</p>
      <p className="mt-4">
        <Link href="/ergebnisse" className="font-semibold text-brand-700 underline">
          Zu den veröffentlichten Ergebnissen
        </Link>
      </p>
    </div>
  );
}
