"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ALT_TEXT_MAX, ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_POST_MAX, attachmentTypes, isAttachmentMimeType } from "@/server/schemas/attachments";
import type { AttachmentDto } from "@/server/services/attachments/dto";
import { normaliseText } from "@/server/schemas/text";
import { announce } from "../shell/live-announcer";

export interface PendingAttachment {
  key: string;
  name: string;
  size: number;
  status: "uploading" | "ready" | "failed";
  /** the stored upload, once the server took it */
  attachment?: AttachmentDto;
  /** the server's or this page's German reason, when it failed */
  error?: string;
  /** a local preview of an image (object URL), never the server's copy */
  previewUrl?: string;
  alt: string;
  altError?: string;
}

const TOO_LARGE = "Die Datei ist größer als 10 MB und kann nicht angehängt werden.";
const UPLOAD_FAILED = "Die Datei konnte nicht hochgeladen werden. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.";

/** What the browser guesses from the name: only for the preview; the server judges the content. */
const looksLikeImage = (file: File) => isAttachmentMimeType(file.type) && attachmentTypes[file.type].isImage;

/** Where the files go: a thread id (a post there), the spotlight whose answer moderation records, or a talk's materials. */
export type UploadOwner = string | { spotlightId: string } | { impulseTalkId: string };

const uploadQuery = (owner: UploadOwner) =>
  typeof owner === "string"
    ? `thema=${encodeURIComponent(owner)}`
    : "spotlightId" in owner
      ? `spotlight=${encodeURIComponent(owner.spotlightId)}`
      : `impuls=${encodeURIComponent(owner.impulseTalkId)}`;

/** Files already attached (an edit form), as items that are ready to send again. */
const alreadyAttached = (attachments: AttachmentDto[]): PendingAttachment[] =>
  attachments.map((attachment) => ({ key: `vorhanden-${attachment.id}`, name: attachment.name, size: attachment.size, status: "ready", attachment, alt: attachment.alt ?? "" }));

async function upload(query: string, file: File): Promise<{ attachment: AttachmentDto } | { error: string }> {
  const form = new FormData();
  form.append("datei", file, file.name);
  try {
    const response = await fetch(`/api/anhaenge?${query}`, { method: "POST", body: form });
    const body = (await response.json().catch(() => null)) as { attachment?: AttachmentDto; error?: { message: string } } | null;
    if (response.ok && body?.attachment) return { attachment: body.attachment };
    return { error: body?.error?.message ?? UPLOAD_FAILED };
  } catch {
    return { error: UPLOAD_FAILED };
  }
}

/**
 * The files chosen in a composer: each is uploaded as soon as it is chosen (so a refusal shows at once),
 * images get a description, and `forSend` hands the post what to link, or null after marking what is missing.
 */
export function useAttachmentUploads(owner: UploadOwner, onChange?: () => void, initial: AttachmentDto[] = []) {
  const query = uploadQuery(owner);
  const [items, setItems] = useState<PendingAttachment[]>(() => alreadyAttached(initial));
  /** why the last send was held back, and the item to look at */
  const [problem, setProblem] = useState<{ message: string; key: string; field: "alt" | "remove"; at: number } | null>(null);
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);
  const counter = useRef(0);

  const update = useCallback((key: string, change: Partial<PendingAttachment>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  useEffect(() => () => itemsRef.current.forEach((item) => item.previewUrl && URL.revokeObjectURL(item.previewUrl)), []);

  const add = useCallback(
    (files: Iterable<File>) => {
      onChange?.();
      const chosen = [...files];
      const room = ATTACHMENTS_PER_POST_MAX - itemsRef.current.filter((item) => item.status !== "failed").length;
      const added = chosen.map((file, index): PendingAttachment => {
        const key = `datei-${++counter.current}`;
        const base = { key, name: file.name, size: file.size, alt: "" };
        if (index >= room) return { ...base, status: "failed", error: `Ein Beitrag kann höchstens ${ATTACHMENTS_PER_POST_MAX} Anhänge haben.` };
        if (file.size > ATTACHMENT_MAX_BYTES) return { ...base, status: "failed", error: TOO_LARGE };
        return { ...base, status: "uploading", previewUrl: looksLikeImage(file) ? URL.createObjectURL(file) : undefined };
      });
      setItems((current) => [...current, ...added]);
      added.forEach((item, index) => {
        if (item.status === "failed") {
          announce(`${item.name}: ${item.error}`);
          return;
        }
        void upload(query, chosen[index]).then((result) => {
          if ("attachment" in result) {
            update(item.key, { status: "ready", attachment: result.attachment });
            announce(`${item.name} ist angehängt.`);
          } else {
            update(item.key, { status: "failed", error: result.error });
            announce(`${item.name}: ${result.error}`);
          }
        });
      });
    },
    [query, update, onChange],
  );

  const remove = useCallback(
    (key: string) => {
      onChange?.();
      const item = itemsRef.current.find((candidate) => candidate.key === key);
      if (item?.previewUrl) URL.revokeObjectURL(item.previewUrl);
      setItems((current) => current.filter((candidate) => candidate.key !== key));
      setProblem(null);
    },
    [onChange],
  );

  const setAlt = useCallback(
    (key: string, alt: string) => {
      onChange?.();
      update(key, { alt, altError: undefined });
    },
    [update, onChange],
  );

  /** What to send with the post; null when something needs the writer first (marked on the item). */
  const forSend = useCallback((): { id: string; alt?: string }[] | null => {
    let isComplete = true;
    const checked = itemsRef.current.map((item) => {
      if (item.status !== "ready" || !item.attachment?.isImage) return item;
      const alt = normaliseText(item.alt, { singleLine: true });
      const altError = !alt
        ? "Bitte beschreiben Sie das Bild in wenigen Worten."
        : alt.length > ALT_TEXT_MAX
          ? `Die Bildbeschreibung darf höchstens ${ALT_TEXT_MAX} Zeichen lang sein.`
          : undefined;
      if (altError) isComplete = false;
      return { ...item, altError };
    });
    setItems(checked);
    const failed = checked.find((item) => item.status === "failed");
    const undescribed = checked.find((item) => item.altError);
    if (failed) setProblem({ message: "Bitte entfernen Sie die Dateien, die nicht angehängt werden konnten.", key: failed.key, field: "remove", at: Date.now() });
    else if (undescribed) setProblem({ message: "Bitte beschreiben Sie jedes Bild (Alternativtext).", key: undescribed.key, field: "alt", at: Date.now() });
    else setProblem(null);
    if (!isComplete || failed || checked.some((item) => item.status !== "ready")) return null;
    return checked.map((item) => ({ id: item.attachment!.id, ...(item.attachment!.isImage ? { alt: item.alt } : {}) }));
  }, []);

  const clear = useCallback(() => {
    itemsRef.current.forEach((item) => item.previewUrl && URL.revokeObjectURL(item.previewUrl));
    setItems([]);
    setProblem(null);
  }, []);

  return { items, problem, add, remove, setAlt, forSend, clear, isUploading: items.some((item) => item.status === "uploading") };
}

export type AttachmentUploads = ReturnType<typeof useAttachmentUploads>;
