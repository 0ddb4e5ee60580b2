"use client";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { z } from "zod";
import { useTRPC } from "@/app/_lib/trpc";
import { reportPostSchema, reportReasonLabels, reportReasons, REPORT_NOTE_MAX, type ReportReasonName } from "@/server/schemas/report";
import { Button } from "../ui/button";
import { TextArea } from "../ui/field";

/** Asks moderation to look at a post: a reason from the list, in the reporter's own words if needed. */
export function ReportForm({ postId, postNumber, onDone, onCancel }: { postId: string; postNumber: number; onDone: () => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const id = useId();
  const [reason, setReason] = useState<ReportReasonName | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});
  const report = useMutation(trpc.report.create.mutationOptions({ onSuccess: onDone }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = reportPostSchema.safeParse({ postId, reason: reason ?? undefined, note });
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors;
      setErrors({ reason: fieldErrors.reason?.[0], note: fieldErrors.note?.[0] });
      return;
    }
    setErrors({});
    report.mutate(parsed.data);
  }

  const legendId = `${id}-legend`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label={`Beitrag #${postNumber} melden`}>
      <fieldset aria-describedby={errors.reason ? `${id}-reason-error` : undefined}>
        <legend id={legendId} className="mb-1 font-medium">
          Warum soll die Moderation sich diesen Beitrag ansehen?
        </legend>
        <div className="space-y-1">
          {reportReasons.map((value) => (
            <label key={value} className="flex items-start gap-2">
              <input
                type="radio"
                name={`${id}-reason`}
                value={value}
                checked={reason === value}
                onChange={() => setReason(value)}
                className="mt-1 h-4 w-4"
              />
              <span>{reportReasonLabels[value]}</span>
            </label>
          ))}
        </div>
        {errors.reason && (
          <p id={`${id}-reason-error`} className="mt-1 text-sm font-medium text-red-700">
            {errors.reason}
          </p>
        )}
      </fieldset>
      <TextArea
        label="Erläuterung"
        hint={`Bei „Sonstiges“ erforderlich, sonst freiwillig; höchstens ${REPORT_NOTE_MAX.toLocaleString("de-DE")} Zeichen. Nur die Moderation sieht Ihre Meldung.`}
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={errors.note}
      />
      {report.error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {report.error.message}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={report.isPending}>
          Meldung senden
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Abbrechen
        </Button>
      </div>
    </form>
  );
}
