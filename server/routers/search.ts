import { searchSchema } from "../schemas/search";
import { searchFilterOptions } from "../services/search/filter-options";
import { search } from "../services/search/search";
import { authedProcedure, router } from "../trpc";

export const searchRouter = router({
  find: authedProcedure.input(searchSchema).query(({ ctx, input }) => search(ctx.actor, input)),
  filters: authedProcedure.query(({ ctx }) => searchFilterOptions(ctx.actor)),
});
