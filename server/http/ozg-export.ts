import type { Actor } from "../auth/policy";
import type { AppErrorCode } from "../errors";
import { parseOzgTableParams } from "../schemas/ozg-params";
import { exportOzgServices, type OzgExportFormat } from "../services/ozg/export-services";
import { textRefusal } from "./refusal";

const messages: Partial<Record<AppErrorCode, string>> = {
  UNAUTHORIZED: "Bitte melden Sie sich an, um die OZG-Leistungen zu exportieren.",
  FORBIDDEN: "Der Export der OZG-Leistungen steht Ihnen nicht offen.",
};

/**
 * GET /api/ozg/export.csv|xlsx?<the table's parameters>: the filtered, sorted services (all pages) as
 * a download. Garbage parameters give the nearest valid export; refusals are German plain text.
 */
export async function ozgExportResponse(actor: Actor | null, request: Request, format: OzgExportFormat): Promise<Response> {
  const url = new URL(request.url);
  const raw: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (raw[key] ??= []).push(value);
  try {
    const { fileName, contentType, body } = await exportOzgServices(actor, parseOzgTableParams(raw), format);
    return new Response(typeof body === "string" ? body : new Uint8Array(body), {
      headers: {
        "Content-Type": contentType,
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return textRefusal(error, "ozg export", messages);
  }
}
