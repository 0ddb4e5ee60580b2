import { db } from "../../db";
import { renderSpotlightTexts } from "../spotlights/render-spotlight";
import { MARKDOWN_RENDERER_VERSION, renderForStorage } from "./markdown";

const BATCH_SIZE = 200;

/**
 * Renders every post whose stored HTML came from another renderer version, in batches so a large
 * database never holds more than one batch in memory. A post edited meanwhile already carries the
 * current version and is left alone. Returns how many posts were rendered.
 */
export async function rerenderStalePosts(batchSize = BATCH_SIZE): Promise<number> {
  let rendered = 0;
  for (;;) {
    const stale = await db().post.findMany({
      where: { renderVersion: { not: MARKDOWN_RENDERER_VERSION } },
      select: { id: true, body: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (!stale.length) return rendered;
    await db().$transaction(
      stale.map((post) =>
        db().post.updateMany({
          where: { id: post.id, renderVersion: { not: MARKDOWN_RENDERER_VERSION } },
          data: renderForStorage(post.body, post.id),
        }),
      ),
    );
    rendered += stale.length;
  }
}

/** The same for spotlights' problem, requested action and answer. Returns how many were rendered. */
export async function rerenderStaleSpotlights(batchSize = BATCH_SIZE): Promise<number> {
  let rendered = 0;
  for (;;) {
    const stale = await db().spotlight.findMany({
      where: { renderVersion: { not: MARKDOWN_RENDERER_VERSION } },
      select: { id: true, problem: true, requestedAction: true, answer: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (!stale.length) return rendered;
    await db().$transaction(
      stale.map((spotlight) =>
        db().spotlight.updateMany({
          where: { id: spotlight.id, renderVersion: { not: MARKDOWN_RENDERER_VERSION } },
          data: renderSpotlightTexts(spotlight.id, spotlight),
        }),
      ),
    );
    rendered += stale.length;
  }
}
