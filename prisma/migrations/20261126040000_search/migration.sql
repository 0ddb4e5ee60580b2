-- Full-text search (server/services/search) with the German configuration.
-- Posts: a stored vector of the rendered, sanitised HTML (the parser skips tags, so Markdown syntax
-- and link targets are no search words), kept current by PostgreSQL on every insert, edit and
-- re-render. Stored rather than an expression index: ranking reads the vector of every hit, and
-- parsing the HTML again per hit made a common word over 20,000 posts take seconds (bench/README.md).
ALTER TABLE "Post" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('german'::regconfig, "html")) STORED;
CREATE INDEX "Post_searchVector_idx" ON "Post" USING GIN ("searchVector");

-- Thread titles are short: an expression index, which Prisma's schema cannot express and leaves alone.
-- The search must use exactly this expression for the index to be used.
CREATE INDEX "Thread_title_search_idx" ON "Thread" USING GIN (to_tsvector('german', "title"));
