import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";

export interface SearchFilterOptions {
  groups: { id: string; slug: string; name: string }[];
  /** everyone who has written something the search can find */
  authors: { id: string; name: string; organisation: string }[];
}

/** The choices of the search form's group and person filters. */
export async function searchFilterOptions(actor: Actor | null): Promise<SearchFilterOptions> {
  assertCan(actor, "search.read");
  const [groups, authors] = await Promise.all([
    db().workingGroup.findMany({ select: { id: true, slug: true, name: true }, orderBy: { position: "asc" } }),
    db().user.findMany({
      where: { OR: [{ posts: { some: {} } }, { threads: { some: {} } }] },
      select: { id: true, name: true, organisation: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  return { groups, authors };
}
