import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { LinkedServices } from "@/app/_components/ozg/linked-services";
import { CitedIn } from "@/app/_components/results/cited-in";
import { SpotlightDetail } from "@/app/_components/spotlights/spotlight-detail";
import { berlinDay } from "@/server/schemas/calendar-day";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { idSchema } from "@/server/schemas/common";
import { spotlightReference } from "@/server/schemas/spotlight-lifecycle";
import { ozgServicesOfSpotlight } from "@/server/services/ozg/link-service";
import { getSpotlight, parseSpotlightReference, spotlightIdByNumber } from "@/server/services/spotlights/get-spotlight";

type Props = { params: Promise<{ spotlightId: string }> };

/**
 * The spotlight in the viewer's view. Whatever the viewer may not see (a reader and a proposal under
 * review), does not exist, or is not even an id, is the German 404: a URL tells nobody what exists.
 * A reference ("S-7", "7") redirects to the spotlight it names.
 */
const loadSpotlight = cache(async (spotlightId: string) => {
  const actor = await getActor();
  if (!actor) return null;
  if (!idSchema.safeParse(spotlightId).success) {
    // "/spotlights/S-7": the reference people write leads to the spotlight
    const number = parseSpotlightReference(decodeURIComponent(spotlightId));
    const id = number === null ? null : await spotlightIdByNumber(actor, number);
    if (id) redirect(`/spotlights/${id}`);
    notFound();
  }
  const spotlight = await getSpotlight(actor, spotlightId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return { actor, spotlight };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadSpotlight((await params).spotlightId);
  return { title: loaded ? `${spotlightReference(loaded.spotlight.number)}: ${loaded.spotlight.title} – Spotlights` : "Spotlight" };
}

export default async function SpotlightPage({ params }: Props) {
  const loaded = await loadSpotlight((await params).spotlightId);
  // signed out: the layout sends them to the sign-in page
  if (!loaded) return null;
  const { actor, spotlight } = loaded;
  const ozgLinks = await ozgServicesOfSpotlight(actor, spotlight.id);
  return (
    <SpotlightDetail
      key={spotlight.id}
      initialSpotlight={spotlight}
      today={berlinDay()}
      viewer={{
        id: actor.id,
        organisation: actor.organisation,
        canCosign: can(actor, "spotlight.cosign"),
        canModerate: can(actor, "spotlight.transition"),
      }}
      related={
        <>
          <LinkedServices target={{ spotlightId: spotlight.id }} initial={ozgLinks} />
          <CitedIn actor={actor} source={{ spotlightId: spotlight.id }} />
        </>
      }
    />
  );
}
