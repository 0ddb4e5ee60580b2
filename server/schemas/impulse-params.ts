import { impulseTalkCategories, type ImpulseTalkCategory, type ListImpulseTalksInput } from "./impulse-talk";
import { normaliseText } from "./text";

/**
 * The talk list's URL (`/impulse?zeit=vergangen&reihe=LIGHTHOUSE&gruppe=technik`). Client-safe. The
 * series keeps its enum name in the URL, as the talk page links to it.
 */

export type TalkListTime = "bevorstehend" | "vergangen";

export interface TalkListParams {
  zeit: TalkListTime;
  reihe?: ImpulseTalkCategory;
  /** working group slug; the page checks it against the groups */
  gruppe?: string;
}

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));
const key = (value: string) => normaliseText(value.slice(0, 500), { singleLine: true }).trim();

/** The nearest valid list for whatever a URL carries: unknown values are dropped. Never throws. */
export function parseTalkListParams(raw: RawParams): TalkListParams {
  const zeit = key(first(raw.zeit)).toLowerCase() === "vergangen" ? "vergangen" : "bevorstehend";
  const reihe = key(first(raw.reihe)).toUpperCase();
  const gruppe = key(first(raw.gruppe)).toLowerCase();
  return {
    zeit,
    ...(impulseTalkCategories.includes(reihe as ImpulseTalkCategory) ? { reihe: reihe as ImpulseTalkCategory } : {}),
    ...(/^[a-z0-9-]{1,100}$/.test(gruppe) ? { gruppe } : {}),
  };
}

/** The list's address for a state; defaults are left out so links stay short. */
export function talkListHref(params: Partial<TalkListParams>): string {
  const query = new URLSearchParams();
  if (params.zeit === "vergangen") query.set("zeit", "vergangen");
  if (params.reihe) query.set("reihe", params.reihe);
  if (params.gruppe) query.set("gruppe", params.gruppe);
  const search = query.toString();
  return search ? `/impulse?${search}` : "/impulse";
}

/** The list service's input for a state whose group slug the caller resolved to an id. */
export const talkListInput = (params: TalkListParams, groupId: string | undefined): ListImpulseTalksInput => ({
  period: params.zeit === "vergangen" ? "past" : "upcoming",
  ...(params.reihe ? { category: params.reihe } : {}),
  ...(groupId ? { groupId } : {}),
});
