import type { SpotlightSort } from "./spotlight";
import { spotlightStatuses } from "./spotlight-lifecycle";
import type { SpotlightDto } from "../services/spotlights/dto";

/** The orders of the board and the list: used by the list service and by boards re-sorting live. Client-safe. */

const collator = new Intl.Collator("de");

type Sortable = Pick<SpotlightDto, "statusChangedAt" | "createdAt" | "title" | "cosigningMunicipalities" | "status" | "dueOn">;

const comparators: Record<SpotlightSort, (a: Sortable, b: Sortable) => number> = {
  changed: (a, b) => a.statusChangedAt.localeCompare(b.statusChangedAt),
  created: (a, b) => a.createdAt.localeCompare(b.createdAt),
  title: (a, b) => collator.compare(a.title, b.title),
  cosigns: (a, b) => a.cosigningMunicipalities.length - b.cosigningMunicipalities.length,
  status: (a, b) => spotlightStatuses.indexOf(a.status) - spotlightStatuses.indexOf(b.status),
  // without a due day last in either direction: they have no deadline to sort by
  due: (a, b) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"),
};

/** A comparator for `Array.sort`; ties go to the most recently changed. */
export function compareSpotlights(sort: SpotlightSort, direction: "asc" | "desc") {
  const compare = comparators[sort];
  const sign = direction === "asc" ? 1 : -1;
  return (a: Sortable, b: Sortable) => {
    if (sort === "due" && (a.dueOn === null) !== (b.dueOn === null)) return a.dueOn === null ? 1 : -1;
    return sign * compare(a, b) || b.statusChangedAt.localeCompare(a.statusChangedAt);
  };
}
