import { attachmentUrl, formatFileSize } from "@/server/schemas/attachments";
import type { AttachmentDto } from "@/server/services/attachments/dto";
import { FileBadge, typeLabel } from "./file-badge";

/** A post's files: images inline (a click opens the full size), other files as a download list. */
export function PostAttachments({ attachments }: { attachments: AttachmentDto[] }) {
  if (!attachments.length) return null;
  const images = attachments.filter((attachment) => attachment.isImage);
  const files = attachments.filter((attachment) => !attachment.isImage);
  return (
    <div className="mt-3 space-y-3">
      {images.length > 0 && (
        <ul aria-label="Bilder" className="flex flex-wrap gap-3">
          {images.map((image) => (
            <li key={image.id} className="max-w-full">
              <a href={attachmentUrl(image.id)} target="_blank" rel="noopener" className="block rounded focus-visible:outline-2 focus-visible:outline-offset-2">
                {/* eslint-disable-next-line @next/next/no-img-element -- private files behind a permission check, not for the image optimiser */}
                <img
                  src={attachmentUrl(image.id)}
                  alt={image.alt ?? ""}
                  loading="lazy"
                  className="h-auto max-h-64 w-auto max-w-full rounded border border-slate-200 bg-slate-50 object-contain"
                />
                <span className="sr-only"> (Bild in voller Größe, öffnet in neuem Tab)</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul aria-label="Anhänge" className="space-y-1">
          {files.map((file) => (
            <li key={file.id}>
              <a href={attachmentUrl(file.id)} className="group inline-flex max-w-full items-start gap-2 rounded py-1 text-brand-700">
                <FileBadge type={file.type} />
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  <span className="font-medium underline group-hover:no-underline">{file.name}</span>{" "}
                  <span className="text-sm text-slate-600">
                    ({typeLabel(file.type)}, {formatFileSize(file.size)})
                  </span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
