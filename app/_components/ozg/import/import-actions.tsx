"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { Dialog } from "../../posts/dialog";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";

/** "Import einspielen" (after a confirmation) and "Verwerfen" for a checked import. */
export function ImportActions({ importId, canApply, summary, endsDemoData }: { importId: string; canApply: boolean; summary: string; endsDemoData: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isConfirming, setConfirming] = useState(false);
  const apply = useMutation(
    trpc.ozg.applyImport.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        router.refresh();
      },
    }),
  );
  const discard = useMutation(trpc.ozg.discardImport.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = discard.error?.message;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {canApply && (
          <Button onClick={() => setConfirming(true)} disabled={apply.isPending || discard.isPending}>
            Import einspielen
          </Button>
        )}
        <Button variant="secondary" onClick={() => discard.mutate({ importId })} disabled={apply.isPending || discard.isPending}>
          Verwerfen
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {!isConfirming && apply.error && <Alert tone="error">{apply.error.message}</Alert>}
      <Dialog title="Import einspielen?" open={isConfirming} onClose={() => setConfirming(false)}>
        <p>{summary}</p>
        <p className="mt-2">
          Alle Änderungen werden auf einmal übernommen und in der Historie jeder Leistung vermerkt. Wer einer geänderten Leistung folgt, wird benachrichtigt. Leistungen, die
          in der Datei fehlen, bleiben unverändert erhalten.
        </p>
        {endsDemoData && (
          <p className="mt-2 rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <strong>Ende der Demodaten:</strong> Bisher zeigt die Übersicht erfundene Beispielwerte. Mit diesem Import gelten alle Angaben als echte Daten des
            Landes und der Demohinweis verschwindet, auch für Leistungen, die die Datei nicht ändert. Spielen Sie nur die echte Nachnutzungsübersicht ein.
          </p>
        )}
        {apply.error && (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {apply.error.message}
          </p>
        )}
        {apply.isPending && (
          <p role="status" className="mt-2 text-sm">
            Wird eingespielt …
          </p>
        )}
        <div className="mt-4 flex flex-wrap gap-2">
          <Button disabled={apply.isPending} onClick={() => apply.mutate({ importId })}>
            Jetzt einspielen
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Abbrechen
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
