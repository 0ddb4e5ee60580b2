import Link from "next/link";
import type { GroupSummary } from "@/server/services/groups/dto";

export function GroupCard({ group }: { group: GroupSummary }) {
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
    </article>
  );
}
