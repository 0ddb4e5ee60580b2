import { ozgListSchema } from "../schemas/ozg";
import { ozgFilterOptions } from "../services/ozg/filter-options";
import { listOzgServices } from "../services/ozg/list-services";
import { publicProcedure, router } from "../trpc";

/** Reading is public once moderation made the overview public: the services check who reads. */
export const ozgRouter = router({
  list: publicProcedure.input(ozgListSchema).query(({ ctx, input }) => listOzgServices(ctx.actor, input)),
  filterOptions: publicProcedure.query(({ ctx }) => ozgFilterOptions(ctx.actor)),
});
