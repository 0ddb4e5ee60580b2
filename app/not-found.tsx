import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Seite nicht gefunden" };

export default function NotFound() {
  return (
    <main id="inhalt" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-bold">Seite nicht gefunden</h1>
      <p className="mt-2">Diese Seite gibt es nicht (mehr). Vielleicht wurde das Thema verschoben oder der Link ist unvollständig.</p>
      <p className="mt-4">
        <Link href="/" className="font-semibold text-brand-700 underline">
          Zur Startseite
        </Link>
      </p>
    </main>
  );
}
