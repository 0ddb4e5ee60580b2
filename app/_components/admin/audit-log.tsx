import type { ReactNode } from "react";
import { formatShortDate } from "@/app/_lib/format";
import { roleLabels, type RoleName } from "@/server/auth/roles";
import { auditActionLabels, isAuditAction } from "@/server/schemas/audit";
import { reportOutcomeLabels, type ReportOutcomeName } from "@/server/schemas/report";
import { spotlightStatusLabels, type SpotlightStatus } from "@/server/schemas/spotlight-lifecycle";

interface Entry {
  id: string;
  action: string;
  subjectLabel: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
  actor: { name: string; organisation: string };
}

const role = (value: unknown) => roleLabels[value as RoleName] ?? String(value);

/** The change in words: "Teilnehmende → Moderation", "angeheftet, gesperrt", "als Lesende". */
function describeChange(entry: Entry): string | null {
  const details = entry.details ?? {};
  if (entry.action === "user.role") return `${role(details.from)} → ${role(details.to)}`;
  if (entry.action === "invitation.create" && details.role) return `als ${role(details.role)}`;
  if (entry.action === "post.hide" && typeof details.reason === "string") return `Grund: ${details.reason}`;
  if (entry.action === "thread.rename") {
    const title = (side: unknown) => (side as { title?: string } | undefined)?.title ?? "?";
    return `„${title(details.before)}“ → „${title(details.after)}“`;
  }
  if (entry.action === "thread.move") {
    const group = (side: unknown) => (side as { group?: { name?: string } } | undefined)?.group?.name ?? "?";
    return `${group(details.before)} → ${group(details.after)}`;
  }
  if (entry.action === "report.close") {
    const outcome = reportOutcomeLabels[details.outcome as ReportOutcomeName] ?? String(details.outcome);
    return details.outcomeNote ? `${outcome}: ${String(details.outcomeNote)}` : outcome;
  }
  if (entry.action === "spotlight.transition") {
    const status = (value: unknown) => spotlightStatusLabels[value as SpotlightStatus] ?? String(value);
    return `${status(details.from)} → ${status(details.to)}`;
  }
  if (entry.action === "thread.moderate") {
    const before = (details.before ?? {}) as { isPinned?: boolean; isLocked?: boolean };
    const after = (details.after ?? {}) as { isPinned?: boolean; isLocked?: boolean };
    const changes = [
      before.isPinned !== after.isPinned && (after.isPinned ? "angeheftet" : "nicht mehr angeheftet"),
      before.isLocked !== after.isLocked && (after.isLocked ? "gesperrt" : "entsperrt"),
    ].filter(Boolean);
    return changes.length ? changes.join(", ") : null;
  }
  return null;
}

/** The entries as a list; `empty` says why there are none (no actions yet, or none match the filter). */
export function AuditEntries({ entries, empty }: { entries: Entry[]; empty: string }) {
  return entries.length === 0 ? (
    <p className="text-slate-700">{empty}</p>
  ) : (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
      {entries.map((entry) => {
        const change = describeChange(entry);
        return (
          <li key={entry.id} className="flex flex-wrap justify-between gap-2 p-3">
            <span className="min-w-0 break-words">
              <span className="font-semibold">{isAuditAction(entry.action) ? auditActionLabels[entry.action] : entry.action}</span>
              {entry.subjectLabel && <>: {entry.subjectLabel}</>}
              {change && <> ({change})</>} – durch {entry.actor.name} ({entry.actor.organisation})
            </span>
            <span className="text-slate-600">{formatShortDate(entry.createdAt)}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function AuditLog({ entries, more }: { entries: Entry[]; more?: ReactNode }) {
  return (
    <section aria-labelledby="protokoll" className="space-y-4">
      <h2 id="protokoll" className="text-xl font-semibold">
        Protokoll
      </h2>
      <AuditEntries entries={entries} empty="Noch keine Moderations- oder Verwaltungsaktionen." />
      {more}
    </section>
  );
}
