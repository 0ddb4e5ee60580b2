import { hashPassword } from "../server/auth/password";
import type { Tx } from "../server/db";
import { berlinDay } from "../server/schemas/calendar-day";
import { spotlightReference, type SpotlightStatus } from "../server/schemas/spotlight-lifecycle";
import { renderForStorage } from "../server/services/posts/markdown";
import { renderSpotlightTexts, spotlightOpeningPost } from "../server/services/spotlights/render-spotlight";
import { createUser } from "../server/services/users/create-user";

/**
 * Colleagues of further municipalities who co-sign the demo spotlights, so the figure shown is a
 * number of distinct municipalities. Addresses of their own (no demo account of the README has them).
 */
export const demoCosigners = [
  { email: "jana.krueger@gdst.example", name: "Jana Krüger", organisation: "Stadt Halberstadt" },
  { email: "katrin.vogel@gdst.example", name: "Katrin Vogel", organisation: "Stadt Dessau-Roßlau" },
  { email: "uwe.hartmann@gdst.example", name: "Uwe Hartmann", organisation: "Hansestadt Stendal" },
  { email: "frank.boehme@gdst.example", name: "Frank Böhme", organisation: "Landkreis Mansfeld-Südharz" },
  { email: "petra.neumann@gdst.example", name: "Petra Neumann", organisation: "Stadt Naumburg (Saale)" },
] as const;

const MODERATOR = "moderation@gdst.example";
const THOMAS = "teilnehmer@gdst.example";
const SABINE = "teilnehmerin@gdst.example";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

interface Step {
  to: Exclude<SpotlightStatus, "PROPOSED">;
  /** days before today, and the hour (UTC) it happened */
  daysAgo: number;
  hour?: number;
  comment: string;
}

interface DemoSpotlight {
  title: string;
  groups: string[];
  proposer: string;
  proposedDaysAgo: number;
  problem: string;
  requestedAction: string;
  affectedMunicipalities?: string[];
  /** the demo thread it was raised in, by title */
  sourceThreadTitle?: string;
  cosigners: string[];
  steps: Step[];
  forwarded?: { to: string; contact: string; dueInDays: number | null };
  answer?: string;
  declineReason?: string;
  replies?: { author: string; daysAgo: number; body: string }[];
}

/**
 * The spotlights of the demo: one in every status, over the past five months, with the questions the
 * working groups actually discuss.
 */
const spotlights: DemoSpotlight[] = [
  {
    title: "Once-Only für Meldebescheinigungen: Meldedaten direkt aus dem Register statt Papiernachweis",
    groups: ["umsetzung", "technik"],
    proposer: SABINE,
    proposedDaysAgo: 150,
    problem:
      "Für Wohngeld, BAföG, Elterngeld und viele weitere Anträge verlangen die Fachverfahren noch immer eine **Meldebescheinigung**. Die Bürgerinnen und Bürger holen sie im Bürgerbüro ab (oder laden sie gegen Gebühr herunter), nur damit die nächste Behörde sie wieder einscannt.\n\nDie Daten liegen im Melderegister bereits vor. In Wernigerode stellen wir allein dafür rund 2.400 Bescheinigungen im Jahr aus.",
    requestedAction:
      "Das Ministerium für Inneres und Sport möge klären, unter welchen Voraussetzungen die Fachverfahren der Kommunen Meldedaten nach dem **Once-Only-Prinzip** über die Datenübermittlung nach § 34 BMG abrufen dürfen, und eine landesweite Handreichung dazu herausgeben.",
    affectedMunicipalities: ["Stadt Wernigerode", "Gemeinde Hohe Börde", "Stadt Halberstadt"],
    cosigners: [SABINE, THOMAS, "jana.krueger@gdst.example", "katrin.vogel@gdst.example", "uwe.hartmann@gdst.example"],
    steps: [
      { to: "IN_REVIEW", daysAgo: 146, comment: "Danke! Wir prüfen, ob das Thema bereits in der Bund-Länder-Arbeitsgruppe Registermodernisierung liegt." },
      { to: "PROMOTED", daysAgo: 139, comment: "In der Sitzung der AG Umsetzung als Spotlight aufgenommen; fünf Kommunen haben mitgezeichnet." },
      { to: "FORWARDED", daysAgo: 131, comment: "Mit der Bitte um Stellungnahme an das Referat Meldewesen weitergeleitet." },
      { to: "ANSWERED", daysAgo: 84, comment: "Die Antwort des Ministeriums liegt vor und ist unten erfasst." },
      { to: "CLOSED", daysAgo: 62, comment: "Die Handreichung wurde in der AG Umsetzung vorgestellt. Offene Einzelfragen klären wir im Diskussionsthema." },
    ],
    forwarded: { to: "Ministerium für Inneres und Sport", contact: "Referat 23 – Meldewesen, Frau Dr. Adler", dueInDays: 60 },
    answer:
      "Das Ministerium für Inneres und Sport teilt die Einschätzung der Arbeitsgruppe. Der Abruf von Meldedaten durch die Fachverfahren ist nach § 34 Abs. 1 BMG in Verbindung mit der Meldedatenübermittlungsverordnung des Landes bereits heute zulässig, soweit die Daten zur Erfüllung der jeweiligen Aufgabe erforderlich sind.\n\nDas Ministerium hat daher eine **Handreichung „Meldedaten statt Meldebescheinigung“** erstellt, die die Rechtsgrundlagen, die technischen Anschlusswege über das Landesportal und Musterformulierungen für die Antragsformulare enthält. Die Handreichung wird allen Kommunen mit dem nächsten Rundschreiben übersandt.\n\nFür Rückfragen steht Referat 23 zur Verfügung.",
  },
  {
    title: "Finanzierung der EfA-Nachnutzung: Landesmittel für die Anbindungs- und Betriebskosten der Kommunen",
    groups: ["strategie"],
    proposer: THOMAS,
    proposedDaysAgo: 121,
    problem:
      "Die EfA-Leistungen („Einer für Alle“) sind für die Länder entwickelt, die Kosten der Nachnutzung landen aber zu einem guten Teil bei den Kommunen: Anbindung der Fachverfahren, Anpassung der Prozesse, laufende Betriebs- und Lizenzkosten.\n\nKleine Gemeinden wie Hohe Börde können diese Kosten im Haushalt kaum darstellen – mit der Folge, dass fertige Online-Dienste bei uns nicht ankommen.",
    requestedAction:
      "Das Ministerium der Finanzen wird gebeten, gemeinsam mit dem Ministerium für Infrastruktur und Digitales ein Finanzierungsmodell für die kommunale Nachnutzung von EfA-Leistungen vorzulegen, mindestens für die einmaligen Anbindungskosten.",
    cosigners: [THOMAS, SABINE, "frank.boehme@gdst.example", "petra.neumann@gdst.example", "uwe.hartmann@gdst.example", "katrin.vogel@gdst.example"],
    steps: [
      { to: "IN_REVIEW", daysAgo: 118, comment: "Wird in der AG Strategie besprochen." },
      { to: "PROMOTED", daysAgo: 109, comment: "Breite Unterstützung: sechs Kommunen zeichnen mit. Als Spotlight aufgenommen." },
      { to: "FORWARDED", daysAgo: 101, comment: "An das Ministerium der Finanzen weitergeleitet; das Ministerium für Infrastruktur und Digitales ist beteiligt." },
      { to: "ANSWERED", daysAgo: 33, comment: "Antwort des Ministeriums der Finanzen erfasst." },
    ],
    forwarded: { to: "Ministerium der Finanzen", contact: "Referat 41 – Kommunaler Finanzausgleich, Herr Brandt", dueInDays: 63 },
    answer:
      "Das Ministerium der Finanzen hat das Anliegen gemeinsam mit dem Ministerium für Infrastruktur und Digitales geprüft.\n\n1. Im Entwurf des Doppelhaushalts 2027/2028 sind Mittel für die Nachnutzung von EfA-Leistungen vorgesehen. Aus ihnen sollen die **einmaligen Anbindungskosten** der Kommunen an das Landesportal pauschal je Leistung erstattet werden. Die Förderrichtlinie wird derzeit mit den kommunalen Spitzenverbänden abgestimmt.\n2. **Laufende Betriebs- und Lizenzkosten** können nach derzeitigem Stand nicht aus Landesmitteln übernommen werden. Das Land setzt sich im IT-Planungsrat für eine bundesweit einheitliche Kostenverteilung ein.\n\nDie Förderrichtlinie soll den Kommunen im ersten Quartal in einer Sitzung der Arbeitsgruppe Strategie vorgestellt werden.",
  },
  {
    title: "Servicekonto: BundID-Anbindung der kommunalen Fachverfahren einheitlich regeln",
    groups: ["technik"],
    proposer: THOMAS,
    proposedDaysAgo: 96,
    problem:
      "Seit der Umstellung des Servicekontos auf die **BundID** binden die Kommunen ihre Fachverfahren einzeln an – jede mit eigenem Vertrag mit dem Hersteller, eigener Testumgebung und eigenen Fragen zu Vertrauensniveau und Postfach.\n\nIn der AG Technik haben vier Kommunen berichtet, dass sie für dieselbe Anbindung jeweils mehrere Wochen gebraucht haben.",
    requestedAction:
      "Das Ministerium für Infrastruktur und Digitales möge eine landesweite Referenzanbindung (Konfiguration, Testfälle, Vertragsmuster) für die BundID bereitstellen und mit den großen Fachverfahrensherstellern abstimmen.",
    cosigners: [THOMAS, SABINE, "jana.krueger@gdst.example", "frank.boehme@gdst.example"],
    steps: [
      { to: "IN_REVIEW", daysAgo: 92, comment: "Wir sammeln die Erfahrungen der Kommunen im Diskussionsthema." },
      { to: "PROMOTED", daysAgo: 85, comment: "Als Spotlight aufgenommen." },
      { to: "FORWARDED", daysAgo: 76, comment: "An das Referat Portalverbund weitergeleitet, mit der Bitte um eine Rückmeldung binnen zwei Monaten." },
    ],
    forwarded: { to: "Ministerium für Infrastruktur und Digitales", contact: "Referat 52 – Portalverbund und Servicekonto, Herr Lindner", dueInDays: 62 },
    replies: [
      { author: SABINE, daysAgo: 20, body: "Gibt es schon einen Zwischenstand? Unser Hersteller verweist weiter auf „die Vorgaben des Landes“." },
      { author: MODERATOR, daysAgo: 19, body: "Ich habe beim Referat nachgefragt: Die Referenzanbindung ist in Arbeit, die Rückmeldung verzögert sich. Ich halte Sie hier auf dem Laufenden." },
    ],
  },
  {
    title: "Schnittstelle Fachverfahren ↔ Landesportal: FIT-Connect als verbindlichen Übermittlungsweg festlegen",
    groups: ["technik", "umsetzung"],
    proposer: SABINE,
    proposedDaysAgo: 61,
    problem:
      "Anträge aus dem Landesportal erreichen unsere Fachverfahren auf drei verschiedenen Wegen: als E-Mail mit PDF, über ein Postfach im OSCI-Verfahren oder über FIT-Connect. Jeder Weg braucht eigene Pflege, und beim E-Mail-Weg tippen Sachbearbeitende die Daten ab.",
    requestedAction:
      "Das Land möge **FIT-Connect** als verbindlichen Übermittlungsweg zwischen Landesportal und kommunalen Fachverfahren festlegen und einen Zeitplan für das Abschalten des E-Mail-Wegs vorlegen.",
    cosigners: [SABINE, THOMAS, "katrin.vogel@gdst.example"],
    steps: [
      { to: "IN_REVIEW", daysAgo: 57, comment: "Danke, das passt zur Standardisierung, die die AG Technik ohnehin vorbereitet." },
      { to: "PROMOTED", daysAgo: 49, comment: "Als Spotlight aufgenommen." },
      { to: "FORWARDED", daysAgo: 41, comment: "Weitergeleitet; das Referat prüft die Abstimmung mit den Fachverfahrensherstellern." },
    ],
    forwarded: { to: "Ministerium für Infrastruktur und Digitales", contact: "Referat 51 – E-Government-Infrastruktur, Frau Schreiber", dueInDays: 75 },
  },
  {
    title: "Qualifizierung kommunaler Digitallotsen: ein landesweites Fortbildungsprogramm",
    groups: ["organisation", "strategie"],
    proposer: SABINE,
    proposedDaysAgo: 31,
    problem:
      "Die Digitallotsen in den Kommunen sollen Fachbereiche bei der Umstellung auf Online-Dienste begleiten. Eine gemeinsame Qualifizierung gibt es nicht: Jede Kommune schult selbst, mit sehr unterschiedlichen Inhalten.",
    requestedAction:
      "Die Arbeitsgruppe schlägt ein landesweites, modulares Fortbildungsprogramm für Digitallotsen vor (Prozessanalyse, OZG-Reifegrade, Change-Management), angeboten über das Studieninstitut und für die Kommunen kostenfrei.",
    cosigners: [SABINE, "petra.neumann@gdst.example", "uwe.hartmann@gdst.example"],
    steps: [
      { to: "IN_REVIEW", daysAgo: 26, comment: "Wir klären, welche Angebote es beim Studieninstitut bereits gibt." },
      { to: "PROMOTED", daysAgo: 12, comment: "Als Spotlight aufgenommen. Weitere Kommunen können bis zur Weiterleitung mitzeichnen." },
    ],
    replies: [{ author: THOMAS, daysAgo: 10, body: "Wir würden gern mitzeichnen und zwei Kolleginnen für ein Pilotmodul benennen." }],
  },
  {
    title: "Einheitliches Antragsmanagement: OZG-Reifegrad 3 für die 20 meistgenutzten Leistungen",
    groups: ["strategie", "umsetzung"],
    proposer: THOMAS,
    proposedDaysAgo: 15,
    problem:
      "Viele Online-Anträge enden heute als PDF im Postfach der Verwaltung (Reifegrad 2). Für die Bürgerinnen und Bürger ist das online, für uns bleibt es Papierarbeit.",
    requestedAction:
      "Das Land möge mit den Kommunen die 20 meistgenutzten Leistungen festlegen und für sie bis Ende 2027 den **Reifegrad 3** (vollständig digitale Abwicklung mit Bescheid im Postfach) anstreben, mit einem einheitlichen Antragsmanagement im Landesportal.",
    cosigners: [THOMAS, "frank.boehme@gdst.example"],
    steps: [{ to: "IN_REVIEW", daysAgo: 6, comment: "Wird in der nächsten Sitzung der AG Strategie besprochen." }],
  },
  {
    title: "E-Akte-Standard für Kommunen: gemeinsames Aktenplan-Muster und XDOMEA-Profil",
    groups: ["umsetzung", "organisation"],
    proposer: SABINE,
    proposedDaysAgo: 3,
    sourceThreadTitle: "Zeitplan für die Einführung der E-Akte in den Kommunen",
    problem:
      "Bei der Einführung der E-Akte erarbeitet jede Kommune ihren Aktenplan und die Anbindung an XDOMEA allein. Das kostet Zeit und verhindert, dass Akten zwischen Kommunen und Landkreis ausgetauscht werden können.",
    requestedAction:
      "Die AG Umsetzung schlägt vor, dass das Land gemeinsam mit den Kommunen ein **Aktenplan-Muster** und ein **XDOMEA-Profil** für kommunale Verwaltungen herausgibt, bevor die zweite Einführungswelle beginnt.",
    cosigners: [SABINE, THOMAS],
    steps: [],
  },
  {
    title: "Eigenes Videokonferenzsystem des Landes für kommunale Gremiensitzungen",
    groups: ["technik"],
    proposer: "jana.krueger@gdst.example",
    proposedDaysAgo: 52,
    problem: "Für hybride Ratssitzungen nutzen die Kommunen unterschiedliche, teils kostenpflichtige Videokonferenzdienste.",
    requestedAction: "Das Land möge ein eigenes Videokonferenzsystem für kommunale Gremiensitzungen betreiben.",
    cosigners: ["jana.krueger@gdst.example"],
    steps: [
      { to: "IN_REVIEW", daysAgo: 47, comment: "Wir prüfen, was das Landesrechenzentrum bereits anbietet." },
      { to: "DECLINED", daysAgo: 40, comment: "Nach Rücksprache mit der AG Technik abgelehnt, siehe Begründung." },
    ],
    declineReason:
      "Das Land stellt den Kommunen bereits das Videokonferenzsystem des Landesrechenzentrums zur Verfügung, einschließlich der Nutzung für öffentliche Gremiensitzungen. Ein zweites System ist nicht vorgesehen. Die Fragen zur Raumtechnik für hybride Sitzungen greift die AG Technik in einem eigenen Diskussionsthema auf.",
  },
];

/**
 * The demo spotlights (see above), with their discussion threads, co-signatures and timelines. Written
 * directly rather than through createSpotlight: the seed runs inside the start-up transaction, and its
 * spotlights were proposed months ago. Nothing is notified: this is history, not news. Only into a
 * database without spotlights.
 */
export async function seedDemoSpotlights(tx: Tx, users: Map<string, string>, password: string): Promise<void> {
  if (await tx.spotlight.count()) return;
  // one hash for all: hashing is deliberately slow, and start-up should not wait for five of them
  const passwordHash = await hashPassword(password);
  const people = new Map(users);
  for (const person of demoCosigners) {
    if (people.has(person.email)) continue;
    const user = await createUser({ ...person, role: "PARTICIPANT", passwordHash }, tx);
    people.set(person.email, user.id);
  }
  const organisations = new Map((await tx.user.findMany({ where: { id: { in: [...people.values()] } }, select: { id: true, organisation: true } })).map((u) => [u.id, u.organisation]));
  const groupIds = new Map((await tx.workingGroup.findMany({ select: { id: true, slug: true } })).map((g) => [g.slug, g.id]));
  const moderator = people.get(MODERATOR)!;
  const readers = [...people.values()];
  const midnight = new Date();
  midnight.setUTCHours(0, 0, 0, 0);
  const at = (daysAgo: number, hour = 9) => new Date(midnight.getTime() - daysAgo * DAY + hour * HOUR);
  const day = (daysAgo: number) => new Date(berlinDay(at(daysAgo, 11)));

  // numbered in the order proposed
  for (const demo of [...spotlights].sort((a, b) => b.proposedDaysAgo - a.proposedDaysAgo)) {
    const id = crypto.randomUUID();
    const proposerId = people.get(demo.proposer)!;
    const proposedAt = at(demo.proposedDaysAgo, 8);
    const sourceThread = demo.sourceThreadTitle ? await tx.thread.findFirst({ where: { title: demo.sourceThreadTitle }, select: { id: true } }) : null;

    const opening = spotlightOpeningPost({ id, ...demo });
    const posts = [{ author: demo.proposer, at: proposedAt, body: opening }, ...(demo.replies ?? []).map((reply) => ({ ...reply, at: at(reply.daysAgo, 14) }))];
    const last = posts[posts.length - 1];
    const thread = await tx.thread.create({
      data: {
        groupId: groupIds.get(demo.groups[0])!,
        title: demo.title,
        authorId: proposerId,
        createdAt: proposedAt,
        seq: posts.length,
        postCount: posts.length,
        lastActivityAt: last.at,
        lastPostAuthorId: people.get(last.author)!,
        // history, not news: everyone has read these discussions
        reads: { create: readers.map((userId) => ({ userId, lastReadNumber: posts.length })) },
        subscriptions: { create: { userId: proposerId, level: "FOLLOWING" } },
      },
      select: { id: true },
    });
    for (const [index, post] of posts.entries()) {
      const postId = crypto.randomUUID();
      await tx.post.create({
        data: {
          id: postId,
          threadId: thread.id,
          authorId: people.get(post.author)!,
          body: post.body,
          ...renderForStorage(post.body, postId),
          number: index + 1,
          changeSeq: index + 1,
          createdAt: post.at,
        },
      });
    }

    const steps = demo.steps.map((step, index) => ({ ...step, from: index === 0 ? ("PROPOSED" as const) : demo.steps[index - 1].to, when: at(step.daysAgo, step.hour ?? 10 + (index % 5)) }));
    const lastStep = steps[steps.length - 1];
    const forwardStep = steps.find((step) => step.to === "FORWARDED");
    const answerStep = steps.find((step) => step.to === "ANSWERED");
    // co-signatures arrive between the proposal and the forwarding (or now)
    const cosignUntil = forwardStep?.daysAgo ?? lastStep?.daysAgo ?? 0;
    const html = renderSpotlightTexts(id, { problem: demo.problem, requestedAction: demo.requestedAction, answer: demo.answer ?? null });
    const created = await tx.spotlight.create({
      data: {
        id,
        title: demo.title,
        problem: demo.problem,
        problemHtml: html.problemHtml,
        requestedAction: demo.requestedAction,
        requestedActionHtml: html.requestedActionHtml,
        renderVersion: html.renderVersion,
        affectedMunicipalities: demo.affectedMunicipalities ?? [],
        status: lastStep?.to ?? "PROPOSED",
        statusChangedAt: lastStep?.when ?? proposedAt,
        createdAt: proposedAt,
        proposerId,
        sourceThreadId: sourceThread?.id ?? null,
        threadId: thread.id,
        ...(demo.forwarded && forwardStep
          ? {
              forwardedTo: demo.forwarded.to,
              forwardedContact: demo.forwarded.contact,
              forwardedOn: day(forwardStep.daysAgo),
              dueOn: demo.forwarded.dueInDays === null ? null : day(forwardStep.daysAgo - demo.forwarded.dueInDays),
            }
          : {}),
        ...(demo.answer && answerStep ? { answer: demo.answer, answerHtml: html.answerHtml, answeredOn: day(answerStep.daysAgo + 2) } : {}),
        ...(demo.declineReason ? { declineReason: demo.declineReason } : {}),
        groups: { create: demo.groups.map((slug) => ({ groupId: groupIds.get(slug)! })) },
        cosignatures: {
          create: demo.cosigners.map((email, index) => {
            const userId = people.get(email)!;
            const daysAgo = demo.proposedDaysAgo - Math.round(((demo.proposedDaysAgo - cosignUntil) * index) / Math.max(demo.cosigners.length, 2));
            return { userId, organisation: organisations.get(userId)!, createdAt: index === 0 ? proposedAt : at(daysAgo, 12 + (index % 4)) };
          }),
        },
        transitions: {
          create: [
            { actorId: proposerId, fromStatus: null, toStatus: "PROPOSED", createdAt: proposedAt },
            ...steps.map((step) => ({ actorId: moderator, fromStatus: step.from, toStatus: step.to, comment: step.comment, createdAt: step.when })),
          ],
        },
      },
      select: { number: true },
    });
    await tx.thread.update({ where: { id: thread.id }, data: { title: `${spotlightReference(created.number)}: ${demo.title}`.slice(0, 200) } });
  }
}
