"use client";
import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import { ALLOWED_TYPES_TEXT, ATTACHMENT_ACCEPT, formatFileSize } from "@/server/schemas/attachments";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FileBadge, typeLabel } from "./file-badge";
import type { AttachmentUploads, PendingAttachment } from "./use-attachment-uploads";

/** "Datei anhängen" for a composer: a button (and a drop zone), the chosen files, alt text for images. */
export function AttachmentPicker({ uploads, disabled }: { uploads: AttachmentUploads; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const hintId = useId();
  const [isDragging, setIsDragging] = useState(false);
  const { items, problem } = uploads;

  useEffect(() => {
    if (!problem) return;
    list.current?.querySelector<HTMLElement>(`[data-focus="${problem.key}-${problem.field}"]`)?.focus();
  }, [problem]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsDragging(false);
    if (!disabled && event.dataTransfer.files.length) uploads.add(event.dataTransfer.files);
  };

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setIsDragging(true);
      }}
      onDragLeave={() => setIsDragging(false)}
      onDrop={onDrop}
      className={`rounded-md border border-dashed p-3 ${isDragging ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Button variant="secondary" onClick={() => input.current?.click()} disabled={disabled} aria-describedby={hintId}>
          <PaperClip /> Datei anhängen
        </Button>
        <p id={hintId} className="text-sm text-slate-600">
          oder hierher ziehen · {ALLOWED_TYPES_TEXT}, je bis 10 MB
        </p>
      </div>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={ATTACHMENT_ACCEPT}
        onChange={(event) => {
          if (event.target.files?.length) uploads.add(event.target.files);
          event.target.value = "";
        }}
      />
      {items.length > 0 && (
        <ul ref={list} aria-label="Ausgewählte Dateien" className="mt-3 space-y-3">
          {items.map((item) => (
            <PendingItem key={item.key} item={item} uploads={uploads} />
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {problem.message}
        </p>
      )}
    </div>
  );
}

function PendingItem({ item, uploads }: { item: PendingAttachment; uploads: AttachmentUploads }) {
  const isImage = item.attachment?.isImage ?? !!item.previewUrl;
  const status =
    item.status === "uploading" ? "wird hochgeladen …" : item.status === "ready" ? `${typeLabel(item.attachment!.type)}, angehängt` : null;
  return (
    <li className="rounded border border-slate-200 bg-white p-2">
      <div className="flex items-start gap-2">
        {item.attachment ? <FileBadge type={item.attachment.type} /> : null}
        <div className="min-w-0 flex-1 [overflow-wrap:anywhere]">
          <span className="font-medium">{item.name}</span> <span className="text-sm text-slate-600">({formatFileSize(item.size)})</span>
          {status && <span className="block text-sm text-slate-600">{status}</span>}
          {item.error && <span className="block text-sm font-medium text-red-700">{item.error}</span>}
        </div>
        <button
          type="button"
          data-focus={`${item.key}-remove`}
          onClick={() => uploads.remove(item.key)}
          className="shrink-0 rounded px-2 py-1 text-sm font-semibold text-brand-700 underline"
        >
          Entfernen<span className="sr-only"> ({item.name})</span>
        </button>
      </div>
      {isImage && item.status !== "failed" && (
        <div className="mt-2 flex flex-wrap items-start gap-3">
          {item.previewUrl && (
            // eslint-disable-next-line @next/next/no-img-element -- a local preview of the chosen file
            <img src={item.previewUrl} alt="" className="h-16 w-auto max-w-24 rounded border border-slate-200 object-contain" />
          )}
          <div className="min-w-48 flex-1">
            <TextField
              label="Bildbeschreibung (Alternativtext)"
              hint="Was ist auf dem Bild zu sehen? Für Menschen, die es nicht sehen können."
              value={item.alt}
              required
              maxLength={600}
              data-focus={`${item.key}-alt`}
              onChange={(event) => uploads.setAlt(item.key, event.target.value)}
              error={item.altError}
            />
          </div>
        </div>
      )}
    </li>
  );
}

function PaperClip() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M21 11.5 12.5 20a5 5 0 0 1-7-7L14 4.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4L15.5 7.6" />
    </svg>
  );
}
