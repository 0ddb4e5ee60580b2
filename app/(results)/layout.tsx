import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { PublicHeader } from "@/app/_components/shell/public-header";
import { SignedInShell, signInPath } from "@/app/_components/shell/signed-in-shell";
import { getActor } from "@/server/auth/get-actor";
import { readResultDocument } from "@/server/services/results/document";

/**
 * The results document: signed in with the platform's shell, or, once moderation made it public, the
 * published versions for visitors without signing in. Each page checks again (the draft is internal).
 */
export default async function ResultsLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const path = (await headers()).get("x-gdst-path") ?? "/ergebnisse";
  if (actor) return <SignedInShell actor={actor}>{children}</SignedInShell>;
  if (!(await readResultDocument()).isPublic || path.startsWith("/ergebnisse/entwurf")) redirect(signInPath(path));
  return (
    <>
      <PublicHeader signIn={signInPath(path)} />
      <main id="inhalt" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-sm text-slate-600">Gemeinsam Digital für Sachsen-Anhalt – veröffentlichte Ergebnisse</footer>
    </>
  );
}
