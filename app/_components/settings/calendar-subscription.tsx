"use client";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import type { CalendarFeedAddress } from "@/server/services/impulse-talks/calendar-token";
import { Dialog } from "../posts/dialog";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

const sectionClass = "max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6";

/** The user's personal subscription address: copy it into a calendar, or renew it when it got out. */
export function CalendarSubscription({ initial }: { initial: CalendarFeedAddress }) {
  const trpc = useTRPC();
  const fieldId = useId();
  const [address, setAddress] = useState(initial);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const [isConfirming, setIsConfirming] = useState(false);
  const renew = useMutation(
    trpc.calendar.renew.mutationOptions({
      onSuccess: (next) => {
        setAddress(next);
        setCopyState("idle");
        setIsConfirming(false);
      },
    }),
  );

  const copy = () => {
    const done = navigator.clipboard?.writeText(address.url);
    if (!done) return setCopyState("failed");
    done.then(
      () => setCopyState("copied"),
      () => setCopyState("failed"),
    );
  };

  return (
    <div className="space-y-6">
      <section aria-labelledby={`${fieldId}-heading`} className={sectionClass}>
        <h2 id={`${fieldId}-heading`} className="text-lg font-semibold">
          Ihre Kalender-Adresse
        </h2>
        <div>
          <label htmlFor={fieldId} className="mb-1 block font-medium">
            Adresse zum Abonnieren
          </label>
          <input
            id={fieldId}
            readOnly
            value={address.url}
            aria-describedby={`${fieldId}-hint`}
            onFocus={(event) => event.target.select()}
            className="block w-full min-w-0 rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm"
          />
          <p id={`${fieldId}-hint`} className="mt-1 text-sm text-slate-600">
            Diese Adresse ist persönlich: Wer sie kennt, sieht die Impulsvorträge. Geben Sie sie nicht weiter.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={copy}>Adresse kopieren</Button>
          <span role="status" className="text-sm text-slate-700">
            {copyState === "copied" && "Adresse kopiert."}
            {copyState === "failed" && "Kopieren ging nicht: Bitte markieren Sie die Adresse im Feld und kopieren Sie sie selbst."}
          </span>
        </div>
        {renew.isSuccess && <Alert tone="success">Die Adresse wurde erneuert. Die alte Adresse funktioniert nicht mehr: Tragen Sie die neue in Ihrem Kalender ein.</Alert>}
      </section>

      <section aria-labelledby={`${fieldId}-outlook`} className={sectionClass}>
        <h2 id={`${fieldId}-outlook`} className="text-lg font-semibold">
          So abonnieren Sie in Outlook
        </h2>
        <ol className="list-decimal space-y-1 pl-6">
          <li>Kopieren Sie die Adresse oben.</li>
          <li>Öffnen Sie in Outlook den Kalender.</li>
          <li>
            Wählen Sie <strong>Kalender hinzufügen</strong> (oder <strong>Kalender öffnen</strong>) und dann <strong>Aus dem Internet</strong> beziehungsweise{" "}
            <strong>Kalender abonnieren</strong>.
          </li>
          <li>Fügen Sie die Adresse ein und bestätigen Sie.</li>
        </ol>
        <p className="text-sm text-slate-700">
          Der Kalender heißt „GDST Impulsvorträge“. Outlook holt Änderungen selbst ab, meist innerhalb einiger Stunden. Abgesagte Vorträge werden als abgesagt
          angezeigt. Andere Kalender (Thunderbird, Apple, Google) bieten ebenfalls „Kalender abonnieren“ oder „Per URL hinzufügen“ an.
        </p>
      </section>

      <section aria-labelledby={`${fieldId}-renew`} className={sectionClass}>
        <h2 id={`${fieldId}-renew`} className="text-lg font-semibold">
          Adresse erneuern
        </h2>
        <p>
          Wenn jemand anderes Ihre Adresse kennen könnte, erneuern Sie sie. Die alte Adresse funktioniert danach nicht mehr; Sie tragen die neue in Ihrem Kalender
          ein.
        </p>
        <Button variant="danger" onClick={() => setIsConfirming(true)}>
          Adresse erneuern
        </Button>
      </section>

      <Dialog title="Kalender-Adresse erneuern?" open={isConfirming} onClose={() => setIsConfirming(false)}>
        <p>Die bisherige Adresse funktioniert dann nicht mehr. Kalender, die sie abonniert haben, bekommen keine Änderungen mehr, bis Sie die neue Adresse eintragen.</p>
        {renew.error && (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {renew.error.message}
          </p>
        )}
        <div className="mt-4 flex flex-wrap gap-2">
          <Button variant="danger" disabled={renew.isPending} onClick={() => renew.mutate()}>
            Ja, Adresse erneuern
          </Button>
          <Button variant="secondary" onClick={() => setIsConfirming(false)}>
            Abbrechen
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
