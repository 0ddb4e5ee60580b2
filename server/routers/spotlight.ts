import { listSpotlightsSchema, spotlightIdSchema } from "../schemas/spotlight";
import { getSpotlight } from "../services/spotlights/get-spotlight";
import { forwardedToOptions, listSpotlights } from "../services/spotlights/list-spotlights";
import { authedProcedure, router } from "../trpc";

export const spotlightRouter = router({
  byId: authedProcedure.input(spotlightIdSchema).query(({ ctx, input }) => getSpotlight(ctx.actor, input.spotlightId)),
  list: authedProcedure.input(listSpotlightsSchema).query(({ ctx, input }) => listSpotlights(ctx.actor, input)),
  forwardedToOptions: authedProcedure.query(({ ctx }) => forwardedToOptions(ctx.actor)),
});
