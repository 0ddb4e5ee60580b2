import type { Actor } from "../auth/policy";
import type { AppErrorCode } from "../errors";
import { parseSpotlightParams } from "../schemas/spotlight-params";
import { exportSpotlights } from "../services/spotlights/export-spotlights";
import { textRefusal } from "./refusal";

const messages: Partial<Record<AppErrorCode, string>> = {
  UNAUTHORIZED: "Bitte melden Sie sich an, um Spotlights zu exportieren.",
  FORBIDDEN: "Der Export der Spotlights steht Teilnehmenden und der Moderation offen.",
};

/**
 * GET /api/spotlights/export?<the board's parameters>: the filtered spotlights as a CSV download.
 * Refusals are German plain text with their status (401 signed out, 403 for readers).
 */
export async function spotlightExportResponse(actor: Actor | null, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const raw: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (raw[key] ??= []).push(value);
  try {
    const { fileName, csv } = await exportSpotlights(actor, parseSpotlightParams(raw));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return textRefusal(error, "spotlight export", messages);
  }
}
