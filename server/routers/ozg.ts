import { ozgIdSchema, ozgLinkSearchSchema, ozgListSchema, ozgSpotlightLinkSchema, ozgThreadLinkSchema, ozgVisibilitySchema } from "../schemas/ozg";
import { ozgFilterOptions } from "../services/ozg/filter-options";
import { listOzgServices } from "../services/ozg/list-services";
import { followOzgService, unfollowOzgService } from "../services/ozg/follow-service";
import { getOzgService } from "../services/ozg/get-service";
import { linkOzgServiceToSpotlight, linkOzgServiceToThread, unlinkOzgServiceFromSpotlight, unlinkOzgServiceFromThread } from "../services/ozg/link-service";
import { searchOzgForLink } from "../services/ozg/search-for-link";
import { setOzgPublic } from "../services/ozg/set-public";
import { ozgImportIdSchema } from "../schemas/ozg-import";
import { applyOzgImport } from "../services/ozg/import/apply-import";
import { discardOzgImport } from "../services/ozg/import/discard-import";
import { getOzgImport } from "../services/ozg/import/get-import";
import { listOzgImports } from "../services/ozg/import/list-imports";
import { authedProcedure, commitAndPublish, publicProcedure, router } from "../trpc";

/** Reading is public once moderation made the overview public: the services check who reads. */
export const ozgRouter = router({
  list: publicProcedure.input(ozgListSchema).query(({ ctx, input }) => listOzgServices(ctx.actor, input)),
  filterOptions: publicProcedure.query(({ ctx }) => ozgFilterOptions(ctx.actor)),
  byId: publicProcedure.input(ozgIdSchema).query(({ ctx, input }) => getOzgService(ctx.actor, input.ozgId)),
  follow: authedProcedure.input(ozgIdSchema).mutation(({ ctx, input }) => followOzgService(ctx.actor, input)),
  unfollow: authedProcedure.input(ozgIdSchema).mutation(({ ctx, input }) => unfollowOzgService(ctx.actor, input)),
  linkThread: authedProcedure.input(ozgThreadLinkSchema).mutation(({ ctx, input }) => linkOzgServiceToThread(ctx.actor, input)),
  unlinkThread: authedProcedure.input(ozgThreadLinkSchema).mutation(({ ctx, input }) => unlinkOzgServiceFromThread(ctx.actor, input)),
  linkSpotlight: authedProcedure.input(ozgSpotlightLinkSchema).mutation(({ ctx, input }) => linkOzgServiceToSpotlight(ctx.actor, input)),
  unlinkSpotlight: authedProcedure.input(ozgSpotlightLinkSchema).mutation(({ ctx, input }) => unlinkOzgServiceFromSpotlight(ctx.actor, input)),
  searchForLink: authedProcedure.input(ozgLinkSearchSchema).query(({ ctx, input }) => searchOzgForLink(ctx.actor, input)),
  setPublic: authedProcedure.input(ozgVisibilitySchema).mutation(({ ctx, input }) => setOzgPublic(ctx.actor, input)),
  imports: authedProcedure.query(({ ctx }) => listOzgImports(ctx.actor)),
  importById: authedProcedure.input(ozgImportIdSchema).query(({ ctx, input }) => getOzgImport(ctx.actor, input)),
  applyImport: authedProcedure.input(ozgImportIdSchema).mutation(({ ctx, input }) => commitAndPublish(applyOzgImport(ctx.actor, input))),
  discardImport: authedProcedure.input(ozgImportIdSchema).mutation(({ ctx, input }) => discardOzgImport(ctx.actor, input)),
});
