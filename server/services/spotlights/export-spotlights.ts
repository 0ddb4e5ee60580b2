import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { berlinDay, formatGermanDay } from "../../schemas/calendar-day";
import { isSpotlightOverdue, spotlightReference, spotlightStatusLabels } from "../../schemas/spotlight-lifecycle";
import type { SpotlightBoardParams } from "../../schemas/spotlight-params";
import { germanExcelCsv } from "../export/spreadsheet-cells";
import { spotlightBoardState } from "./board-state";
import type { SpotlightDto } from "./dto";
import { listSpotlights } from "./list-spotlights";

/** The columns of the export, as the ministry's reporting names them. */
export const spotlightExportHeaders = [
  "Nummer",
  "Titel",
  "Status",
  "Arbeitsgruppen",
  "Vorgeschlagen von",
  "Kommune",
  "Vorgeschlagen am",
  "Problem",
  "Anliegen",
  "Mitzeichnende Kommunen (Anzahl)",
  "Mitzeichnende Kommunen",
  "Weitergeleitet an",
  "Ansprechperson",
  "Weitergeleitet am",
  "Frist",
  "Überfällig",
  "Beantwortet am",
  "Antwort (Text)",
  "Ablehnungsgrund",
] as const;

const day = (value: string | null) => (value ? formatGermanDay(value) : "");

/** The Markdown sources as the proposer and the moderator wrote them: plain text a spreadsheet shows as typed. */
interface Texts {
  problem: string;
  requestedAction: string;
  answer: string;
}

function exportRow(spotlight: SpotlightDto, texts: Texts, today: string): (string | number)[] {
  return [
    spotlightReference(spotlight.number),
    spotlight.title,
    spotlightStatusLabels[spotlight.status],
    spotlight.groups.map((group) => group.name).join(", "),
    // the export is internal: the proposer is named
    spotlight.proposer?.name ?? "",
    spotlight.proposerOrganisation,
    formatGermanDay(berlinDay(new Date(spotlight.createdAt))),
    texts.problem,
    texts.requestedAction,
    spotlight.cosigningMunicipalities.length,
    spotlight.cosigningMunicipalities.join(", "),
    spotlight.forwardedTo ?? "",
    spotlight.forwardedContact ?? "",
    day(spotlight.forwardedOn),
    day(spotlight.dueOn),
    isSpotlightOverdue(spotlight, today) ? "Ja" : "Nein",
    day(spotlight.answeredOn),
    texts.answer,
    spotlight.declineReason ?? "",
  ];
}

export interface SpotlightExport {
  fileName: string;
  /** UTF-8 with BOM, `;` between cells, CRLF between rows: what German Excel opens without asking */
  csv: string;
}

/** The board's filtered spotlights as CSV for the ministry's reporting, in the board's order. */
export async function exportSpotlights(actor: Actor | null, parsed: SpotlightBoardParams, tx: Tx = db()): Promise<SpotlightExport> {
  assertCan(actor, "spotlight.export");
  const { input } = await spotlightBoardState(actor, parsed, tx);
  const spotlights = await listSpotlights(actor, input, tx);
  const texts = new Map(
    (
      await tx.spotlight.findMany({ where: { id: { in: spotlights.map((s) => s.id) } }, select: { id: true, problem: true, requestedAction: true, answer: true } })
    ).map((row) => [row.id, { problem: row.problem, requestedAction: row.requestedAction, answer: row.answer ?? "" }]),
  );
  const today = berlinDay();
  const csv = germanExcelCsv(
    spotlightExportHeaders,
    spotlights.map((spotlight) => exportRow(spotlight, texts.get(spotlight.id)!, today)),
  );
  return { fileName: `spotlights-${today}.csv`, csv };
}
