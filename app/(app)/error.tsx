"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="max-w-2xl rounded-lg border border-red-300 bg-white p-6">
      <h1 className="text-2xl font-bold">Ein unerwarteter Fehler ist aufgetreten</h1>
      <p className="mt-2">Bitte versuchen Sie es noch einmal. Bleibt der Fehler, wenden Sie sich an die Administration.</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white">
        Erneut versuchen
      </button>
    </div>
  );
}
