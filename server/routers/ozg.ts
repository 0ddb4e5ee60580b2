import { ozgListSchema, ozgVisibilitySchema } from "../schemas/ozg";
import { ozgFilterOptions } from "../services/ozg/filter-options";
import { listOzgServices } from "../services/ozg/list-services";
import { setOzgPublic } from "../services/ozg/set-public";
import { authedProcedure, publicProcedure, router } from "../trpc";

/** Reading is public once moderation made the overview public: the services check who reads. */
export const ozgRouter = router({
  list: publicProcedure.input(ozgListSchema).query(({ ctx, input }) => listOzgServices(ctx.actor, input)),
  filterOptions: publicProcedure.query(({ ctx }) => ozgFilterOptions(ctx.actor)),
  setPublic: authedProcedure.input(ozgVisibilitySchema).mutation(({ ctx, input }) => setOzgPublic(ctx.actor, input)),
});
