import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import { event, rooms, type WithEvents } from "../../realtime/events";
import { publishResultSchema } from "../../schemas/results";
import { recordAudit } from "../audit/record-audit";
import { notify } from "../notifications/notify";
import { lockResultDocument } from "./document";
import { toVersionSummary, type ResultVersionSummaryDto } from "./dto";

export const versionLink = (number: number) => `/ergebnisse/versionen/${number}`;

/** What a version is made of: sections in order with title and text. */
const shape = (sections: { sectionId: string; title: string; markdown: string }[]) => JSON.stringify(sections.map((section) => [section.sectionId, section.title, section.markdown]));

/** Whether the draft's sections (order, titles, texts) differ from the version's; with no version, whether the draft has any text. */
export async function draftDiffersFromVersion(tx: Tx, versionNumber: number | null): Promise<boolean> {
  return (await draftChanges(tx, versionNumber)).differs;
}

/**
 * What publishing now would change against the version: whether anything does, and the titles of
 * the sections that are new, renamed or rewritten (moderation sees them before publishing).
 */
export async function draftChanges(tx: Tx, versionNumber: number | null): Promise<{ differs: boolean; sections: string[] }> {
  const draft = await tx.resultSection.findMany({ select: { id: true, title: true, markdown: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  if (versionNumber === null) {
    const written = draft.filter((section) => section.markdown.trim() !== "");
    return { differs: written.length > 0, sections: written.map((section) => section.title) };
  }
  const published = await tx.resultVersionSection.findMany({ where: { version: { number: versionNumber } }, select: { sectionId: true, title: true, markdown: true }, orderBy: { position: "asc" } });
  const before = new Map(published.map((section) => [section.sectionId, section]));
  const sections = draft.filter((section) => before.get(section.id)?.markdown !== section.markdown || before.get(section.id)?.title !== section.title).map((section) => section.title);
  return { differs: shape(draft.map((section) => ({ sectionId: section.id, title: section.title, markdown: section.markdown }))) !== shape(published), sections };
}

/**
 * Copies the draft as saved now into a new version: each section's title, text and HTML, and the
 * draft's citations, frozen with the version.
 */
export async function freezeVersion(tx: Tx, data: { number: number; note: string; publishedById: string; publishedAt?: Date }) {
  const sections = await tx.resultSection.findMany({
    select: { id: true, title: true, markdown: true, html: true, renderVersion: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  const version = await tx.resultVersion.create({
    data: {
      ...data,
      sections: {
        create: sections.map((section, position) => ({ sectionId: section.id, title: section.title, position, markdown: section.markdown, html: section.html, renderVersion: section.renderVersion })),
      },
    },
    select: { id: true, number: true, note: true, publishedAt: true, publishedBy: { select: { id: true, name: true, organisation: true } } },
  });
  const citations = await tx.resultCitation.findMany({
    where: { versionId: null, sectionId: { in: sections.map((section) => section.id) } },
    select: { sectionId: true, kind: true, sourceId: true, threadId: true, label: true, href: true, position: true },
  });
  if (citations.length) await tx.resultCitation.createMany({ data: citations.map((citation) => ({ ...citation, versionId: version.id })) });
  return version;
}

/**
 * Publishes the draft as it is saved now: an immutable version numbered one after the latest, with
 * the publisher, date and change note, each section's text, HTML and sources frozen. Refused when
 * nothing changed since the latest version. Everyone is told (readers above all), and it is audited.
 */
export async function publishResultVersion(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ResultVersionSummaryDto>> {
  assertCan(actor, "results.publish");
  const { note } = publishResultSchema.parse(rawInput);
  return db()
    .$transaction(async (tx) => {
      await lockResultDocument(tx);
      const latest = await tx.resultVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
      if (!(await draftDiffersFromVersion(tx, latest?.number ?? null))) throw new AppError("NOTHING_TO_PUBLISH");
      const version = await freezeVersion(tx, { number: (latest?.number ?? 0) + 1, note, publishedById: actor.id });
      const number = version.number;
      await recordAudit(tx, actor, "results.publishVersion", { type: "resultVersion", id: version.id }, { number, note });
      const summary = toVersionSummary(version, true);
      const everyone = await tx.user.findMany({ where: { deactivatedAt: null }, select: { id: true } });
      const notifications = await notify(tx, [
        {
          kind: "RESULT_PUBLISHED",
          recipientIds: everyone.map((user) => user.id),
          actorId: actor.id,
          title: `Ergebnisdokument, Version ${number}`,
          excerpt: note,
          link: versionLink(number),
          readAction: "results.read",
        },
      ]);
      return { result: summary, events: [event(rooms.results, "results.published", { version: summary }), ...notifications] };
    })
    .catch((error: unknown) => {
      // two publishers at once: the number is taken, the second is refused without a half version
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Gerade wurde eine andere Version veröffentlicht. Bitte laden Sie die Seite neu und prüfen Sie, ob noch etwas zu veröffentlichen ist.");
      throw error;
    });
}
