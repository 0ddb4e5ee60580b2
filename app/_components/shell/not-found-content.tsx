import Link from "next/link";

/** What every "page not found" says; the caller gives the landmark around it. */
export function NotFoundContent() {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <h1 className="text-2xl font-bold">Seite nicht gefunden</h1>
      <p className="mt-2">Diese Seite gibt es nicht (mehr). Vielleicht wurde sie verschoben oder gelöscht, oder der Link ist unvollständig.</p>
      <p className="mt-4">
        <Link href="/" className="font-semibold text-brand-700 underline">
          Zur Startseite
        </Link>
      </p>
    </div>
  );
}
