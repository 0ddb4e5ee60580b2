"use client";
import Link from "next/link";
import { useCallback, useState } from "react";
import { useOnConnect, type ClientSocket } from "@/app/_lib/socket";
import type { ReportDto } from "@/server/services/reports/dto";
import { announce } from "../shell/live-announcer";

/** Moderation's link to the report queue, with the number of open reports kept live. */
export function ReportsNavLink({ initialCount, className }: { initialCount: number; className: string }) {
  const [count, setCount] = useState(initialCount);

  const watch = useCallback((socket: ClientSocket) => {
    const onChanged = ({ openCount, report }: { openCount: number; report: ReportDto }) => {
      setCount(openCount);
      if (!report.closedAt) announce(`Neue Meldung zu einem Beitrag von ${report.post.author.name}`);
    };
    socket.on("reports.changed", onChanged);
    socket.emit("reports.watch", {}, (response) => {
      if (response.ok) setCount(response.data.openCount);
    });
    return () => {
      socket.off("reports.changed", onChanged);
    };
  }, []);
  useOnConnect(watch);

  return (
    <Link href="/moderation/meldungen" className={className}>
      Meldungen
      {count > 0 && (
        <span data-testid="report-count" className="ml-2 inline-block min-w-6 rounded-full bg-accent-400 px-1.5 text-center text-xs font-bold text-slate-900">
          {count}
          <span className="sr-only"> offen</span>
        </span>
      )}
    </Link>
  );
}
