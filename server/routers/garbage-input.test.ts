import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { encode } from "next-auth/jwt";
import type { ZodType } from "zod";
import type { Actor } from "../auth/policy";
import { db } from "../db";
import { appErrors } from "../errors";
import type { EventPayload } from "../realtime/events";
import { askQuestion } from "../services/impulse-talks/ask-question";
import { notify } from "../services/notifications/notify";
import { createResultComment } from "../services/results/comments";
import { createResultSection } from "../services/results/manage-sections";
import { berlinLocalIn, makeImpulseTalk, makePost, makeSpotlight, makeThread } from "../test/factories";
import { createTestUser, openTestDatabase } from "../test/test-db";
import { createContext } from "../trpc";
import { appRouter } from "./_app";

const SECRET = "test-secret-for-garbage-input-0123456789";
process.env.NEXTAUTH_SECRET = SECRET;

const { actors } = await openTestDatabase();
const { admin, participant } = actors;

/**
 * Values no form would send: wrong types, numbers at and past every limit, text that databases and
 * parsers choke on. Each is tried in every input field of every procedure, and as the whole input.
 */
const garbage: [string, unknown][] = [
  ["undefined", undefined],
  ["null", null],
  ["true", true],
  ["zero", 0],
  ["minus one", -1],
  ["a fraction", 2.5],
  ["a 12-digit number", 123_456_789_012],
  ["2^31", 2 ** 31],
  ["MAX_SAFE_INTEGER + 1", Number.MAX_SAFE_INTEGER + 1],
  ["1e308", 1e308],
  ["minus 1e308", -1e308],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["an empty string", ""],
  ["a number as text", "42"],
  ["a 12-digit number as text", "123456789012"],
  ["only invisible characters", "\u200B\u2060\uFEFF\u00AD\u3164"],
  ["a NUL byte", "a\u0000b"],
  ["a lone surrogate", "\uD800"],
  ["a 200-character word", "W".repeat(200)],
  ["100,000 characters", "x".repeat(100_000)],
  ["SQL", "'; DROP TABLE \"Post\"; --"],
  ["a path", "../../../etc/passwd"],
  ["the nil UUID", "00000000-0000-0000-0000-000000000000"],
  ["the max UUID", "ffffffff-ffff-ffff-ffff-ffffffffffff"],
  ["an upper-case UUID", randomUUID().toUpperCase()],
  ["an array", ["a", 1]],
  ["an object", { $gt: "" }],
  ["a prototype key", JSON.parse('{"__proto__": {"isAdmin": true}}')],
  ["deep nesting", JSON.parse(`${"[".repeat(200)}${"]".repeat(200)}`)],
];

const thread = await makeThread(participant, { title: "Müll-Eingaben" });
const post = await makePost(participant, thread.id, "Ein Beitrag");
const freshUser = await createTestUser("PARTICIPANT");
const technikId = thread.group.id;
const { invitation } = await appRouter.createCaller({ actor: admin }).invitation.create({
  email: `garbage-${randomUUID()}@kommune.example`,
  role: "READER",
  organisation: "Stadt Zerbst/Anhalt",
});
const invitationId = invitation.id;
const [notified] = await notify(db(), [
  { kind: "REPORT_OUTCOME", recipientIds: [participant.id], actorId: admin.id, title: "Meldung", excerpt: "Erledigt", link: "/", readAction: null },
]);
const spotlight = await makeSpotlight(participant, { title: "Müll-Eingaben-Spotlight" });
const talk = await makeImpulseTalk(admin, { title: "Müll-Eingaben-Vortrag" });
const askedQuestion = (body: string) => askQuestion(participant, { id: randomUUID(), talkId: talk.id, body }).then(({ result }) => result.id);
const questionId = await askedQuestion("Müll-Eingaben-Frage?");
const intoQuestionId = await askedQuestion("Müll-Eingaben-Frage, behalten?");
const resultSectionId = (await createResultSection(admin, { title: "Müll-Eingaben-Abschnitt" })).result.at(-1)!.id;
const resultCommentId = (await createResultComment(participant, { id: randomUUID(), sectionId: resultSectionId, body: "Müll-Eingaben-Kommentar", anchorBlock: null })).result.id;
const notificationId = (notified.payload as EventPayload<"notification.created">).notification.id;

/**
 * A well-formed value for every input field that exists, pointing at real objects, so that only the
 * field under test is wrong. A procedure with a field missing here fails the test: add it.
 */
/** A valid value per input field name; `path` tells apart fields of the same name in different procedures. */
const validField: Record<string, (path: string) => unknown> = {
  action: () => "thread.move",
  actorId: () => admin.id,
  afterSeq: () => 0,
  authorId: () => participant.id,
  attachments: () => [],
  body: () => "Ein gültiger Text",
  digest: () => "DAILY",
  disabledKinds: () => ["THREAD_POST"],
  email: () => `garbage-${randomUUID()}@kommune.example`,
  firstPostId: () => randomUUID(),
  // the results document compares version numbers; the audit log filters by day
  from: (path) => (path.startsWith("results.") ? 1 : "2026-01-01"),
  groupId: () => technikId,
  id: () => randomUUID(),
  invitationId: () => invitationId,
  importId: () => randomUUID(),
  isActive: () => true,
  isLocked: () => false,
  isPinned: () => false,
  level: () => "FOLLOWING",
  kind: () => "👍",
  active: () => false,
  query: () => "Anna",
  replyToPostId: () => null,
  name: () => "Gültiger Name",
  notificationId: () => notificationId,
  note: () => "Ein Hinweis",
  organisation: () => "Gemeinde Muster",
  outcome: () => "NO_VIOLATION",
  outcomeNote: () => "Geprüft",
  page: () => 1,
  password: () => "lang-genug-123",
  postId: () => post.id,
  // a report names a category, hiding a post gives a reason in words
  reason: (path) => (path === "report.create" ? "SPAM" : "Ein Grund"),
  reportId: () => randomUUID(),
  readUpTo: () => 1,
  role: () => "READER",
  slug: () => "technik",
  status: () => "OPEN",
  threadId: () => thread.id,
  title: () => "Gültiger Titel",
  to: (path) => (path.startsWith("results.") ? 1 : "2026-12-31"),
  token: () => "t".repeat(43),
  userId: () => freshUser.id,
  spotlightId: () => spotlight.id,
  problem: () => "Ein Problem",
  requestedAction: () => "Ein Anliegen",
  groupIds: () => [technikId],
  affectedMunicipalities: () => ["Stadt Zerbst/Anhalt"],
  sourceThreadId: () => thread.id,
  excludeThreadId: () => thread.id,
  statuses: () => ["PROPOSED"],
  forwardedTo: () => "Ministerium für Infrastruktur und Digitales",
  cosignedByMyMunicipality: () => true,
  sort: (path) => (path.startsWith("ozg.") ? "name" : "title"),
  direction: (path) => (path === "results.moveSection" ? "up" : "asc"),
  talkId: () => talk.id,
  period: () => "upcoming",
  category: () => "FUTURE",
  speakers: () => ["Dr. Anna Beispiel"],
  federalState: () => "Bayern",
  startsAt: () => berlinLocalIn(24 * 14),
  endsAt: () => berlinLocalIn(24 * 14 + 2),
  onlineUrl: () => "https://konferenz.example.org/raum",
  place: () => "Magdeburg, Landtag",
  abstract: () => "Eine Zusammenfassung",
  links: () => [{ label: "Folien", url: "https://example.org/folien.pdf" }],
  recordingUrl: () => null,
  expectedUpdatedAt: () => talk.updatedAt,
  questionId: () => questionId,
  intoQuestionId: () => intoQuestionId,
  answer: () => "Eine Antwort",
  ressorts: () => ["MID"],
  priorities: () => [1],
  phases: () => ["PILOT"],
  themenfeld: () => "Mobilität & Reisen",
  lage: () => "Führerschein",
  focusOnly: () => true,
  availabilities: () => ["PARTIAL"],
  ozgId: () => "10169",
  isPublic: () => false,
  sectionId: () => resultSectionId,
  markdown: () => "Ein **gültiger** Abschnitt",
  baseRevision: () => 0,
  anchorBlock: () => null,
  commentId: () => resultCommentId,
  number: () => 1,
};

type ProcedureDef = { type: "query" | "mutation"; inputs: ZodType[] };
// typed as nested, but at run time a flat record keyed "post.create"
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>);

/** Messages zod and tRPC would show in English if a schema slipped past the German error map. */
const english = /\b(Invalid|Expected|Required|received|Too (big|small)|Unrecognized|must be)\b/;

async function call(actor: Actor, path: string, input: unknown): Promise<unknown> {
  const [namespace, name] = path.split(".");
  const caller = appRouter.createCaller({ actor }) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  return caller[namespace][name](input);
}

function inputsFor(path: string, def: ProcedureDef): [string, unknown][] {
  const schema = def.inputs[0] as { shape?: Record<string, unknown> } | undefined;
  const fields = Object.keys(schema?.shape ?? {});
  const missing = fields.filter((field) => !validField[field]);
  assert.deepEqual(missing, [], `${path}: add a valid value for ${missing.join(", ")} to validField`);
  const valid = () => Object.fromEntries(fields.map((field) => [field, validField[field](path)]));
  return [
    ...garbage.map(([label, value]): [string, unknown] => [`input = ${label}`, value]),
    ...fields.flatMap((field) => garbage.map(([label, value]): [string, unknown] => [`${field} = ${label}`, { ...valid(), [field]: value }])),
  ];
}

test("[router] garbage in any field of any procedure gets a German refusal or an answer, never a 500", { timeout: 300_000 }, async () => {
  const failures: string[] = [];
  let calls = 0;
  for (const [path, { _def }] of procedures) {
    for (const [label, input] of inputsFor(path, _def)) {
      for (const actor of [participant, admin]) {
        calls++;
        try {
          await call(actor, path, input);
        } catch (error) {
          const where = `${path} as ${actor.role}, ${label}`;
          if (!(error instanceof TRPCError)) failures.push(`${where}: ${String(error)}`);
          else if (error.code === "INTERNAL_SERVER_ERROR") failures.push(`${where}: INTERNAL_SERVER_ERROR ${error.message}`);
          else if (english.test(error.message) || error.message === appErrors.INTERNAL.message) failures.push(`${where}: "${error.message}"`);
        }
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${calls} calls failed badly`);
  assert.ok(calls > 1000, `only ${calls} calls`);
});

async function http(path: string, init: { method: "GET" | "POST"; query?: string; body?: string; cookie: string }) {
  const req = new Request(`http://localhost/api/trpc/${path}${init.query ?? ""}`, {
    method: init.method,
    headers: { "content-type": "application/json", cookie: init.cookie },
    body: init.body,
  });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext({ req }) });
  return { status: res.status, text: await res.text() };
}

test("[router] malformed requests over HTTP get 4xx, never a 500", async () => {
  const cookie = `next-auth.session-token=${await encode({ token: { sub: participant.id, sv: 0, email: participant.email }, secret: SECRET })}`;
  const cases: [string, Parameters<typeof http>[1]][] = [
    ["thread.byId", { method: "GET", query: "?input=%7Bkaputt", cookie }],
    ["thread.byId", { method: "GET", query: "?input=%E0%A4%A", cookie }],
    ["thread.byId", { method: "GET", query: `?input=${encodeURIComponent(JSON.stringify({ threadId: "x".repeat(10_000) }))}`, cookie }],
    ["post.create", { method: "POST", body: "{kein json", cookie }],
    ["post.create", { method: "POST", body: "", cookie }],
    ["post.create", { method: "GET", query: "?input={}", cookie }],
    ["thread.byId", { method: "POST", body: "{}", cookie }],
    ["gibt.esNicht", { method: "GET", cookie }],
    ["thread.byId,post.list", { method: "GET", query: "?batch=1&input=%5B%5D", cookie }],
    ["thread.byId", { method: "GET", query: "?batch=1&input=%7B%220%22%3Anull%7D", cookie }],
  ];
  const failures: string[] = [];
  for (const [path, init] of cases) {
    const { status, text } = await http(path, init);
    if (status >= 500 || status < 400) failures.push(`${init.method} ${path}${init.query ?? ""}: ${status} ${text.slice(0, 200)}`);
    else {
      // a batch answers a list; every message a person could see must be German
      const body = JSON.parse(text) as unknown;
      const messages = (Array.isArray(body) ? body : [body]).map((entry) => (entry as { error?: { message?: string } }).error?.message ?? "");
      for (const message of messages) {
        if (!message || english.test(message) || /No procedure|Unsupported|Unexpected token|JSON/.test(message)) failures.push(`${init.method} ${path}: "${message}"`);
      }
    }
  }
  assert.deepEqual(failures, []);
});
