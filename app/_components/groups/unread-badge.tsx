import type { ThreadReadDto } from "@/server/services/reads/dto";

/** Read marks only move forward: a late or repeated event never makes posts new again. */
export function mergeReads(current: Record<string, number>, reads: ThreadReadDto[] | Record<string, number>): Record<string, number> {
  const entries = Array.isArray(reads) ? reads.map((r) => [r.threadId, r.lastReadNumber] as const) : Object.entries(reads);
  let next = current;
  for (const [threadId, number] of entries) {
    if ((current[threadId] ?? 0) >= number) continue;
    if (next === current) next = { ...current };
    next[threadId] = number;
  }
  return next;
}

/**
 * "3 neu" for posts added since the reader last looked; "Neu" for a thread they never opened
 * (counting every post of it would say little). Nothing when all is read.
 */
export function UnreadBadge({ postCount, lastReadNumber }: { postCount: number; lastReadNumber: number | undefined }) {
  const className = "ml-2 inline-block rounded-full bg-brand-600 px-2 py-0.5 align-middle text-xs font-semibold whitespace-nowrap text-white";
  if (lastReadNumber === undefined) {
    return (
      <span className={className} title="Noch nicht geöffnet">
        Neu
      </span>
    );
  }
  const unread = postCount - lastReadNumber;
  if (unread <= 0) return null;
  return (
    <span className={className} title={unread === 1 ? "1 neuer Beitrag" : `${unread} neue Beiträge`}>
      {unread} neu
    </span>
  );
}
