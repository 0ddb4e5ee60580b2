import type { Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { resultVersionSchema } from "../../schemas/results";
import { citationSelect, htmlForViewer, sourcesForViewer } from "./citations";
import { personSelect, toVersionSummary, type ResultVersionDto, type ResultVersionSummaryDto } from "./dto";
import { assertCanReadResults } from "./read-access";

export const summarySelect = { number: true, note: true, publishedAt: true, publishedBy: { select: personSelect } } as const;

/** Every published version, newest first. */
export async function listResultVersions(actor: Actor | null): Promise<ResultVersionSummaryDto[]> {
  await assertCanReadResults(actor);
  const rows = await db().resultVersion.findMany({ select: summarySelect, orderBy: { number: "desc" } });
  return rows.map((row) => toVersionSummary(row, !!actor));
}

/** A published version with its sections and their sources as this viewer may open them. */
export async function getResultVersion(actor: Actor | null, rawInput: unknown): Promise<ResultVersionDto> {
  const { number } = resultVersionSchema.parse(rawInput);
  return (await readForViewer(actor, number))!;
}

/** The latest published version; null while nothing is published. */
export async function getLatestResultVersion(actor: Actor | null): Promise<ResultVersionDto | null> {
  return readForViewer(actor, null);
}

async function readForViewer(actor: Actor | null, number: number | null): Promise<ResultVersionDto | null> {
  const document = await assertCanReadResults(actor);
  return db().$transaction(async (tx) => {
    const latest = await tx.resultVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
    if (!latest) {
      if (number !== null) throw new AppError("VERSION_NOT_FOUND");
      return null;
    }
    const version = await readVersion(tx, number ?? latest.number);
    const sources = await sourcesForViewer(tx, actor, version.citations);
    return {
      ...toVersionSummary(version, !!actor),
      title: document.title,
      latestNumber: latest.number,
      sections: version.sections.map((section) => {
        const sectionSources = sources.get(section.sectionId) ?? [];
        return { sectionId: section.sectionId, title: section.title, position: section.position, html: htmlForViewer(section.html, sectionSources), sources: sectionSources };
      }),
    };
  });
}

/** A version's sections with Markdown, for exports and comparisons. */
export async function readVersion(tx: Tx, number: number) {
  const version = await tx.resultVersion.findUnique({
    where: { number },
    select: {
      ...summarySelect,
      sections: { select: { sectionId: true, title: true, position: true, markdown: true, html: true }, orderBy: { position: "asc" } },
      citations: { select: citationSelect, orderBy: { position: "asc" } },
    },
  });
  if (!version) throw new AppError("VERSION_NOT_FOUND");
  return version;
}
