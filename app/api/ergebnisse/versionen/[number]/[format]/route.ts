import { actorFromCookieHeader } from "@/server/auth/session";
import type { AppErrorCode } from "@/server/errors";
import { textRefusal } from "@/server/http/refusal";
import { exportFormats, parseVersionParam, type ExportFormat } from "@/server/schemas/results";
import { exportResultVersion } from "@/server/services/results/export/export-version";

export const dynamic = "force-dynamic";

const messages: Partial<Record<AppErrorCode, string>> = {
  UNAUTHORIZED: "Bitte melden Sie sich an, um das Ergebnisdokument herunterzuladen.",
  FORBIDDEN: "Das Ergebnisdokument steht Ihnen nicht zum Herunterladen offen.",
};

const notFound = (message: string) =>
  new Response(message, { status: 404, headers: { "Cache-Control": "private, no-store", "Content-Type": "text/plain; charset=utf-8" } });

/**
 * GET /api/ergebnisse/versionen/<number>/pdf|docx|md: a published version as a download, for whoever
 * may read the results. Refusals are German plain text, never a server error.
 */
export async function GET(request: Request, { params }: { params: Promise<{ number: string; format: string }> }) {
  const { number: rawNumber, format: rawFormat } = await params;
  const number = parseVersionParam(rawNumber);
  if (number === null) return notFound("Diese Version des Ergebnisdokuments gibt es nicht.");
  if (!(exportFormats as readonly string[]).includes(rawFormat)) return notFound("Dieses Format gibt es für das Ergebnisdokument nicht. Möglich sind PDF, DOCX und Markdown (md).");
  try {
    const file = await exportResultVersion(await actorFromCookieHeader(request.headers.get("cookie")), { number, format: rawFormat as ExportFormat });
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Content-Length": String(file.body.length),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return textRefusal(error, "results export", messages);
  }
}
