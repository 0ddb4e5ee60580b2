import { formatBerlinShortDate } from "@/server/schemas/berlin-time";
import type { ResultVersionSummaryDto } from "@/server/services/results/dto";

export const versionHref = (number: number) => `/ergebnisse/versionen/${number}`;
export const compareHref = (from: number, to: number) => `/ergebnisse/vergleich?von=${from}&zu=${to}`;
export const exportHref = (number: number, format: "pdf" | "docx" | "md") => `/api/ergebnisse/versionen/${number}/${format}`;
export const sectionAnchor = (sectionId: string) => `abschnitt-${sectionId}`;

/** "27.10.2026": short enough for the version lists and the selects on a phone */
export const versionDate = (version: Pick<ResultVersionSummaryDto, "publishedAt">) => formatBerlinShortDate(new Date(version.publishedAt));

/** "Version 2 vom 12.11.2026, veröffentlicht von Name (Organisation)"; visitors do not see who published. */
export function versionLine(version: ResultVersionSummaryDto): string {
  const by = version.publishedBy ? `, veröffentlicht von ${version.publishedBy.name} (${version.publishedBy.organisation})` : "";
  return `Version ${version.number} vom ${versionDate(version)}${by}`;
}
