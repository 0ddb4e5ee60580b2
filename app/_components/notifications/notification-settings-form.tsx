"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import {
  digestFrequencies,
  digestFrequencyLabels,
  notificationKindLabels,
  notificationKinds,
  type DigestFrequency,
  type NotificationKind,
} from "@/server/services/notifications/kinds";
import type { NotificationSettingsDto } from "@/server/services/notifications/settings";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

/** Which kinds notify, and how often the unread ones come by e-mail. */
export function NotificationSettingsForm({ initial, kinds = notificationKinds, canEmail }: { initial: NotificationSettingsDto; kinds?: readonly NotificationKind[]; canEmail: boolean }) {
  const trpc = useTRPC();
  const [disabled, setDisabled] = useState(() => new Set(initial.disabledKinds));
  const [digest, setDigest] = useState<DigestFrequency>(initial.digest);
  const save = useMutation(trpc.notification.updateSettings.mutationOptions());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ disabledKinds: [...disabled], digest });
  };
  const toggle = (kind: NotificationKind, isOn: boolean) => {
    save.reset();
    setDisabled((current) => {
      const next = new Set(current);
      if (isOn) next.delete(kind);
      else next.add(kind);
      return next;
    });
  };

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <fieldset>
        <legend className="text-lg font-semibold">Benachrichtigen bei …</legend>
        <div className="mt-3 space-y-2">
          {kinds.map((kind) => (
            <label key={kind} className="flex items-start gap-3">
              <input type="checkbox" className="mt-1 h-5 w-5 shrink-0" checked={!disabled.has(kind)} onChange={(event) => toggle(kind, event.target.checked)} />
              <span>{notificationKindLabels[kind]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-lg font-semibold">Zusammenfassung per E-Mail</legend>
        <p className="mt-1 text-sm text-slate-600">Ungelesene Benachrichtigungen, die noch in keiner E-Mail standen, mit Links zu den Beiträgen.</p>
        <div className="mt-3 space-y-2">
          {digestFrequencies.map((frequency) => (
            <label key={frequency} className="flex items-center gap-3">
              <input
                type="radio"
                name="digest"
                value={frequency}
                className="h-5 w-5 shrink-0"
                checked={digest === frequency}
                onChange={() => {
                  save.reset();
                  setDigest(frequency);
                }}
              />
              <span>{digestFrequencyLabels[frequency]}</span>
            </label>
          ))}
        </div>
        {!canEmail && (
          <p className="mt-3 text-sm text-slate-700">
            Hinweis: Auf dieser Installation ist kein E-Mail-Versand eingerichtet; die Einstellung gilt, sobald er eingerichtet ist.
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          Speichern
        </Button>
      </div>
      {save.isSuccess && <Alert tone="success">Ihre Einstellungen sind gespeichert.</Alert>}
      {save.error && <Alert tone="error">{save.error.message}</Alert>}
    </form>
  );
}
