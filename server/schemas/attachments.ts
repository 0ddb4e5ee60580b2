import { z } from "zod";
import { idSchema } from "./common";
import { normaliseText } from "./text";

/** 10 MB: a scanned position paper or a slide deck fits; the upload directory stays manageable. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Enough for a set of photos from a meeting; more belongs in a shared folder. */
export const ATTACHMENTS_PER_POST_MAX = 10;
export const ALT_TEXT_MAX = 500;
export const FILE_NAME_MAX = 200;

export interface AttachmentType {
  /** what people read, e.g. "PDF-Dokument" */
  label: string;
  /** the short badge shown beside the name */
  badge: string;
  /** file name endings that belong to this type; the first is appended to names without one of them */
  extensions: readonly string[];
  isImage: boolean;
}

/**
 * The types an attachment may have, keyed by the MIME type detected from the content. No SVG (it can
 * carry script), no macro-enabled Office formats, no archives.
 */
export const attachmentTypes = {
  "application/pdf": { label: "PDF-Dokument", badge: "PDF", extensions: ["pdf"], isImage: false },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    label: "Word-Dokument",
    badge: "DOCX",
    extensions: ["docx"],
    isImage: false,
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    label: "Excel-Tabelle",
    badge: "XLSX",
    extensions: ["xlsx"],
    isImage: false,
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    label: "PowerPoint-Präsentation",
    badge: "PPTX",
    extensions: ["pptx"],
    isImage: false,
  },
  "application/vnd.oasis.opendocument.text": { label: "OpenDocument-Text", badge: "ODT", extensions: ["odt"], isImage: false },
  "application/vnd.oasis.opendocument.spreadsheet": { label: "OpenDocument-Tabelle", badge: "ODS", extensions: ["ods"], isImage: false },
  "application/vnd.oasis.opendocument.presentation": {
    label: "OpenDocument-Präsentation",
    badge: "ODP",
    extensions: ["odp"],
    isImage: false,
  },
  "image/png": { label: "PNG-Bild", badge: "PNG", extensions: ["png"], isImage: true },
  "image/jpeg": { label: "JPEG-Bild", badge: "JPG", extensions: ["jpg", "jpeg"], isImage: true },
  "image/gif": { label: "GIF-Bild", badge: "GIF", extensions: ["gif"], isImage: true },
  "image/webp": { label: "WebP-Bild", badge: "WEBP", extensions: ["webp"], isImage: true },
} as const satisfies Record<string, AttachmentType>;

export type AttachmentMimeType = keyof typeof attachmentTypes;

export const isAttachmentMimeType = (value: string): value is AttachmentMimeType => Object.hasOwn(attachmentTypes, value);

/** For the file picker: a hint to the browser, never the check (that is the content, on the server). */
export const ATTACHMENT_ACCEPT = [
  ...Object.keys(attachmentTypes),
  ...Object.values(attachmentTypes).flatMap((type) => type.extensions.map((extension) => `.${extension}`)),
].join(",");

export const ALLOWED_TYPES_TEXT = "PDF, Word, Excel, PowerPoint, OpenDocument sowie Bilder (PNG, JPEG, GIF, WebP)";

export const attachmentUrl = (id: string) => `/api/anhaenge/${id}`;

/** "1,2 MB", "340 KB", "512 Byte": binary units, so that the limit reads as "10 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Byte`;
  const format = (value: number) => value.toLocaleString("de-DE", { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${format(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

export const altTextSchema = z
  .string({ message: "Die Bildbeschreibung ist ungültig." })
  .overwrite((value) => normaliseText(value, { singleLine: true }))
  .max(ALT_TEXT_MAX, { message: `Die Bildbeschreibung darf höchstens ${ALT_TEXT_MAX} Zeichen lang sein.` });

/** What a post links when it is sent: uploads of its author, images with their description. */
export const postAttachmentsSchema = z
  .array(z.object({ id: idSchema, alt: altTextSchema.optional() }), { message: "Die Anhänge sind ungültig." })
  .max(ATTACHMENTS_PER_POST_MAX, { message: `Ein Beitrag kann höchstens ${ATTACHMENTS_PER_POST_MAX} Anhänge haben.` })
  .refine((items) => new Set(items.map((item) => item.id)).size === items.length, { message: "Eine Datei ist doppelt angehängt." })
  .default([]);
export type PostAttachmentsInput = z.infer<typeof postAttachmentsSchema>;

/**
 * Where an upload is meant to go, from the upload URL's query: `?thema=<id>` for a post in that thread,
 * `?spotlight=<id>` for the answer moderation records on that spotlight, `?impuls=<id>` for the materials
 * of an impulse talk (the id the create form generated, when the talk is not saved yet).
 */
export const uploadTargetSchema = z
  .object(
    { thema: idSchema.optional(), spotlight: idSchema.optional(), impuls: idSchema.optional() },
    { message: "Es ist nicht angegeben, wohin die Datei gehört." },
  )
  .transform(({ thema, spotlight, impuls }, context) => {
    if (impuls) return { kind: "impulseTalk" as const, talkId: impuls };
    if (spotlight) return { kind: "spotlight" as const, spotlightId: spotlight };
    if (thema) return { kind: "post" as const, threadId: thema };
    context.addIssue({ code: "custom", message: "Die Kennung ist ungültig.", path: ["thema"] });
    return z.NEVER;
  });
export type UploadTarget = z.output<typeof uploadTargetSchema>;
