import { formatShortDate } from "@/app/_lib/format";
import { roleLabels, type RoleName } from "@/server/auth/roles";

const actionLabels: Record<string, string> = {
  "invitation.create": "Einladung erstellt",
  "invitation.revoke": "Einladung zurückgezogen",
  "invitation.accept": "Einladung angenommen",
  "user.role": "Rolle geändert",
  "user.deactivate": "Zugang deaktiviert",
  "user.reactivate": "Zugang reaktiviert",
  "thread.moderate": "Thema moderiert",
  "post.edit": "Fremden Beitrag bearbeitet",
  "post.hide": "Beitrag ausgeblendet",
  "post.unhide": "Beitrag wieder eingeblendet",
};

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

export function AuditLog({ entries }: { entries: Entry[] }) {
  return (
    <section aria-labelledby="protokoll" className="space-y-4">
      <h2 id="protokoll" className="text-xl font-semibold">
        Protokoll
      </h2>
      {entries.length === 0 ? (
        <p className="text-slate-700">Noch keine Moderations- oder Verwaltungsaktionen.</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
          {entries.map((entry) => {
            const change = describeChange(entry);
            return (
              <li key={entry.id} className="flex flex-wrap justify-between gap-2 p-3">
                <span className="min-w-0 break-words">
                  <span className="font-semibold">{actionLabels[entry.action] ?? entry.action}</span>
                  {entry.subjectLabel && <>: {entry.subjectLabel}</>}
                  {change && <> ({change})</>} – durch {entry.actor.name} ({entry.actor.organisation})
                </span>
                <span className="text-slate-600">{formatShortDate(entry.createdAt)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
