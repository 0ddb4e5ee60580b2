-- Posts keep their rendered, sanitised HTML: rendered once at write time instead of on every read.
-- Existing rows start at version 0 and are rendered by the server at its next start.
ALTER TABLE "Post" ADD COLUMN "html" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Post" ADD COLUMN "renderVersion" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "Post_renderVersion_idx" ON "Post"("renderVersion");
