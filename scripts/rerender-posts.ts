// `npm run posts:rerender`: renders every post whose stored HTML came from another Markdown renderer
// version. The server does the same at every start; this is for operators who want it done (and
// timed) before a start, e.g. after an upgrade on a large database. Stop the app first on an
// embedded ./data (one process owns it).
import { startDatabase } from "../server/db/start-database";
import { rerenderStalePosts, rerenderStaleSpotlights } from "../server/services/posts/rerender-posts";

const database = await startDatabase({ seedDemo: false }).catch((error: Error) => {
  // e.g. the app still running on the embedded database: its message says what to do
  console.error(`Beiträge können nicht neu dargestellt werden: ${error.message}`);
  process.exit(1);
});
try {
  const startedAt = performance.now();
  const rendered = await rerenderStalePosts();
  const spotlights = await rerenderStaleSpotlights();
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(
    rendered || spotlights
      ? `${rendered} Beiträge und ${spotlights} Spotlights in ${seconds} s neu dargestellt.`
      : "Alle Beiträge und Spotlights sind bereits aktuell dargestellt.",
  );
} finally {
  await database.close();
}
