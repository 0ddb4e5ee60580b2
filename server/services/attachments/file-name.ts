import { attachmentTypes, FILE_NAME_MAX, type AttachmentMimeType } from "../../schemas/attachments";
import { normaliseText } from "../../schemas/text";

/**
 * The name an upload is shown and offered under: the last path segment (some browsers send a whole
 * path), normalised text, no characters that file systems refuse, at most FILE_NAME_MAX characters
 * keeping the ending, and the detected type's ending when the name has none of its endings. It is
 * never used as a path: files are stored under random keys.
 */
export function attachmentFileName(raw: string, mimeType: AttachmentMimeType): string {
  const { extensions } = attachmentTypes[mimeType];
  const lastSegment = raw.split(/[/\\]/).pop() ?? "";
  let name = normaliseText(lastSegment, { singleLine: true })
    .replace(/[<>:"|?*]/g, "_")
    .replace(/^\.+|\.+$/g, "")
    .trim();
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (!extensions.some((known) => known === extension)) name = `${name || "Datei"}.${extensions[0]}`;
  if ([...name].length > FILE_NAME_MAX) {
    const ending = name.slice(name.lastIndexOf("."));
    name = [...name].slice(0, FILE_NAME_MAX - ending.length).join("").trimEnd() + ending;
  }
  return name;
}
