import { createHash } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../../../auth/policy";
import { db } from "../../../db";
import { exportFormats, resultVersionSchema, type ExportFormat } from "../../../schemas/results";
import { sourcesForViewer } from "../citations";
import { assertCanReadResults } from "../read-access";
import { readVersion } from "../versions";
import { renderDocx } from "./export-docx";
import { renderMarkdown } from "./export-markdown";
import { renderPdf } from "./export-pdf";
import { exportFileName, linkUrlFor, type ExportDocument } from "./model";

export const exportResultVersionSchema = resultVersionSchema.extend({
  format: z.enum(exportFormats, { message: "Dieses Format gibt es für das Ergebnisdokument nicht. Möglich sind PDF, DOCX und Markdown." }),
});

export interface ResultVersionExport {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const contentTypes: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
};

/**
 * A published version as a file: whoever may read the results (visitors only while the document is
 * public), with the sources as this viewer may open them (no internal links for readers and visitors).
 */
export async function exportResultVersion(actor: Actor | null, rawInput: unknown): Promise<ResultVersionExport> {
  const resultDocument = await assertCanReadResults(actor);
  const { number, format } = exportResultVersionSchema.parse(rawInput);
  const document = await db().$transaction(async (tx): Promise<ExportDocument> => {
    const version = await readVersion(tx, number);
    const sources = await sourcesForViewer(tx, actor, version.citations);
    const sections = version.sections.map((section) => ({ sectionId: section.sectionId, title: section.title, markdown: section.markdown, sources: sources.get(section.sectionId) ?? [] }));
    return {
      title: resultDocument.title,
      number: version.number,
      note: version.note,
      publishedAt: version.publishedAt,
      sections,
      linkUrl: linkUrlFor(sections.flatMap((section) => section.sources)),
    };
  });
  return { fileName: exportFileName(number, format), contentType: contentTypes[format], body: await rendered(document, format) };
}

/**
 * Published versions never change, and a PDF takes a second or two of the one event loop that also
 * serves the sockets: the last few files made are kept, keyed by everything that goes into them (the
 * viewer's sources included, so a reader never gets a participant's file).
 */
const CACHED_FILES = 12;
const cache = new Map<string, Promise<Buffer>>();

function rendered(document: ExportDocument, format: ExportFormat): Promise<Buffer> {
  const key = createHash("sha256")
    .update(JSON.stringify({ format, document, links: document.sections.flatMap((section) => section.sources.map((source) => source.href)) }))
    .digest("hex");
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const made = (async () => (format === "pdf" ? renderPdf(document) : format === "docx" ? renderDocx(document) : Buffer.from(renderMarkdown(document), "utf8")))();
  cache.set(key, made);
  made.catch(() => cache.delete(key));
  while (cache.size > CACHED_FILES) cache.delete(cache.keys().next().value!);
  return made;
}
