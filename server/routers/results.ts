import {
  autosaveResultDraftSchema,
  compareResultVersionsSchema,
  createResultCommentSchema,
  createResultSectionSchema,
  moveResultSectionSchema,
  previewResultSectionSchema,
  publishResultSchema,
  renameResultSectionSchema,
  resultCommentIdSchema,
  resultSectionIdSchema,
  resultVersionSchema,
  resultVisibilitySchema,
  saveResultSectionSchema,
} from "../schemas/results";
import { autosaveResultDraft, discardResultDraft } from "../services/results/autosave-draft";
import { createResultComment, resolveResultComment } from "../services/results/comments";
import { compareResultVersions } from "../services/results/compare-versions";
import { getResultDraft } from "../services/results/get-draft";
import { getSectionForEditing } from "../services/results/get-section-for-editing";
import { createResultSection, deleteResultSection, moveResultSection, renameResultSection } from "../services/results/manage-sections";
import { previewResultSection } from "../services/results/preview-section";
import { publishResultVersion } from "../services/results/publish-version";
import { saveResultSection } from "../services/results/save-section";
import { setResultsPublic } from "../services/results/set-public";
import { getLatestResultVersion, getResultVersion, listResultVersions } from "../services/results/versions";
import { authedProcedure, commitAndPublish, publicProcedure, router } from "../trpc";

/** Published versions are public once moderation made the document public: the services check who reads. */
export const resultsRouter = router({
  latest: publicProcedure.query(({ ctx }) => getLatestResultVersion(ctx.actor)),
  version: publicProcedure.input(resultVersionSchema).query(({ ctx, input }) => getResultVersion(ctx.actor, input)),
  versions: publicProcedure.query(({ ctx }) => listResultVersions(ctx.actor)),
  compare: publicProcedure.input(compareResultVersionsSchema).query(({ ctx, input }) => compareResultVersions(ctx.actor, input)),
  draft: authedProcedure.query(({ ctx }) => getResultDraft(ctx.actor)),
  sectionForEditing: authedProcedure.input(resultSectionIdSchema).query(({ ctx, input }) => getSectionForEditing(ctx.actor, input)),
  createSection: authedProcedure.input(createResultSectionSchema).mutation(({ ctx, input }) => commitAndPublish(createResultSection(ctx.actor, input))),
  renameSection: authedProcedure.input(renameResultSectionSchema).mutation(({ ctx, input }) => commitAndPublish(renameResultSection(ctx.actor, input))),
  deleteSection: authedProcedure.input(resultSectionIdSchema).mutation(({ ctx, input }) => commitAndPublish(deleteResultSection(ctx.actor, input))),
  moveSection: authedProcedure.input(moveResultSectionSchema).mutation(({ ctx, input }) => commitAndPublish(moveResultSection(ctx.actor, input))),
  saveSection: authedProcedure.input(saveResultSectionSchema).mutation(({ ctx, input }) => commitAndPublish(saveResultSection(ctx.actor, input))),
  autosave: authedProcedure.input(autosaveResultDraftSchema).mutation(({ ctx, input }) => autosaveResultDraft(ctx.actor, input)),
  discardAutosave: authedProcedure.input(resultSectionIdSchema).mutation(({ ctx, input }) => discardResultDraft(ctx.actor, input)),
  // a mutation: a section of 100,000 characters does not fit into a GET address
  preview: authedProcedure.input(previewResultSectionSchema).mutation(({ ctx, input }) => previewResultSection(ctx.actor, input)),
  comment: authedProcedure.input(createResultCommentSchema).mutation(({ ctx, input }) => commitAndPublish(createResultComment(ctx.actor, input))),
  resolveComment: authedProcedure.input(resultCommentIdSchema).mutation(({ ctx, input }) => commitAndPublish(resolveResultComment(ctx.actor, input))),
  publish: authedProcedure.input(publishResultSchema).mutation(({ ctx, input }) => commitAndPublish(publishResultVersion(ctx.actor, input))),
  setPublic: authedProcedure.input(resultVisibilitySchema).mutation(({ ctx, input }) => setResultsPublic(ctx.actor, input)),
});
