"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

/**
 * Moderation's switch for the public overview: the state in words, and a confirmation that says what
 * visitors without an account will then read, before it changes.
 */
export function PublicToggle({ isPublic }: { isPublic: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isConfirming, setConfirming] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  const setPublic = useMutation(
    trpc.ozg.setPublic.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        router.refresh();
      },
    }),
  );
  useEffect(() => {
    if (isConfirming) confirmation.current?.focus();
  }, [isConfirming]);

  return (
    <section aria-labelledby="sichtbarkeit-titel" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 print:hidden">
      <h2 id="sichtbarkeit-titel" className="font-semibold">
        Sichtbarkeit
      </h2>
      <p className="mt-1 text-sm text-slate-700" aria-live="polite">
        {isPublic ? (
          <>
            <strong>Öffentlich:</strong> Übersicht, Tabelle und Leistungsseiten sind ohne Anmeldung lesbar.
          </>
        ) : (
          <>
            <strong>Nur intern:</strong> Übersicht und Tabelle sehen nur angemeldete Personen.
          </>
        )}
      </p>
      {setPublic.error && (
        <div className="mt-3">
          <Alert tone="error">{setPublic.error.message}</Alert>
        </div>
      )}
      {isConfirming ? (
        <div ref={confirmation} tabIndex={-1} role="group" aria-labelledby="sichtbarkeit-frage" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p id="sichtbarkeit-frage" className="font-semibold">
            {isPublic ? "Übersicht und Tabelle nicht mehr öffentlich zeigen?" : "Übersicht und Tabelle öffentlich zeigen?"}
          </p>
          <p className="mt-1">
            {isPublic
              ? "Besucherinnen und Besucher ohne Anmeldung werden dann zur Anmeldung geschickt. Angemeldete Personen lesen weiter alles."
              : "Dann kann jede Person ohne Anmeldung die Übersicht mit ihren Diagrammen, die Tabelle aller Leistungen mit Export und die Seiten der einzelnen Leistungen lesen – auch Demodaten, solange noch nicht importiert wurde. Verknüpfte Themen, Spotlights und wer einer Leistung folgt, bleiben intern."}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button variant={isPublic ? "danger" : "primary"} disabled={setPublic.isPending} onClick={() => setPublic.mutate({ isPublic: !isPublic })}>
              {isPublic ? "Ja, nicht mehr öffentlich zeigen" : "Ja, öffentlich zeigen"}
            </Button>
            <Button variant="secondary" disabled={setPublic.isPending} onClick={() => setConfirming(false)}>
              Abbrechen
            </Button>
          </div>
        </div>
      ) : (
        <div className="mt-3">
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {isPublic ? "Nicht mehr öffentlich zeigen" : "Übersicht und Tabelle öffentlich zeigen"}
          </Button>
        </div>
      )}
    </section>
  );
}
