import { createPostSchema, editPostSchema, hidePostSchema, listPostsSchema, postIdSchema, postsSinceSchema, reactSchema } from "../schemas/post";
import { deletePost } from "../services/posts/delete-post";
import { hidePost, unhidePost } from "../services/posts/hide-post";
import { reactToPost } from "../services/posts/react-to-post";
import { createPost } from "../services/posts/create-post";
import { editPost } from "../services/posts/edit-post";
import { listPosts, postsSince } from "../services/posts/list-posts";
import { getPostSource } from "../services/posts/post-source";
import { authedProcedure, commitAndPublish, router } from "../trpc";

export const postRouter = router({
  list: authedProcedure.input(listPostsSchema).query(({ ctx, input }) => listPosts(ctx.actor, input)),
  since: authedProcedure.input(postsSinceSchema).query(({ ctx, input }) => postsSince(ctx.actor, input)),
  source: authedProcedure.input(postIdSchema).query(({ ctx, input }) => getPostSource(ctx.actor, input)),
  create: authedProcedure.input(createPostSchema).mutation(({ ctx, input }) => commitAndPublish(createPost(ctx.actor, input))),
  edit: authedProcedure.input(editPostSchema).mutation(({ ctx, input }) => commitAndPublish(editPost(ctx.actor, input))),
  react: authedProcedure.input(reactSchema).mutation(({ ctx, input }) => commitAndPublish(reactToPost(ctx.actor, input))),
  delete: authedProcedure.input(postIdSchema).mutation(({ ctx, input }) => commitAndPublish(deletePost(ctx.actor, input))),
  hide: authedProcedure.input(hidePostSchema).mutation(({ ctx, input }) => commitAndPublish(hidePost(ctx.actor, input))),
  unhide: authedProcedure.input(postIdSchema).mutation(({ ctx, input }) => commitAndPublish(unhidePost(ctx.actor, input))),
});
