import { Prisma } from "../../db";

/** The last word of a query still being typed: letters and digits only, so it is safe in to_tsquery's syntax. */
const TRAILING_WORD = /(^|\s)([\p{L}\p{N}]{2,})$/u;

/**
 * The tsquery of what someone typed: websearch_to_tsquery('german', …) accepts any text (quotes, "or",
 * "-word", punctuation) without a syntax error and stems German words. The last word also matches
 * as the start of a word ("Vorst" finds "Vorstellungsrunde"), as people expect of a field that
 * searches while they type; a last word in quotes, after "or" or inside an open phrase is taken as it is.
 */
export function searchTsquery(query: string): Prisma.Sql {
  const trailing = TRAILING_WORD.exec(query);
  // "a or b" and an open "phrase: splitting off the last word would change what the rest means
  const hasOperators = /(^|\s)or\s/i.test(query) || (query.match(/"/g)?.length ?? 0) % 2 === 1;
  if (!trailing || hasOperators) return Prisma.sql`websearch_to_tsquery('german', ${query})`;
  const rest = query.slice(0, trailing.index + trailing[1].length);
  const word = trailing[2];
  return Prisma.sql`(websearch_to_tsquery('german', ${rest}) && (websearch_to_tsquery('german', ${word}) || to_tsquery('german', ${`${word}:*`})))`;
}
