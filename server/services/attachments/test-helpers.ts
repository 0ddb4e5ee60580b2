import { Readable } from "node:stream";
import type { Actor } from "../../auth/policy";
import { uploadAttachment } from "./upload-attachment";

/** Uploads `content` as the browser would, towards a post in `threadId`. */
export function uploadFile(actor: Actor | null, threadId: string, name: string, content: Buffer | Readable) {
  return uploadAttachment(actor, { thema: threadId }, async () => ({
    name,
    content: content instanceof Readable ? content : Readable.from([content]),
  }));
}

/** A stream of `size` bytes that starts like `head`, produced in chunks and never held in memory at once. */
export function streamOfSize(size: number, head: Buffer = Buffer.alloc(0)): Readable & { bytesProduced: () => number } {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let produced = 0;
  const stream = new Readable({
    read() {
      if (produced >= size) return this.push(null);
      const first = produced === 0 ? Buffer.concat([head, chunk]).subarray(0, chunk.length) : chunk;
      const piece = first.subarray(0, Math.min(first.length, size - produced));
      produced += piece.length;
      this.push(piece);
    },
  });
  return Object.assign(stream, { bytesProduced: () => produced });
}

/** Uploads `content` as the talk form would, as material of the (maybe not yet saved) talk `talkId`. */
export function uploadTalkMaterial(actor: Actor | null, talkId: string, name: string, content: Buffer) {
  return uploadAttachment(actor, { impuls: talkId }, async () => ({ name, content: Readable.from([content]) }));
}
