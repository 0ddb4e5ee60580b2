import { createHash } from "node:crypto";
import type { Tx } from "../server/db";
import { ozgPhases, type OzgAvailability, type OzgPhase } from "../server/schemas/ozg";
import { formatOzgField, type OzgField, type OzgFieldValues } from "../server/schemas/ozg-fields";
import type { RessortCode } from "../server/schemas/ressorts";
import { insertFieldChanges } from "../server/services/ozg/insert-field-changes";
import { catalogueServices, type CatalogueService } from "./ozg-catalogue";

/**
 * Demo statuses for the real catalogue: Sachsen-Anhalt's status per service is not public as data, so
 * the demo generates plausible values with a fixed seed (the same on every machine) and marks them as
 * demo data until the first real import. A year of monthly imports gives the charts a past: phases
 * advance step by step, high priorities further along, services the Bund runs alone mostly "kein Bedarf".
 */

/** mulberry32: a small, well-known PRNG; a fixed seed makes every demo installation alike */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ressortByThemenfeld: Record<string, RessortCode> = {
  "Arbeit & Ruhestand": "MS",
  "Bauen & Wohnen": "MID",
  Bildung: "MB",
  "Ein- & Auswanderung": "MI",
  "Engagement & Hobby": "MI",
  "Familie & Kind": "MS",
  "Forschung & Förderung": "MWU",
  Gesundheit: "MS",
  "Mobilität & Reisen": "MID",
  Querschnitt: "MID",
  "Recht & Ordnung": "MJ",
  "Steuern & Zoll": "MF",
  Umwelt: "MWU",
  "Unternehmensführung & -entwicklung": "MWL",
};

/** the Länder that led the Themenfelder in the OZG programme, as the demo assumes them */
const leadStateByThemenfeld: Record<string, string> = {
  "Arbeit & Ruhestand": "Nordrhein-Westfalen",
  "Bauen & Wohnen": "Mecklenburg-Vorpommern",
  Bildung: "Sachsen-Anhalt",
  "Ein- & Auswanderung": "Berlin",
  "Engagement & Hobby": "Nordrhein-Westfalen",
  "Familie & Kind": "Bremen",
  "Forschung & Förderung": "Brandenburg",
  Gesundheit: "Niedersachsen",
  "Mobilität & Reisen": "Baden-Württemberg",
  Querschnitt: "Bund",
  "Recht & Ordnung": "Hessen",
  "Steuern & Zoll": "Bayern",
  Umwelt: "Schleswig-Holstein",
  "Unternehmensführung & -entwicklung": "Hamburg",
};

/** sixteen services the demo treats as the federal Fokusleistungen (no published list with OZG IDs exists) */
export const demoFocusServices = [
  "10000", "10026", "10035", "10056", "10082", "10084", "10092", "10124",
  "10169", "10173", "10214", "10255", "10257", "10294", "10439", "10519",
];

/** the steps of progress, Depriorisiert aside */
const progress = ozgPhases.filter((phase) => phase !== "DEPRIORITIZED");

function pick<T>(random: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** weights of the final step 0 … 6 for priorities 1 … 3 */
const finalStepWeights: Record<number, number[]> = {
  1: [4, 8, 10, 12, 20, 20, 26],
  2: [15, 15, 15, 15, 15, 10, 15],
  3: [40, 20, 15, 10, 7, 4, 4],
};

const availabilityOf = (phase: OzgPhase, random: () => number): OzgAvailability =>
  phase === "DONE" ? (random() < 0.75 ? "AREA_WIDE" : "PARTIAL") : phase === "ROLLOUT" ? "PARTIAL" : "NONE";

/** The first working day of the month `monthsBack` before this one, 09:00 in Germany (08:00 UTC is close enough all year). */
function importDay(monthsBack: number, now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1, 8));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

interface Trajectory {
  ozgId: string;
  /** the service's values after each of the twelve imports */
  months: OzgFieldValues[];
}

function trajectoryOf(service: CatalogueService, random: () => number): Trajectory {
  const types = service.leika_typen.split("|").filter(Boolean);
  const federalOnly = types.length > 0 && types.every((type) => type === "1");
  const isFocus = demoFocusServices.includes(service.ozg_id);
  const priority = isFocus ? 1 : federalOnly ? (random() < 0.7 ? 4 : 3) : pick(random, [[1, 28], [2, 36], [3, 26], [4, 10]]);
  const ressort = service.themenfeld === "Forschung & Förderung" && random() < 0.5 ? "MWL" : (ressortByThemenfeld[service.themenfeld] ?? "MID");
  const leadState = leadStateByThemenfeld[service.themenfeld] ?? null;

  let finalStep: number;
  let deprioritisedAt: number | null = null;
  if (priority === 4) {
    finalStep = 0;
    if (random() < 0.7) deprioritisedAt = random() < 0.5 ? 0 : 1 + Math.floor(random() * 11);
  } else {
    finalStep = isFocus ? 4 + Math.floor(random() * 3) : pick(random, finalStepWeights[priority]!.map((weight, step) => [step, weight] as [number, number]));
  }
  const stepsThisYear = Math.min(finalStep, pick(random, [[0, 30], [1, 35], [2, 22], [3, 10], [4, 3]]));
  const advanceMonths = new Set<number>();
  while (advanceMonths.size < stepsThisYear) advanceMonths.add(1 + Math.floor(random() * 11));

  const model = federalOnly
    ? "Bundeslösung"
    : pick(random, [["EfA-Nachnutzung", 58], ["Landeslösung", 16], ["Kommunale Lösung", 12], ["Marktlösung", 8], ["Bundeslösung", 6]]);
  // an older priority for a few: the ministries re-prioritised during the year
  const priorityChangedAt = priority < 4 && random() < 0.08 ? 1 + Math.floor(random() * 11) : null;
  const doneAreaWide = random();

  const months: OzgFieldValues[] = [];
  let step = finalStep - stepsThisYear;
  for (let month = 0; month < 12; month++) {
    if (advanceMonths.has(month)) step++;
    const phase: OzgPhase = deprioritisedAt !== null && month >= deprioritisedAt ? "DEPRIORITIZED" : progress[step]!;
    months.push({
      name: service.ozg_leistung,
      lage: service.lage,
      themenfeld: service.themenfeld,
      ressort,
      priority: priorityChangedAt !== null && month < priorityChangedAt ? priority + 1 : priority,
      phase,
      // the model is decided once the reuse is checked
      implementationModel: step >= 2 ? model : null,
      leadState,
      isFocus,
      availability: availabilityOf(phase, () => doneAreaWide),
    });
  }
  return { ozgId: service.ozg_id, months };
}

const trackedFields: OzgField[] = ["ressort", "priority", "phase", "implementationModel", "leadState", "isFocus", "availability"];

export async function seedDemoOzg(tx: Tx, users: Map<string, string>): Promise<void> {
  const now = new Date();
  const random = seededRandom(20_251_201);
  const trajectories = catalogueServices().map((service) => trajectoryOf(service, random));
  const moderatorId = users.get("moderation@gdst.example") ?? null;

  for (let month = 0; month < 12; month++) {
    const at = importDay(11 - month, now);
    const label = at.toISOString().slice(0, 7);
    const changes: { ozgId: string; field: OzgField; oldValue: string | null; newValue: string | null }[] = [];
    for (const trajectory of trajectories) {
      const before = month === 0 ? null : trajectory.months[month - 1]!;
      const after = trajectory.months[month]!;
      for (const field of trajectoryFieldsChanged(before, after)) {
        changes.push({ ozgId: trajectory.ozgId, field, oldValue: before && formatOzgField(field, before), newValue: formatOzgField(field, after) });
      }
    }
    const changedServices = new Set(changes.map((change) => change.ozgId)).size;
    const fileName = `Nachnutzungsuebersicht_${label}.csv`;
    const created = await tx.ozgImport.create({
      data: {
        fileName,
        sha256: createHash("sha256").update(`demo ${fileName}`).digest("hex"),
        sizeBytes: 61_000 + month * 137,
        format: "CSV (UTF-8, Semikolon)",
        uploadedById: moderatorId,
        uploadedAt: new Date(at.getTime() - 20 * 60_000),
        status: "APPLIED",
        baseVersion: month,
        plan: {},
        rowCount: trajectories.length,
        newCount: 0,
        changedCount: changedServices,
        unchangedCount: trajectories.length - changedServices,
        missingCount: 0,
        errorCount: 0,
        appliedById: moderatorId,
        appliedAt: at,
      },
      select: { id: true },
    });
    await insertFieldChanges(tx, changes, { importId: created.id, changedById: moderatorId, changedAt: at });
  }

  for (const { ozgId, months } of trajectories) {
    const lastChange = lastChangeMonth(months);
    const { ressort, priority, phase, implementationModel, leadState, isFocus, availability } = months[11]!;
    await tx.ozgService.update({
      where: { ozgId },
      data: { ressort, priority, phase, implementationModel, leadState, isFocus, availability, updatedAt: importDay(11 - lastChange, now) },
    });
  }
  await tx.ozgSettings.upsert({ where: { id: 1 }, create: { id: 1, isDemoData: true, catalogVersion: 12 }, update: { isDemoData: true, catalogVersion: 12 } });
  await seedDemoFollowsAndLinks(tx, users);
}

/** the first import records every field that has a value; later ones what changed */
function trajectoryFieldsChanged(before: OzgFieldValues | null, after: OzgFieldValues): OzgField[] {
  return trackedFields.filter((field) => (before ? formatOzgField(field, before) !== formatOzgField(field, after) : formatOzgField(field, after) !== null));
}

function lastChangeMonth(months: OzgFieldValues[]): number {
  for (let month = 11; month > 0; month--) if (trajectoryFieldsChanged(months[month - 1]!, months[month]!).length) return month;
  return 0;
}

async function seedDemoFollowsAndLinks(tx: Tx, users: Map<string, string>): Promise<void> {
  const follows: [string, string][] = [
    ["teilnehmer@gdst.example", "10519"],
    ["teilnehmer@gdst.example", "10124"],
    ["teilnehmerin@gdst.example", "10169"],
    ["teilnehmerin@gdst.example", "10439"],
    ["moderation@gdst.example", "10000"],
    ["lesend@gdst.example", "10092"],
  ];
  await tx.ozgServiceFollower.createMany({
    data: follows.filter(([email]) => users.has(email)).map(([email, ozgId]) => ({ userId: users.get(email)!, ozgId })),
  });

  const threadLinks: [string, string[]][] = [
    ["Digitale Baugenehmigung: Erfahrungen mit Bauanträgen über das Landesportal", ["10519"]],
    ["Zeitplan für die Einführung der E-Akte in den Kommunen", ["10124"]],
  ];
  for (const [title, ozgIds] of threadLinks) {
    const thread = await tx.thread.findFirst({ where: { title }, select: { id: true, authorId: true } });
    if (thread) await tx.threadOzgService.createMany({ data: ozgIds.map((ozgId) => ({ threadId: thread.id, ozgId, linkedById: thread.authorId })) });
  }
  const spotlightLinks: [string, string[]][] = [
    ["Once-Only für Meldebescheinigungen", ["10124"]],
    ["Einheitliches Antragsmanagement", ["10000", "10092", "10124", "10439", "10519"]],
    ["Servicekonto: BundID-Anbindung", ["10294"]],
  ];
  for (const [titleStart, ozgIds] of spotlightLinks) {
    const spotlight = await tx.spotlight.findFirst({ where: { title: { startsWith: titleStart } }, select: { id: true, proposerId: true } });
    if (spotlight) await tx.spotlightOzgService.createMany({ data: ozgIds.map((ozgId) => ({ spotlightId: spotlight.id, ozgId, linkedById: spotlight.proposerId })) });
  }
}
