import { formatShortDate } from "@/app/_lib/format";

const actionLabels: Record<string, string> = {
  "invitation.create": "Einladung erstellt",
  "invitation.revoke": "Einladung zurückgezogen",
  "user.role": "Rolle geändert",
  "user.deactivate": "Zugang deaktiviert",
  "user.reactivate": "Zugang reaktiviert",
  "thread.moderate": "Thema moderiert (angeheftet/gesperrt)",
  "post.edit": "Fremden Beitrag bearbeitet",
};

interface Entry {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string;
  createdAt: string;
  actor: { name: string; organisation: string };
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
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-wrap justify-between gap-2 p-3">
              <span>
                <span className="font-semibold">{actionLabels[entry.action] ?? entry.action}</span> durch {entry.actor.name} ({entry.actor.organisation})
              </span>
              <span className="text-slate-600">{formatShortDate(entry.createdAt)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
