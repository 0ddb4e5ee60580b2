"use client";
import { signOut } from "next-auth/react";
import { useEffect, useState } from "react";
import { useSocket } from "@/app/_lib/socket";

/** Shown while the live connection is down, so nobody mistakes a quiet page for a quiet group. */
export function ConnectionBanner() {
  const { state, endedReason } = useSocket();
  // a page load takes a moment to connect: only speak up when the connection is really missing
  const [shownState, setShownState] = useState<typeof state | null>(null);
  useEffect(() => {
    if (state === "connected") return;
    const timer = setTimeout(() => setShownState(state), state === "ended" ? 0 : 1500);
    return () => clearTimeout(timer);
  }, [state]);

  if (state === "connected" || shownState !== state) return null;
  if (state === "ended") {
    return (
      <div role="alert" className="bg-red-700 px-4 py-3 text-center text-white">
        {endedReason ?? "Ihre Sitzung wurde beendet."}{" "}
        <button type="button" className="font-semibold underline" onClick={() => signOut({ callbackUrl: "/anmelden" })}>
          Zur Anmeldung
        </button>
      </div>
    );
  }
  return (
    <div role="status" className="bg-amber-100 px-4 py-2 text-center text-amber-950" data-testid="connection-banner">
      Die Live-Verbindung ist unterbrochen. Neue Beiträge erscheinen wieder, sobald sie steht – wir verbinden neu …
    </div>
  );
}
