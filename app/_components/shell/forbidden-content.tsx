import Link from "next/link";

/** What a signed-in person sees on a page their role does not open (forbidden(), HTTP 403); the caller gives the landmark around it. */
export function ForbiddenContent() {
  return (
    <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold">Kein Zugriff</h1>
      <p className="mt-2">Dieser Bereich ist für Ihre Rolle nicht freigegeben. Wenden Sie sich bei Fragen an die Administration.</p>
      <p className="mt-4">
        <Link href="/" className="font-semibold text-brand-700 underline">
          Zur Startseite
        </Link>
      </p>
    </div>
  );
}
