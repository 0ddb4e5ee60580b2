import { attachmentTypes, isAttachmentMimeType } from "@/server/schemas/attachments";

const tones: Record<string, string> = {
  PDF: "bg-red-100 text-red-900",
  DOCX: "bg-blue-100 text-blue-900",
  ODT: "bg-blue-100 text-blue-900",
  XLSX: "bg-green-100 text-green-900",
  ODS: "bg-green-100 text-green-900",
  PPTX: "bg-orange-100 text-orange-900",
  ODP: "bg-orange-100 text-orange-900",
};

export const typeLabel = (type: string) => (isAttachmentMimeType(type) ? attachmentTypes[type].label : "Datei");

/** The type as a short coloured badge; decorative, the label is said in words beside it. */
export function FileBadge({ type }: { type: string }) {
  const badge = isAttachmentMimeType(type) ? attachmentTypes[type].badge : "DATEI";
  return (
    <span aria-hidden="true" className={`inline-block w-12 shrink-0 rounded px-1 py-0.5 text-center text-xs font-bold ${tones[badge] ?? "bg-slate-200 text-slate-900"}`}>
      {badge}
    </span>
  );
}
