import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { Actor } from "../auth/policy";
import { appErrors, toAppError } from "../errors";
import { log } from "../log";
import { parseSpotlightParams } from "../schemas/spotlight-params";
import { exportSpotlights } from "../services/spotlights/export-spotlights";

const messages: Partial<Record<keyof typeof appErrors, string>> = {
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
    const appError = toAppError(error);
    const status = getHTTPStatusCodeFromError(new TRPCError({ code: appErrors[appError.code].trpc }));
    if (status < 500) log().info({ code: appError.code }, "spotlight export refused");
    return new Response(messages[appError.code] ?? appError.message, {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}
