// `npm run posts:rerender`: renders every post, spotlight and talk abstract whose stored HTML came from
// another Markdown renderer version. The server does the same at every start; this is for operators who want it done (and
// timed) before a start, e.g. after an upgrade on a large database. Stop the app first on an
// embedded ./data (one process owns it).
import { startDatabase } from "../server/db/start-database";
import { renderedKindLabels, rerenderAllStale } from "../server/services/posts/rerender-posts";

const database = await startDatabase({ seedDemo: false }).catch((error: Error) => {
  // e.g. the app still running on the embedded database: its message says what to do
  console.error(`Beiträge können nicht neu dargestellt werden: ${error.message}`);
  process.exit(1);
});
try {
  const startedAt = performance.now();
  const counts = await rerenderAllStale();
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const rendered = Object.entries(counts).filter(([, count]) => count > 0);
  console.log(
    rendered.length
      ? `${rendered.map(([kind, count]) => `${count} ${renderedKindLabels[kind as keyof typeof counts]}`).join(", ")} in ${seconds} s neu dargestellt.`
      : "Alle Beiträge, Spotlights und Impulsvorträge sind bereits aktuell dargestellt.",
  );
} finally {
  await database.close();
}
