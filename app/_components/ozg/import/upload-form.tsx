"use client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { importTooLargeMessage, OZG_IMPORT_MAX_BYTES, OZG_IMPORT_MAX_MB } from "@/server/schemas/ozg-import";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";

type Stage = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "checking" } | { kind: "done" } | { kind: "failed"; message: string };

const GENERIC_FAILURE = "Die Datei konnte nicht hochgeladen werden. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.";

/**
 * Uploads the monthly file with XMLHttpRequest (fetch reports no upload progress): the bar shows the
 * transfer, then "Datei wird geprüft…" while the server reads the file and computes the dry run,
 * which the page opens next.
 */
export function ImportUploadForm() {
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const isBusy = stage.kind === "uploading" || stage.kind === "checking" || stage.kind === "done";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setStage({ kind: "failed", message: "Bitte wählen Sie eine Datei aus." });
    if (file.size > OZG_IMPORT_MAX_BYTES) return setStage({ kind: "failed", message: importTooLargeMessage });
    const form = new FormData();
    form.append("datei", file, file.name);
    const request = new XMLHttpRequest();
    request.open("POST", "/api/ozg/import");
    request.responseType = "json";
    request.upload.onprogress = (progress) => {
      if (!progress.lengthComputable) return;
      const percent = Math.round((progress.loaded / progress.total) * 100);
      setStage(percent >= 100 ? { kind: "checking" } : { kind: "uploading", percent });
    };
    request.upload.onload = () => setStage({ kind: "checking" });
    request.onload = () => {
      const body = request.response as { importId?: string; error?: { message?: string } } | null;
      if (request.status === 201 && body?.importId) {
        setStage({ kind: "done" });
        router.push(`/ozg/import/${body.importId}`);
        return;
      }
      setStage({ kind: "failed", message: body?.error?.message ?? GENERIC_FAILURE });
    };
    request.onerror = () => setStage({ kind: "failed", message: GENERIC_FAILURE });
    setStage({ kind: "uploading", percent: 0 });
    request.send(form);
  }

  const statusText =
    stage.kind === "uploading"
      ? `Datei wird hochgeladen … ${stage.percent} %`
      : stage.kind === "checking"
        ? "Datei wird geprüft … (das kann bei großen Dateien einige Sekunden dauern)"
        : stage.kind === "done"
          ? "Geprüft. Die Probe wird geöffnet …"
          : "";

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" aria-label="Datei hochladen">
      <div>
        <label htmlFor={inputId} className="mb-1 block font-medium">
          Nachnutzungsübersicht (CSV oder XLSX)
        </label>
        <input
          ref={input}
          id={inputId}
          name="datei"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={hintId}
          disabled={isBusy}
          onChange={() => stage.kind === "failed" && setStage({ kind: "idle" })}
          className="block w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-2 text-base file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:font-semibold"
        />
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          CSV (UTF-8 oder Windows-1252, Trennzeichen Semikolon oder Komma) oder Excel-Arbeitsmappe (.xlsx, erstes Blatt), höchstens {OZG_IMPORT_MAX_MB} MB. Es wird
          zuerst nur geprüft; eingespielt wird erst nach Ihrer Bestätigung.
        </p>
      </div>
      <Button type="submit" disabled={isBusy}>
        Datei prüfen
      </Button>
      <div aria-live="polite" className="space-y-2">
        {(stage.kind === "uploading" || stage.kind === "checking" || stage.kind === "done") && (
          <>
            <progress
              className="h-3 w-full accent-brand-600"
              aria-label="Fortschritt des Hochladens"
              max={100}
              value={stage.kind === "uploading" ? stage.percent : stage.kind === "done" ? 100 : undefined}
            />
            <p role="status">{statusText}</p>
          </>
        )}
      </div>
      {stage.kind === "failed" && <Alert tone="error">{stage.message}</Alert>}
    </form>
  );
}
