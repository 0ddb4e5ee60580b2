"use client";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";
import { isCosignableSpotlightStatus } from "@/server/schemas/spotlight-lifecycle";
import type { SpotlightDto } from "@/server/services/spotlights/dto";
import { Button } from "../ui/button";
import type { SpotlightViewer } from "./spotlight-detail";

/**
 * "Mitzeichnen" / "Mitzeichnung zurückziehen" for the viewer's municipality, while the spotlight may
 * still be co-signed; afterwards why not, instead of a button that does nothing.
 */
export function CosignPanel({ spotlight, viewer, onChanged }: { spotlight: SpotlightDto; viewer: SpotlightViewer; onChanged: (spotlight: SpotlightDto) => void }) {
  const trpc = useTRPC();
  const cosign = useMutation(trpc.spotlight.cosign.mutationOptions({ onSuccess: onChanged }));
  const withdraw = useMutation(trpc.spotlight.withdrawCosign.mutationOptions({ onSuccess: onChanged }));
  const hasCosigned = spotlight.cosigners.some((cosigner) => cosigner.user.id === viewer.id);
  const isPending = cosign.isPending || withdraw.isPending;
  const error = cosign.error ?? withdraw.error;

  if (!isCosignableSpotlightStatus(spotlight.status)) {
    const why =
      spotlight.status === "DECLINED"
        ? "Das Spotlight wurde abgelehnt: Mitzeichnungen sind nicht mehr möglich."
        : "Das Spotlight wurde weitergeleitet: Die Mitzeichnungen gingen mit ihm an das Ressort und können nicht mehr geändert werden.";
    return (
      <p className="mt-3 border-t border-slate-200 pt-3 text-sm text-slate-700" data-testid="cosign-closed">
        {why}
        {hasCosigned && <> Sie haben mitgezeichnet.</>}
      </p>
    );
  }

  // one button whose words change (not two buttons): keyboard focus stays on it after a click
  return (
    <div className="mt-3 space-y-2 border-t border-slate-200 pt-3">
      {hasCosigned ? (
        <>
          <p className="text-sm text-slate-700">Sie haben für {viewer.organisation} mitgezeichnet.</p>
          <Button
            variant="secondary"
            aria-disabled={isPending}
            onClick={() => {
              if (isPending) return;
              cosign.reset();
              withdraw.mutate({ spotlightId: spotlight.id });
            }}
          >
            Mitzeichnung zurückziehen
          </Button>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700">Unterstützen Sie das Anliegen für {viewer.organisation}. Zurückziehen ist möglich, bis es weitergeleitet wird.</p>
          <Button
            aria-disabled={isPending}
            onClick={() => {
              if (isPending) return;
              withdraw.reset();
              cosign.mutate({ spotlightId: spotlight.id });
            }}
          >
            Mitzeichnen
          </Button>
        </>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error.message}
        </p>
      )}
    </div>
  );
}
