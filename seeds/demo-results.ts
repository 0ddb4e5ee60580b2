import type { Tx } from "../server/db";
import { ozgPriorityLabels, type OzgPriority } from "../server/schemas/ozg";
import { storeDraftCitations } from "../server/services/results/citations";
import { anchorQuote } from "../server/services/results/comments";
import { RESULT_DOCUMENT_TITLE } from "../server/services/results/document";
import { freezeVersion } from "../server/services/results/publish-version";
import { renderCommentForStorage, renderSectionForStorage, sectionBlocks } from "../server/services/results/render-section";

const DAY = 24 * 60 * 60 * 1000;
const MODERATOR = "moderation@gdst.example";

/** Links to what the demo discussed, as the editor's source picker writes them, and the demo's OZG figures. */
interface Sources {
  thread(title: string): string;
  spotlight(titleStart: string): string;
  /** Markdown rows "| 1 hoch | services | of them done |" from the seeded OZG status, so the report agrees with /ozg */
  ozgPriorityRows: string;
}

/** The published version 1: the interim report after the first year, one section per working group. */
const version1 = (source: Sources) => [
  {
    title: "Gesamtbild und Empfehlungen",
    group: null,
    markdown: `Gemeinsam Digital für Sachsen-Anhalt (GDST) bringt seit einem Jahr Kommunen und Landesverwaltung an einen Tisch. Dieser Zwischenbericht fasst zusammen, was die vier Arbeitsgruppen erarbeitet haben, und richtet sich an die Ressorts, die kommunalen Spitzenverbände und alle Mitglieder.

## Die wichtigsten Empfehlungen

1. **Nachnutzen statt neu bauen:** EfA-Leistungen anderer Länder werden übernommen, wo sie die Anforderungen der Kommunen erfüllen.
2. **Verbindliche Schnittstellen:** FIT-Connect wird der Übermittlungsweg zwischen Landesportal und Fachverfahren.
3. **Finanzierung klären:** Anbindungs- und Betriebskosten der Kommunen brauchen eine verlässliche Landesförderung.
4. **Menschen befähigen:** Jede Kommune benennt Digitallotsinnen oder Digitallotsen und bildet sie fort.

Die Empfehlungen beruhen auf den Diskussionen der Arbeitsgruppen und den Spotlights, die an die Ressorts weitergeleitet wurden. Die Quellen sind unter jedem Abschnitt genannt.`,
  },
  {
    title: "Strategie – Was soll gemacht werden?",
    group: "strategie",
    markdown: `Die Arbeitsgruppe Strategie hat die Leistungen des OZG-Katalogs danach geordnet, wie oft Bürgerinnen, Bürger und Unternehmen sie in Sachsen-Anhalts Kommunen nutzen und wie weit ihre Umsetzung ist.

## Schwerpunkte bis Ende des Programms

- die 20 meistgenutzten kommunalen Leistungen auf Reifegrad 3 bringen (vollständig digital, ohne Medienbruch),
- die 16 Fokusleistungen des Bundes vorrangig einführen,
- Once-Only dort umsetzen, wo Register schon angebunden sind – zuerst bei der Meldebescheinigung.

Grundlage: [Once-Only für Meldebescheinigungen](${source.spotlight("Once-Only für Meldebescheinigungen")}) und [Einheitliches Antragsmanagement](${source.spotlight("Einheitliches Antragsmanagement")}).

| Priorität | Leistungen | davon umgesetzt |
|---|---|---|
${source.ozgPriorityRows}`,
  },
  {
    title: "Organisation – Wer soll es machen?",
    group: "organisation",
    markdown: `Die Arbeitsgruppe Organisation empfiehlt eine klare Arbeitsteilung: Das Land stellt Plattform, Basisdienste und Verträge zur Nachnutzung bereit, die Kommunen binden ihre Fachverfahren an und führen die Leistungen vor Ort ein.

Kleine Gemeinden können das nicht allein leisten. Verwaltungsgemeinschaften und Landkreise sollen Anbindungen gebündelt übernehmen; die Kosten werden nach Einwohnerzahl geteilt.

Für die Qualifizierung schlägt die Arbeitsgruppe ein landesweites Fortbildungsprogramm für Digitallotsinnen und Digitallotsen vor. Grundlage: [Qualifizierung kommunaler Digitallotsen](${source.spotlight("Qualifizierung kommunaler Digitallotsen")}).`,
  },
  {
    title: "Umsetzung – Wie soll es gemacht werden?",
    group: "umsetzung",
    markdown: `Die Arbeitsgruppe Umsetzung hat die Einführung der E-Akte und der digitalen Baugenehmigung begleitet. Zwei Erfahrungen ziehen sich durch alle Berichte:

- Ein fester Zeitplan mit Pilotkommunen wirkt: wer früh beginnt, hilft den Nachfolgenden mit Mustern und Schulungsunterlagen.
- Die Fachverfahren sind der Engpass, nicht die Online-Formulare. Ohne Anbindung endet der digitale Antrag als Ausdruck.

Grundlage: [Zeitplan für die Einführung der E-Akte](${source.thread("Zeitplan für die Einführung der E-Akte in den Kommunen")}) und [Erfahrungen mit der digitalen Baugenehmigung](${source.thread("Digitale Baugenehmigung: Erfahrungen mit Bauanträgen über das Landesportal")}).`,
  },
  {
    title: "Technik – Womit soll es gemacht werden?",
    group: "technik",
    markdown: `Die Arbeitsgruppe Technik hat die Anbindung der kommunalen Fachverfahren an das Landesportal untersucht. Die meisten Kommunen nutzen bereits das Servicekonto; beim Übermittlungsweg gibt es noch viele Einzellösungen.

## Empfehlungen

- FIT-Connect als verbindlicher Übermittlungsweg für alle neuen Anbindungen,
- ein gemeinsames XDOMEA-Profil für die Übergabe an die E-Akte,
- die BundID-Anbindung der Fachverfahren einheitlich regeln.

Grundlage: [Vorstellungsrunde der AG Technik](${source.thread("Vorstellungsrunde: Wo steht Ihre Kommune bei der Anbindung?")}) und [FIT-Connect als verbindlichen Übermittlungsweg](${source.spotlight("Schnittstelle Fachverfahren")}).`,
  },
];

/** What moderation has changed since version 1, not yet published. */
const draftChanges = (source: Sources): Record<string, string> => ({
  "Technik – Womit soll es gemacht werden?": `Die Arbeitsgruppe Technik hat die Anbindung der kommunalen Fachverfahren an das Landesportal untersucht. Fast alle Kommunen nutzen inzwischen das Servicekonto; beim Übermittlungsweg gibt es noch viele Einzellösungen, die schrittweise abgelöst werden.

## Empfehlungen

- FIT-Connect als verbindlicher Übermittlungsweg für alle neuen Anbindungen, bestehende Einzellösungen bis Ende 2027 umstellen,
- ein gemeinsames XDOMEA-Profil für die Übergabe an die E-Akte,
- die BundID-Anbindung der Fachverfahren einheitlich regeln,
- eine Checkliste für die Anbindung, die jede Kommune nutzen kann.

Grundlage: [Vorstellungsrunde der AG Technik](${source.thread("Vorstellungsrunde: Wo steht Ihre Kommune bei der Anbindung?")}), [FIT-Connect als verbindlichen Übermittlungsweg](${source.spotlight("Schnittstelle Fachverfahren")}) und [Servicekonto: BundID-Anbindung](${source.spotlight("Servicekonto: BundID-Anbindung")}).`,
});

async function ozgPriorityRows(tx: Tx): Promise<string> {
  const priorities = [1, 2, 3] as const satisfies readonly OzgPriority[];
  const [all, done] = await Promise.all([
    tx.ozgService.groupBy({ by: ["priority"], where: { priority: { in: [...priorities] } }, _count: { _all: true } }),
    tx.ozgService.groupBy({ by: ["priority"], where: { priority: { in: [...priorities] }, phase: "DONE" }, _count: { _all: true } }),
  ]);
  const count = (rows: typeof all, priority: number) => rows.find((row) => row.priority === priority)?._count._all ?? 0;
  return priorities.map((priority) => `| ${ozgPriorityLabels[priority]} | ${count(all, priority)} | ${count(done, priority)} |`).join("\n");
}

/**
 * The results document of the demo: version 1 published a month ago (the interim report, one section
 * per working group and the overall part, citing the demo's threads and spotlights), and a draft in
 * progress with a changed Technik section, an open comment on one of its paragraphs and a resolved one.
 */
export async function seedDemoResults(tx: Tx, users: Map<string, string>): Promise<void> {
  if (await tx.resultSection.count()) return;
  const moderatorId = users.get(MODERATOR)!;
  const groups = new Map((await tx.workingGroup.findMany({ select: { id: true, slug: true } })).map((group) => [group.slug, group.id]));
  const threads = await tx.thread.findMany({ select: { id: true, title: true, group: { select: { slug: true } } } });
  const spotlights = await tx.spotlight.findMany({ select: { id: true, title: true } });
  const source: Sources = {
    thread: (title) => {
      const thread = threads.find((row) => row.title === title);
      return thread ? `/arbeitsgruppen/${thread.group.slug}/themen/${thread.id}` : "/arbeitsgruppen";
    },
    spotlight: (titleStart) => {
      const spotlight = spotlights.find((row) => row.title.startsWith(titleStart));
      return spotlight ? `/spotlights/${spotlight.id}` : "/spotlights";
    },
    ozgPriorityRows: await ozgPriorityRows(tx),
  };
  const now = Date.now();
  const publishedAt = new Date(now - 30 * DAY);
  await tx.resultDocument.upsert({ where: { id: 1 }, create: { id: 1, title: RESULT_DOCUMENT_TITLE }, update: {} });

  const sectionIds = new Map<string, string>();
  for (const [position, section] of version1(source).entries()) {
    const id = crypto.randomUUID();
    sectionIds.set(section.title, id);
    await tx.resultSection.create({
      data: {
        id,
        title: section.title,
        position,
        groupId: section.group ? groups.get(section.group)! : null,
        markdown: section.markdown,
        ...renderSectionForStorage(id, section.markdown),
        revision: 1,
        updatedById: moderatorId,
        updatedAt: new Date(publishedAt.getTime() - DAY),
        createdAt: new Date(publishedAt.getTime() - 20 * DAY),
      },
    });
    await storeDraftCitations(tx, id, section.markdown);
  }
  await freezeVersion(tx, {
    number: 1,
    note: "Zwischenbericht nach dem ersten Programmjahr: Empfehlungen aller vier Arbeitsgruppen, abgestimmt in der Plenumssitzung.",
    publishedById: moderatorId,
    publishedAt,
  });

  for (const [title, markdown] of Object.entries(draftChanges(source))) {
    const id = sectionIds.get(title)!;
    await tx.resultSection.update({
      where: { id },
      data: { markdown, ...renderSectionForStorage(id, markdown), revision: 2, updatedById: moderatorId, updatedAt: new Date(now - 2 * DAY) },
    });
    await storeDraftCitations(tx, id, markdown);
  }

  const technikId = sectionIds.get("Technik – Womit soll es gemacht werden?")!;
  const technikBlocks = sectionBlocks(draftChanges(source)["Technik – Womit soll es gemacht werden?"]!);
  const comments = [
    {
      author: "teilnehmerin@gdst.example",
      block: 2,
      body: "Bis Ende 2027 ist für kleine Gemeinden sehr knapp: Unser Fachverfahrenshersteller bietet FIT-Connect erst ab dem zweiten Quartal 2027 an. Können wir **Mitte 2028** schreiben oder eine Übergangsregel aufnehmen?",
      daysAgo: 1,
      resolved: false,
    },
    {
      author: "teilnehmer@gdst.example",
      block: null,
      body: "Danke für die Überarbeitung. Die Checkliste aus unserer Arbeitsgruppe sollte verlinkt werden, damit andere Kommunen sie finden.",
      daysAgo: 2,
      resolved: true,
    },
  ];
  for (const comment of comments) {
    const id = crypto.randomUUID();
    const createdAt = new Date(now - comment.daysAgo * DAY);
    await tx.resultComment.create({
      data: {
        id,
        sectionId: technikId,
        authorId: users.get(comment.author)!,
        anchorBlock: comment.block,
        anchorText: comment.block === null ? null : anchorQuote(technikBlocks[comment.block]!.text),
        body: comment.body,
        ...renderCommentForStorage(id, comment.body),
        createdAt,
        ...(comment.resolved ? { resolvedAt: new Date(createdAt.getTime() + 3 * 60 * 60 * 1000), resolvedById: moderatorId } : {}),
      },
    });
  }
}
