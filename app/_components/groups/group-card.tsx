import Link from "next/link";
import type { GroupSummary } from "@/server/services/groups/dto";

/** `unreadThreads`: threads with posts the viewer has not seen yet, when known. */
export function GroupCard({ group, unreadThreads = 0 }: { group: GroupSummary; unreadThreads?: number }) {
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 className="text-lg font-semibold">
        <Link href={`/arbeitsgruppen/${group.slug}`} className="text-brand-700 hover:underline">
          {group.name}
        </Link>
      </h3>
      <p className="mt-1 font-medium text-slate-800">{group.question}</p>
      <p className="mt-2 text-sm text-slate-600">
        {group.threadCount === 1 ? "1 Thema" : `${group.threadCount} Themen`} ·{" "}
        {group.memberCount === 1 ? "1 Mitglied" : `${group.memberCount} Mitglieder`}
        {group.isMember && " · Sie sind Mitglied"}
      </p>
      {unreadThreads > 0 && (
        <p className="mt-2 text-sm font-semibold text-brand-700">
          {unreadThreads === 1 ? "1 Thema mit neuen Beiträgen" : `${unreadThreads} Themen mit neuen Beiträgen`}
        </p>
      )}
    </article>
  );
}
