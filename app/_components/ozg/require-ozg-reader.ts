import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInPath } from "@/app/_components/shell/signed-in-shell";
import { getActor } from "@/server/auth/get-actor";
import type { Actor } from "@/server/auth/policy";
import { readOzgSettings, type OzgSettingsView } from "@/server/services/ozg/settings";

/**
 * For every status page (overview, table, detail; the import is moderation's and checks on its own):
 * the actor, or a redirect to sign-in for visitors while the status is not public. The layout sends
 * them there too, but a page (and its generateMetadata) renders alongside the layout, so it must not
 * rely on it and fail with UNAUTHORIZED instead.
 */
export async function requireOzgReader(fallbackPath: string): Promise<{ actor: Actor | null; settings: OzgSettingsView }> {
  const [actor, settings] = await Promise.all([getActor(), readOzgSettings()]);
  if (!actor && !settings.isPublic) redirect(signInPath((await headers()).get("x-gdst-path") ?? fallbackPath));
  return { actor, settings };
}
