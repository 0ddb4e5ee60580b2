import { z } from "zod";
import { postAttachmentsSchema } from "./attachments";
import { berlinDateTimeSchema } from "./berlin-time";
import { idSchema, requiredText } from "./common";
import { federalStates } from "./federal-states";
import { normaliseText } from "./text";

export const impulseTalkCategories = ["OTHER_STATES", "LIGHTHOUSE", "FUTURE"] as const;
export type ImpulseTalkCategory = (typeof impulseTalkCategories)[number];

/** As the programme names the three series. */
export const impulseTalkCategoryLabels: Record<ImpulseTalkCategory, string> = {
  OTHER_STATES: "Lösungen anderer Bundesländer",
  LIGHTHOUSE: "Leuchtturmprojekte Sachsen-Anhalts",
  FUTURE: "Blick in die Zukunft",
};

export const TALK_TITLE_MAX = 200;
export const TALK_SHORT_MAX = 200;
export const TALK_ABSTRACT_MAX = 20_000;
export const TALK_SPEAKERS_MAX = 10;
export const TALK_LINKS_MAX = 20;
export const URL_MAX = 2_000;
/** a talk is an hour or two; a day at most, so a typo in the end's date does not block a week of calendars */
export const TALK_DURATION_MAX_HOURS = 24;
export const QUESTION_MAX = 1_000;
export const ANSWER_MAX = 5_000;
export const HIDE_REASON_MAX = 500;

/** http(s) addresses only: a `javascript:` link in a talk would run in every reader's browser */
export const webAddressSchema = (named: string) =>
  z
    .string({ message: `Bitte geben Sie ${named} an.` })
    .trim()
    .min(1, { message: `Bitte geben Sie ${named} an.` })
    .max(URL_MAX, { message: `Die Adresse darf höchstens ${URL_MAX.toLocaleString("de-DE")} Zeichen lang sein.` })
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
        } catch {
          return false;
        }
      },
      { message: "Bitte geben Sie eine vollständige Webadresse an, die mit https:// beginnt." },
    );

/** An optional address: empty means none. */
const optionalWebAddress = (named: string) =>
  z
    .string()
    .trim()
    .max(URL_MAX + 1)
    .transform((value) => value || null)
    .pipe(webAddressSchema(named).nullable())
    .nullish()
    .transform((value) => value ?? null);

const optionalShortText = (named: string) =>
  z
    .string()
    .max(TALK_SHORT_MAX * 4)
    .overwrite((value) => normaliseText(value, { singleLine: true }))
    .pipe(z.string().max(TALK_SHORT_MAX, { message: `${named} darf höchstens ${TALK_SHORT_MAX} Zeichen lang sein.` }))
    .nullish()
    .transform((value) => value || null);

export const talkLinkSchema = z.object({
  label: requiredText("eine Bezeichnung für den Link", "Die Bezeichnung", TALK_SHORT_MAX, { singleLine: true }),
  url: webAddressSchema("die Adresse des Links"),
});

/** The fields moderation fills in for a talk, when creating and when editing it. */
const talkFields = {
  title: requiredText("einen Titel", "Der Titel", TALK_TITLE_MAX, { singleLine: true }),
  speakers: z
    .array(requiredText("den Namen der vortragenden Person", "Ein Name", TALK_SHORT_MAX, { singleLine: true }), {
      message: "Bitte geben Sie mindestens eine vortragende Person an.",
    })
    .min(1, { message: "Bitte geben Sie mindestens eine vortragende Person an." })
    .max(TALK_SPEAKERS_MAX, { message: `Höchstens ${TALK_SPEAKERS_MAX} vortragende Personen.` })
    .transform((names) => [...new Set(names)]),
  organisation: requiredText("die Organisation", "Die Organisation", TALK_SHORT_MAX, { singleLine: true }),
  federalState: z.enum(federalStates, { message: "Bitte wählen Sie ein Bundesland (oder den Bund)." }),
  category: z.enum(impulseTalkCategories, { message: "Bitte wählen Sie eine Reihe." }),
  startsAt: berlinDateTimeSchema("den Beginn"),
  endsAt: berlinDateTimeSchema("das Ende"),
  onlineUrl: optionalWebAddress("den Link zur Teilnahme"),
  place: optionalShortText("Der Ort"),
  /** Markdown, rendered like posts */
  abstract: requiredText("eine Zusammenfassung", "Die Zusammenfassung", TALK_ABSTRACT_MAX),
  groupIds: z
    .array(idSchema, { message: "Die Arbeitsgruppen sind ungültig." })
    .max(4, { message: "Es gibt nur vier Arbeitsgruppen." })
    .default([])
    .transform((ids) => [...new Set(ids)]),
  links: z.array(talkLinkSchema).max(TALK_LINKS_MAX, { message: `Höchstens ${TALK_LINKS_MAX} Links.` }).default([]),
  /** uploads of the moderator (slides, handouts), through server/services/attachments */
  attachments: postAttachmentsSchema,
  recordingUrl: optionalWebAddress("den Link zur Aufzeichnung"),
};

type TimesInput = { startsAt: Date; endsAt: Date; onlineUrl: string | null; place: string | null };

const timesAreSound = <T extends z.ZodType<TimesInput>>(schema: T) =>
  schema
    .refine((talk) => talk.endsAt > talk.startsAt, { message: "Das Ende muss nach dem Beginn liegen.", path: ["endsAt"] })
    .refine((talk) => talk.endsAt.getTime() - talk.startsAt.getTime() <= TALK_DURATION_MAX_HOURS * 3_600_000, {
      message: `Ein Impulsvortrag dauert höchstens ${TALK_DURATION_MAX_HOURS} Stunden.`,
      path: ["endsAt"],
    })
    .refine((talk) => talk.onlineUrl || talk.place, {
      message: "Bitte geben Sie einen Link zur Teilnahme oder einen Ort an.",
      path: ["onlineUrl"],
    });

export const createImpulseTalkSchema = timesAreSound(
  z.object({
    /** generated by the client: a retried send returns the talk created the first time */
    id: idSchema,
    ...talkFields,
  }),
);
export type CreateImpulseTalkInput = z.input<typeof createImpulseTalkSchema>;
export type CreateImpulseTalk = z.output<typeof createImpulseTalkSchema>;

export const updateImpulseTalkSchema = timesAreSound(
  z.object({
    talkId: idSchema,
    /** the `updatedAt` the editor loaded: saving over someone else's newer change is refused */
    expectedUpdatedAt: z.iso.datetime({ message: "Der Bearbeitungsstand ist ungültig." }),
    ...talkFields,
  }),
);
export type UpdateImpulseTalkInput = z.input<typeof updateImpulseTalkSchema>;
export type UpdateImpulseTalk = z.output<typeof updateImpulseTalkSchema>;

export const cancelImpulseTalkSchema = z.object({
  talkId: idSchema,
  reason: requiredText("einen Grund für die Absage", "Der Grund", HIDE_REASON_MAX),
});

export const impulseTalkIdSchema = z.object({ talkId: idSchema });

export const talkPeriods = ["upcoming", "past"] as const;
export type TalkPeriod = (typeof talkPeriods)[number];

export const listImpulseTalksSchema = z.object({
  period: z.enum(talkPeriods, { message: "Bitte wählen Sie bevorstehende oder vergangene Vorträge." }).default("upcoming"),
  category: z.enum(impulseTalkCategories, { message: "Diese Reihe gibt es nicht." }).optional(),
  groupId: idSchema.optional(),
});
export type ListImpulseTalksInput = z.input<typeof listImpulseTalksSchema>;

export const askQuestionSchema = z.object({
  /** generated by the client: a retried send never asks twice */
  id: idSchema,
  talkId: idSchema,
  body: requiredText("eine Frage", "Eine Frage", QUESTION_MAX),
});
export type AskQuestionInput = z.input<typeof askQuestionSchema>;

export const questionIdSchema = z.object({ questionId: idSchema });

export const answerQuestionSchema = z.object({
  questionId: idSchema,
  /** optional: marking a question answered in the talk needs no text */
  answer: z
    .string()
    .max(ANSWER_MAX * 2)
    .overwrite((value) => normaliseText(value))
    .pipe(z.string().max(ANSWER_MAX, { message: `Die Antwort darf höchstens ${ANSWER_MAX.toLocaleString("de-DE")} Zeichen lang sein.` }))
    .nullish()
    .transform((value) => value || null),
});

export const hideQuestionSchema = z.object({
  questionId: idSchema,
  reason: requiredText("einen Grund", "Der Grund", HIDE_REASON_MAX),
});

export const mergeQuestionSchema = z
  .object({
    /** the duplicate, folded into `intoQuestionId` */
    questionId: idSchema,
    intoQuestionId: idSchema,
  })
  .refine((input) => input.questionId !== input.intoQuestionId, {
    message: "Eine Frage kann nicht mit sich selbst zusammengeführt werden.",
    path: ["intoQuestionId"],
  });
