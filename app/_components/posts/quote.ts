import { permalinkOf } from "@/server/schemas/post";
import type { PostDto } from "@/server/services/posts/dto";

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]<>#|~])/g, "\\$1");

/** The post as shown (its rendered element's text), as a Markdown quote with the author and a link back to its permalink. */
export function quoteOf(post: { id: string; number: number; author: { name: string } }, shownText: string): string {
  const text = shownText.trim().replace(/\n{3,}/g, "\n\n");
  const lines = text.split("\n").map((line) => (line ? `> ${line}` : ">"));
  return `> **${escapeMarkdown(post.author.name)}** schrieb in [#${post.number}](${permalinkOf(post.id)}):\n>\n${lines.join("\n")}\n\n`;
}

/**
 * The selected text inside the post, or else the whole post as shown, as a Markdown quote with the
 * author and a link back to its permalink.
 */
export function quoteMarkdown(post: PostDto): string {
  const body = document.getElementById(`beitrag-${post.number}`)?.querySelector(".prose-post");
  const selection = window.getSelection();
  const selected =
    body && selection && !selection.isCollapsed && selection.anchorNode && body.contains(selection.anchorNode) ? selection.toString() : "";
  return quoteOf(post, selected || (body as HTMLElement | null)?.innerText || "");
}
