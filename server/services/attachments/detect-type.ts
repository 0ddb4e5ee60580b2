import { fileTypeFromFile } from "file-type";
import { isAttachmentMimeType, type AttachmentMimeType } from "../../schemas/attachments";

/**
 * The attachment type of a file, judged by its content alone (magic numbers; for zip-based Office
 * formats the declared main part in [Content_Types].xml or the OpenDocument `mimetype` entry).
 * Null for anything not on the list: executables, plain zips, SVG, macro-enabled Office files.
 */
export async function detectAttachmentType(filePath: string): Promise<AttachmentMimeType | null> {
  const detected = await fileTypeFromFile(filePath);
  return detected && isAttachmentMimeType(detected.mime) ? detected.mime : null;
}
