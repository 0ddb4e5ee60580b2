import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { PublicHeader } from "@/app/_components/shell/public-header";
import { SignedInShell, signInPath } from "@/app/_components/shell/signed-in-shell";
import { getActor } from "@/server/auth/get-actor";
import { readOzgSettings } from "@/server/services/ozg/settings";

/**
 * The service status: signed in with the platform's shell, or, once moderation made it public, for
 * visitors without signing in. Each page checks again (the import is moderation's).
 */
export default async function OzgLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const path = (await headers()).get("x-gdst-path") ?? "/ozg";
  if (actor) return <SignedInShell actor={actor}>{children}</SignedInShell>;
  if (!(await readOzgSettings()).isPublic) redirect(signInPath(path));
  return (
    <>
      <PublicHeader signIn={signInPath(path)} />
      <main id="inhalt" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-sm text-slate-600">
        Gemeinsam Digital für Sachsen-Anhalt – öffentliche Nachnutzungsübersicht der OZG-Leistungen
      </footer>
    </>
  );
}
