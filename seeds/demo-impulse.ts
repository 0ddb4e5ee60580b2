import type { Tx } from "../server/db";
import { berlinLocalToDate, toBerlinLocal } from "../server/schemas/berlin-time";
import type { FederalState } from "../server/schemas/federal-states";
import type { ImpulseTalkCategory } from "../server/schemas/impulse-talk";
import { renderTalkAbstract } from "../server/services/impulse-talks/render-talk";

const MODERATOR = "moderation@gdst.example";
const THOMAS = "teilnehmer@gdst.example";
const SABINE = "teilnehmerin@gdst.example";
const JANA = "jana.krueger@gdst.example";
const KATRIN = "katrin.vogel@gdst.example";
const UWE = "uwe.hartmann@gdst.example";
const LENA = "lesend@gdst.example";

const DAY = 24 * 60 * 60 * 1000;

interface DemoQuestion {
  key?: string;
  author: string;
  body: string;
  voters?: string[];
  answer?: string | true;
  /** a duplicate, folded into the question with this key */
  mergedInto?: string;
  hiddenReason?: string;
}

interface DemoTalk {
  title: string;
  speakers: string[];
  organisation: string;
  federalState: FederalState;
  category: ImpulseTalkCategory;
  /** days from the seeding day, and the Berlin wall-clock start */
  inDays: number;
  at: string;
  minutes: number;
  onlineUrl?: string;
  place?: string;
  abstract: string;
  groups: string[];
  links?: { label: string; url: string }[];
  recordingUrl?: string;
  cancelReason?: string;
  followers?: string[];
  questions?: DemoQuestion[];
}

/**
 * The demo programme: three past talks (two with recordings), one within the next days, two later and a
 * cancelled one, covering all three series. Times are relative to the seeding day, so a fresh
 * installation always has a talk ahead.
 */
const talks: DemoTalk[] = [
  {
    title: "Digitale Baugenehmigung in Hamburg: vom Antrag bis zum Bescheid",
    speakers: ["Dr. Katharina Brandt", "Ole Petersen"],
    organisation: "Behörde für Stadtentwicklung und Wohnen Hamburg",
    federalState: "Hamburg",
    category: "OTHER_STATES",
    inDays: -41,
    at: "10:00",
    minutes: 90,
    onlineUrl: "https://konferenz.gdst.example/impuls-hamburg-bau",
    abstract:
      "Hamburg hat das **Baugenehmigungsverfahren** vollständig digitalisiert: Bauanträge, Bauvorlagen und die Beteiligung der Fachdienststellen laufen über eine gemeinsame Plattform.\n\nIm Vortrag geht es um:\n\n- die Vollständigkeitsprüfung schon im Antragsassistenten,\n- die digitale Beteiligung der Träger öffentlicher Belange,\n- was sich für die Bauaufsicht im Alltag geändert hat.\n\nDie Lösung ist als EfA-Leistung nachnutzbar – auch für Kommunen in Sachsen-Anhalt.",
    groups: ["umsetzung", "technik"],
    links: [
      { label: "Folien (PDF)", url: "https://material.gdst.example/impulse/hamburg-baugenehmigung.pdf" },
      { label: "Projektseite Digitale Baugenehmigung", url: "https://www.hamburg.de/bsw/digitale-baugenehmigung/" },
    ],
    recordingUrl: "https://video.gdst.example/impulse/hamburg-baugenehmigung",
    followers: [THOMAS, SABINE],
    questions: [
      {
        key: "toeb",
        author: SABINE,
        body: "Wie binden Sie die Träger öffentlicher Belange an, die noch keine eigene Schnittstelle haben?",
        voters: [THOMAS, JANA, KATRIN],
        answer: "Über ein Beteiligungsportal im Browser: Die Stellen erhalten einen Link und laden ihre Stellungnahme dort hoch. Eine Schnittstelle ist nicht nötig.",
      },
      {
        author: THOMAS,
        body: "Welche Kosten kommen bei der Nachnutzung auf eine Gemeinde zu?",
        voters: [UWE],
        answer: "Die Betriebskosten werden über den EfA-Verbund nach Einwohnerzahl umgelegt; die Zahlen stehen in den Folien.",
      },
      { author: JANA, body: "Wie werden die Träger öffentlicher Belange beteiligt, wenn sie keine Schnittstelle haben?", mergedInto: "toeb" },
    ],
  },
  {
    title: "Der offene Arbeitsplatz: Open Source in der Landesverwaltung Schleswig-Holstein",
    speakers: ["Jan Hinrichsen"],
    organisation: "Staatskanzlei Schleswig-Holstein, Zentrales IT-Management",
    federalState: "Schleswig-Holstein",
    category: "OTHER_STATES",
    inDays: -19,
    at: "14:00",
    minutes: 60,
    onlineUrl: "https://konferenz.gdst.example/impuls-sh-open-source",
    abstract:
      "Schleswig-Holstein stellt die Arbeitsplätze der Landesverwaltung auf **Open-Source-Software** um: LibreOffice, Thunderbird, Nextcloud und Open-Xchange statt proprietärer Produkte.\n\nJan Hinrichsen berichtet, wie die Migration geplant wurde, wie die Beschäftigten geschult werden und welche Fachverfahren noch Schwierigkeiten machen. Ein Schwerpunkt ist die *digitale Souveränität*: Was gewinnt eine Verwaltung, die ihre Software selbst in der Hand hat?",
    groups: ["strategie", "technik"],
    links: [{ label: "Folien (PDF)", url: "https://material.gdst.example/impulse/sh-offener-arbeitsplatz.pdf" }],
    recordingUrl: "https://video.gdst.example/impulse/sh-offener-arbeitsplatz",
    followers: [THOMAS],
    questions: [
      {
        author: THOMAS,
        body: "Wie gehen Sie mit Fachverfahren um, die nur mit Microsoft Office funktionieren?",
        voters: [SABINE, KATRIN],
        answer: "Diese Verfahren laufen vorerst auf virtualisierten Arbeitsplätzen weiter; mit den Herstellern sind Umstellungen bis 2027 vereinbart.",
      },
      { author: KATRIN, body: "Gibt es ein Schulungskonzept, das andere Länder nachnutzen können?", voters: [SABINE], answer: true },
    ],
  },
  {
    title: "Magdeburg digital: Terminvergabe und Bürgerbüro online",
    speakers: ["Susanne Krämer"],
    organisation: "Landeshauptstadt Magdeburg",
    federalState: "Sachsen-Anhalt",
    category: "LIGHTHOUSE",
    inDays: -6,
    at: "10:00",
    minutes: 60,
    place: "Landeshauptstadt Magdeburg, Alter Markt 6, Ratssaal",
    onlineUrl: "https://konferenz.gdst.example/impuls-magdeburg",
    abstract:
      "Die Landeshauptstadt hat ihre **Bürgerbüros** neu aufgestellt: Termine werden online gebucht, Anliegen vorab geklärt und viele Leistungen ganz ohne Besuch erledigt.\n\nSusanne Krämer zeigt, welche Leistungen zuerst digitalisiert wurden, wie sich die Wartezeiten entwickelt haben und was andere Städte und Gemeinden übernehmen können.",
    groups: ["umsetzung", "organisation"],
    links: [{ label: "Folien (PDF)", url: "https://material.gdst.example/impulse/magdeburg-buergerbuero.pdf" }],
    followers: [SABINE, JANA],
    questions: [
      { author: JANA, body: "Welches Terminvergabesystem nutzen Sie, und lässt es sich an das Landesportal anbinden?", voters: [THOMAS], answer: true },
      { author: UWE, body: "Werbung für eine private Beratungsfirma – bitte melden Sie sich bei mir.", hiddenReason: "Werbung, kein Beitrag zum Vortrag." },
    ],
  },
  {
    title: "BayernPortal und Bürgerkonto: ein Zugang für alle Verwaltungsleistungen",
    speakers: ["Michael Huber", "Dr. Andrea Wimmer"],
    organisation: "Bayerisches Staatsministerium für Digitales",
    federalState: "Bayern",
    category: "OTHER_STATES",
    inDays: 2,
    at: "10:00",
    minutes: 90,
    onlineUrl: "https://konferenz.gdst.example/impuls-bayernportal",
    abstract:
      "Mit dem **BayernPortal** und dem Bürgerkonto (BayernID) erreichen Bürgerinnen, Bürger und Unternehmen die Online-Leistungen von Freistaat und Kommunen über einen Zugang.\n\nIm Impuls geht es um:\n\n1. die Anbindung der Kommunen an das Portal,\n2. die Nutzung des Bürgerkontos über die Landesgrenzen hinweg (BundID),\n3. Postfach und Bescheidrückkanal.\n\nFragen können Sie schon vorab stellen.",
    groups: ["technik", "strategie"],
    links: [{ label: "BayernPortal", url: "https://www.freistaat.bayern/" }],
    followers: [THOMAS, SABINE, JANA, LENA],
    questions: [
      {
        key: "bundid",
        author: THOMAS,
        body: "Können sich Bürgerinnen und Bürger aus Sachsen-Anhalt mit ihrem BundID-Konto anmelden?",
        voters: [SABINE, JANA, KATRIN, UWE],
      },
      { author: SABINE, body: "Wie lange hat die Anbindung einer typischen Gemeinde an das Portal gedauert?", voters: [THOMAS, KATRIN] },
      { author: KATRIN, body: "Funktioniert die Anmeldung auch mit dem BundID-Konto aus anderen Ländern?", mergedInto: "bundid" },
      { author: JANA, body: "Wie viele Bescheide werden inzwischen digital ins Postfach zugestellt?" },
    ],
  },
  {
    title: "Registermodernisierung in der Praxis: Erfahrungen aus Nordrhein-Westfalen",
    speakers: ["Prof. Dr. Heinz Albers"],
    organisation: "Ministerium für Heimat, Kommunales, Bau und Digitalisierung NRW",
    federalState: "Nordrhein-Westfalen",
    category: "OTHER_STATES",
    inDays: 9,
    at: "14:00",
    minutes: 60,
    onlineUrl: "https://konferenz.gdst.example/impuls-nrw-register",
    abstract: "Wie das **Once-Only-Prinzip** in Nordrhein-Westfalen umgesetzt wird: Nachweise aus Registern statt Papier von den Antragstellenden.",
    groups: ["strategie"],
    cancelReason: "Der Referent ist erkrankt. Ein neuer Termin wird rechtzeitig bekannt gegeben.",
    followers: [SABINE],
  },
  {
    title: "Landkreis Harz: Digitale Kfz-Zulassung und die E-Akte im Landratsamt",
    speakers: ["Kerstin Wolff", "Daniel Rösler"],
    organisation: "Landkreis Harz",
    federalState: "Sachsen-Anhalt",
    category: "LIGHTHOUSE",
    inDays: 16,
    at: "13:30",
    minutes: 60,
    place: "Kreisverwaltung Harz, Friedrich-Ebert-Straße 42, Halberstadt",
    onlineUrl: "https://konferenz.gdst.example/impuls-harz",
    abstract:
      "Der Landkreis Harz hat die **internetbasierte Fahrzeugzulassung** (i-Kfz) eingeführt und arbeitet im Landratsamt mit der E-Akte.\n\nDas Team berichtet von der Einführung in drei Wellen, von den Schulungen für die Sachbearbeitung und davon, was es heute anders machen würde.",
    groups: ["umsetzung", "organisation"],
    followers: [JANA],
    questions: [{ author: JANA, body: "Wie haben Sie die Beschäftigten in der Zulassungsstelle auf die E-Akte vorbereitet?", voters: [SABINE] }],
  },
  {
    title: "KI-Assistenz in der Sachbearbeitung: was heute geht und was morgen kommt",
    speakers: ["Dr. Felix Langner"],
    organisation: "Fraunhofer-Institut für Fabrikbetrieb und -automatisierung IFF",
    federalState: "Sachsen-Anhalt",
    category: "FUTURE",
    inDays: 30,
    at: "10:00",
    minutes: 90,
    onlineUrl: "https://konferenz.gdst.example/impuls-ki-assistenz",
    abstract:
      "Sprachmodelle können Anträge vorsortieren, Bescheide entwerfen und Fragen von Bürgerinnen und Bürgern beantworten. Doch **was darf KI in der Verwaltung** – und was nicht?\n\nDer Vortrag zeigt Pilotprojekte aus Bund und Ländern, ordnet die Anforderungen der KI-Verordnung ein und beschreibt, wie die Entscheidung bei der Sachbearbeitung bleibt.",
    groups: ["strategie", "technik"],
  },
  {
    title: "Verwaltung 2030: proaktive Leistungen ohne Antrag",
    speakers: ["Dr. Miriam Seidel"],
    organisation: "Nationaler Normenkontrollrat",
    federalState: "Bund",
    category: "FUTURE",
    inDays: -75,
    at: "11:00",
    minutes: 60,
    onlineUrl: "https://konferenz.gdst.example/impuls-verwaltung-2030",
    abstract:
      "Kindergeld ohne Antrag, Wohngeld auf Hinweis der Verwaltung: **proaktive Leistungen** kehren das Verhältnis um. Der Impuls zeigt Beispiele aus Österreich und Dänemark und was Deutschland dafür braucht.",
    groups: ["strategie"],
    recordingUrl: "https://video.gdst.example/impulse/verwaltung-2030",
  },
];

/**
 * A Berlin wall-clock time some days from the seeding day (DST-aware), on a working day: a talk that
 * would fall on a Saturday is held on the Friday before, one on a Sunday on the Monday after.
 */
function berlinAt(inDays: number, time: string): Date {
  const weekday = new Date(`${toBerlinLocal(new Date(Date.now() + inDays * DAY)).slice(0, 10)}T12:00:00Z`).getUTCDay();
  const workingDays = inDays + (weekday === 6 ? -1 : weekday === 0 ? 1 : 0);
  const day = toBerlinLocal(new Date(Date.now() + workingDays * DAY)).slice(0, 10);
  return berlinLocalToDate(`${day}T${time}`) ?? new Date(Date.now() + workingDays * DAY);
}

/**
 * The demo talks with their questions, votes and followers. Written directly rather than through
 * createImpulseTalk: the service refuses talks in the past, and this is history, not news (nothing is
 * notified). Only into a database without talks; after the spotlights, whose seed creates the
 * colleagues asking questions here.
 */
export async function seedDemoImpulseTalks(tx: Tx): Promise<void> {
  if (await tx.impulseTalk.count()) return;
  const people = new Map((await tx.user.findMany({ select: { id: true, email: true } })).map((user) => [user.email, user.id]));
  const groupIds = new Map((await tx.workingGroup.findMany({ select: { id: true, slug: true } })).map((g) => [g.slug, g.id]));
  const moderator = people.get(MODERATOR)!;
  const person = (email: string) => people.get(email);

  for (const demo of talks) {
    const id = crypto.randomUUID();
    const startsAt = berlinAt(demo.inDays, demo.at);
    const endsAt = new Date(startsAt.getTime() + demo.minutes * 60_000);
    const createdAt = new Date(Math.min(startsAt.getTime(), Date.now()) - 21 * DAY);
    await tx.impulseTalk.create({
      data: {
        id,
        title: demo.title,
        speakers: demo.speakers,
        organisation: demo.organisation,
        federalState: demo.federalState,
        category: demo.category,
        startsAt,
        endsAt,
        onlineUrl: demo.onlineUrl ?? null,
        place: demo.place ?? null,
        abstract: demo.abstract,
        ...renderTalkAbstract(id, demo.abstract),
        recordingUrl: demo.recordingUrl ?? null,
        ...(demo.cancelReason ? { cancelledAt: new Date(Date.now() - 2 * DAY), cancelReason: demo.cancelReason, sequence: 1 } : {}),
        createdById: moderator,
        createdAt,
        groups: { create: demo.groups.map((slug) => ({ groupId: groupIds.get(slug)! })) },
        links: { create: (demo.links ?? []).map((link, position) => ({ ...link, position })) },
        followers: { create: (demo.followers ?? []).flatMap((email) => (person(email) ? [{ userId: person(email)! }] : [])) },
      },
    });
    await seedQuestions(tx, id, demo, startsAt, endsAt, people, moderator);
  }
}

async function seedQuestions(tx: Tx, talkId: string, demo: DemoTalk, startsAt: Date, endsAt: Date, people: Map<string, string>, moderator: string) {
  const ids = new Map<string, string>();
  const isOver = endsAt.getTime() <= Date.now();
  // asked in the days before the talk (or before now, for one ahead)
  const askedUntil = Math.min(startsAt.getTime(), Date.now());
  for (const [index, question] of (demo.questions ?? []).entries()) {
    const authorId = people.get(question.author);
    if (!authorId) continue;
    const id = crypto.randomUUID();
    if (question.key) ids.set(question.key, id);
    const createdAt = new Date(askedUntil - (3 - index * 0.5) * DAY);
    const voters = (question.voters ?? []).map((email) => people.get(email)).filter((userId) => userId && userId !== authorId) as string[];
    const merged = question.mergedInto ? ids.get(question.mergedInto) : undefined;
    const answered = Boolean(question.answer) && isOver;
    await tx.impulseQuestion.create({
      data: {
        id,
        talkId,
        authorId,
        body: question.body,
        createdAt,
        status: merged ? "MERGED" : question.hiddenReason ? "HIDDEN" : answered ? "ANSWERED" : "OPEN",
        voteCount: voters.length,
        votes: { create: voters.map((userId) => ({ userId, createdAt })) },
        ...(merged ? { mergedIntoId: merged } : {}),
        ...(question.hiddenReason ? { hiddenReason: question.hiddenReason, hiddenAt: new Date(startsAt.getTime() - DAY), hiddenById: moderator } : {}),
        ...(answered
          ? { answer: typeof question.answer === "string" ? question.answer : null, answeredAt: new Date(startsAt.getTime() + 30 * 60_000), answeredById: moderator }
          : {}),
      },
    });
  }
}
