import { createSpotlightSchema, listSpotlightsSchema, similarSpotlightsSchema, spotlightIdSchema, transitionSpotlightSchema } from "../schemas/spotlight";
import { similarSpotlights } from "../services/spotlights/similar-spotlights";
import { cosignSpotlight, withdrawCosignature } from "../services/spotlights/cosign-spotlight";
import { transitionSpotlight } from "../services/spotlights/transition-spotlight";
import { createSpotlight } from "../services/spotlights/create-spotlight";
import { getSpotlight } from "../services/spotlights/get-spotlight";
import { forwardedToOptions, listSpotlights } from "../services/spotlights/list-spotlights";
import { authedProcedure, commitAndPublish, router } from "../trpc";

export const spotlightRouter = router({
  byId: authedProcedure.input(spotlightIdSchema).query(({ ctx, input }) => getSpotlight(ctx.actor, input.spotlightId)),
  list: authedProcedure.input(listSpotlightsSchema).query(({ ctx, input }) => listSpotlights(ctx.actor, input)),
  create: authedProcedure.input(createSpotlightSchema).mutation(({ ctx, input }) => commitAndPublish(createSpotlight(ctx.actor, input))),
  forwardedToOptions: authedProcedure.query(({ ctx }) => forwardedToOptions(ctx.actor)),
  similar: authedProcedure.input(similarSpotlightsSchema).query(({ ctx, input }) => similarSpotlights(ctx.actor, input)),
  transition: authedProcedure.input(transitionSpotlightSchema).mutation(({ ctx, input }) => commitAndPublish(transitionSpotlight(ctx.actor, input))),
  cosign: authedProcedure.input(spotlightIdSchema).mutation(({ ctx, input }) => commitAndPublish(cosignSpotlight(ctx.actor, input))),
  withdrawCosign: authedProcedure.input(spotlightIdSchema).mutation(({ ctx, input }) => commitAndPublish(withdrawCosignature(ctx.actor, input))),
});
