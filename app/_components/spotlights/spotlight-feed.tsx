"use client";
import Link from "next/link";
import type { ListSpotlightsInput } from "@/server/schemas/spotlight";
import { isSpotlightOverdue, spotlightReference } from "@/server/schemas/spotlight-lifecycle";
import type { SpotlightDto } from "@/server/services/spotlights/dto";
import { RelativeTime } from "../ui/relative-time";
import { shortGroupName } from "./spotlight-board";
import { StatusBadge } from "./status-badge";
import { useLiveSpotlightList } from "./use-live-spotlight-list";

/**
 * A short live list of spotlights, latest status change first: the home page's "in Bewegung" and a
 * working group's spotlights. `limit` keeps the first few.
 */
export function SpotlightFeed({
  initialSpotlights,
  filter,
  organisation,
  today,
  limit,
  emptyText,
  testId,
}: {
  initialSpotlights: SpotlightDto[];
  filter: ListSpotlightsInput;
  organisation: string;
  today: string;
  limit?: number;
  emptyText: string;
  testId: string;
}) {
  const spotlights = useLiveSpotlightList(initialSpotlights, filter, organisation, limit);
  if (!spotlights.length) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700" data-testid={testId}>
        {emptyText}
      </p>
    );
  }
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid={testId}>
      {spotlights.map((spotlight) => (
        <li key={spotlight.id} className="p-4">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
            <span className="font-semibold text-slate-700">{spotlightReference(spotlight.number)}</span>
            <StatusBadge status={spotlight.status} overdue={isSpotlightOverdue(spotlight, today)} compact />
            <RelativeTime iso={spotlight.statusChangedAt} />
          </p>
          <p className="mt-1 font-semibold">
            <Link href={`/spotlights/${spotlight.id}`} className="text-brand-700 hover:underline">
              {spotlight.title}
            </Link>
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {spotlight.groups.map((group) => shortGroupName(group.name)).join(" · ")} ·{" "}
            {spotlight.cosigningMunicipalities.length === 1 ? "1 Kommune" : `${spotlight.cosigningMunicipalities.length} Kommunen`}
            {spotlight.forwardedTo && <> · an {spotlight.forwardedTo}</>}
          </p>
        </li>
      ))}
    </ol>
  );
}
