-- Full-text search (server/services/search): GIN indexes over the German text search vectors of
-- thread titles and post texts. Expression indexes: Prisma's schema cannot express them and leaves
-- them alone; the search queries must use exactly these expressions for PostgreSQL to use them.
-- Posts are indexed by their rendered, sanitised HTML: the parser skips tags, so Markdown syntax and
-- link targets do not become search words.
CREATE INDEX "Thread_title_search_idx" ON "Thread" USING GIN (to_tsvector('german', "title"));
CREATE INDEX "Post_html_search_idx" ON "Post" USING GIN (to_tsvector('german', "html"));
