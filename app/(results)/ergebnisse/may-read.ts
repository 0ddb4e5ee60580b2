import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInPath } from "@/app/_components/shell/signed-in-shell";
import { can, type Actor } from "@/server/auth/policy";
import { readResultDocument } from "@/server/services/results/document";

/** Sends a visitor to the sign-in page, back to where they were. */
export async function redirectToSignIn(fallbackPath = "/ergebnisse"): Promise<never> {
  redirect(signInPath((await headers()).get("x-gdst-path") ?? fallbackPath));
}

/**
 * Whether this viewer may read the published versions; a visitor while the document is not public is
 * sent to sign in. The layout does that too, but a page renders alongside its layout (and is not
 * rendered again with it on client-side navigation), so it must not rely on it.
 */
export async function mayReadResults(actor: Actor | null): Promise<boolean> {
  if (actor) return can(actor, "results.read");
  if ((await readResultDocument()).isPublic) return true;
  return redirectToSignIn();
}
