import { excerptOfHtml } from "../activity/dto";

/**
 * What a notification about a post quotes of it: the writer's own words, not the quote they answer
 * (a reply that quotes me should show me the reply). A post that is nothing but a quote keeps it.
 */
export function notificationExcerpt(html: string): string {
  const ownWords = excerptOfHtml(html.replace(/<blockquote[\s>][\s\S]*?<\/blockquote>/g, " "));
  return ownWords || excerptOfHtml(html);
}
