import { ozgListSchema } from "../schemas/ozg";
import { ozgFilterOptions } from "../services/ozg/filter-options";
import { listOzgServices } from "../services/ozg/list-services";
import { ozgImportIdSchema } from "../schemas/ozg-import";
import { applyOzgImport } from "../services/ozg/import/apply-import";
import { discardOzgImport } from "../services/ozg/import/discard-import";
import { getOzgImport, listOzgImports } from "../services/ozg/import/list-imports";
import { authedProcedure, commitAndPublish, publicProcedure, router } from "../trpc";

/** Reading is public once moderation made the overview public: the services check who reads. */
export const ozgRouter = router({
  list: publicProcedure.input(ozgListSchema).query(({ ctx, input }) => listOzgServices(ctx.actor, input)),
  filterOptions: publicProcedure.query(({ ctx }) => ozgFilterOptions(ctx.actor)),
  imports: authedProcedure.query(({ ctx }) => listOzgImports(ctx.actor)),
  importById: authedProcedure.input(ozgImportIdSchema).query(({ ctx, input }) => getOzgImport(ctx.actor, input)),
  applyImport: authedProcedure.input(ozgImportIdSchema).mutation(({ ctx, input }) => commitAndPublish(applyOzgImport(ctx.actor, input))),
  discardImport: authedProcedure.input(ozgImportIdSchema).mutation(({ ctx, input }) => discardOzgImport(ctx.actor, input)),
});
