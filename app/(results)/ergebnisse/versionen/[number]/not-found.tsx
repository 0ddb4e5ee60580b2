import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Version nicht gefunden – Ergebnisdokument" };

/** A version number that is no published version (letters, 0, too high): said so, with the way to the list. */
export default function VersionNotFound() {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <h1 className="text-2xl font-bold">Version nicht gefunden</h1>
      <p className="mt-2">Diese Version des Ergebnisdokuments gibt es nicht. Veröffentlichte Versionen sind fortlaufend nummeriert.</p>
      <p className="mt-4">
        <Link href="/ergebnisse/versionen" className="font-semibold text-brand-700 underline">
          Alle Versionen
        </Link>
      </p>
    </div>
  );
}
