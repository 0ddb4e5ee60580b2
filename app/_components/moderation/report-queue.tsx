"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { formatShortDate } from "@/app/_lib/format";
import { useOnConnect, type ClientSocket } from "@/app/_lib/socket";
import { REPORT_NOTE_MAX, REPORTS_PER_PAGE, reportOutcomeLabels, reportOutcomes, reportReasonLabels, type ReportOutcomeName } from "@/server/schemas/report";
import type { ReportDto } from "@/server/services/reports/dto";
import type { ReportPage } from "@/server/services/reports/list-reports";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextArea } from "../ui/field";
import { Pagination } from "../ui/pagination";
import { RelativeTime } from "../ui/relative-time";

const tabClass = "inline-block rounded-t-md border border-b-0 px-4 py-2 text-sm font-semibold";

/**
 * One page of the queue, live: on the open tab a report closed elsewhere leaves and a new one joins
 * the last page (oldest first); on the first page of the done tab a freshly closed one comes first.
 */
export function ReportQueue({ initialPage }: { initialPage: ReportPage }) {
  const { status, page, pageCount } = initialPage;
  const [reports, setReports] = useState(initialPage.reports);
  const [openCount, setOpenCount] = useState(initialPage.openCount);
  const isOpenTab = status === "OPEN";

  const watch = useCallback(
    (socket: ClientSocket) => {
      const onChanged = ({ openCount: count, report }: { openCount: number; report: ReportDto }) => {
        setOpenCount(count);
        setReports((current) => {
          if (isOpenTab) {
            if (report.closedAt) return current.filter((r) => r.id !== report.id);
            const isLastPage = page >= pageCount;
            return isLastPage && current.length < REPORTS_PER_PAGE && !current.some((r) => r.id === report.id) ? [...current, report] : current;
          }
          if (!report.closedAt || page !== 1) return current;
          return [report, ...current.filter((r) => r.id !== report.id)].slice(0, REPORTS_PER_PAGE);
        });
      };
      socket.on("reports.changed", onChanged);
      socket.emit("reports.watch", {}, (response) => {
        if (response.ok) setOpenCount(response.data.openCount);
      });
      return () => {
        socket.off("reports.changed", onChanged);
      };
    },
    [isOpenTab, page, pageCount],
  );
  useOnConnect(watch);

  const onClosed = (closed: ReportDto) => setReports((current) => current.filter((r) => r.id !== closed.id));
  const baseUrl = isOpenTab ? "/moderation/meldungen" : "/moderation/meldungen?status=erledigt";

  return (
    <>
      <nav aria-label="Meldungen nach Stand" className="border-b border-slate-300">
        <ul className="flex flex-wrap gap-1">
          <li>
            <Link
              href="/moderation/meldungen"
              aria-current={isOpenTab ? "page" : undefined}
              className={`${tabClass} ${isOpenTab ? "border-slate-300 bg-white text-slate-900" : "border-transparent text-brand-700 hover:underline"}`}
            >
              Offen <span data-testid="open-tab-count">({openCount})</span>
            </Link>
          </li>
          <li>
            <Link
              href="/moderation/meldungen?status=erledigt"
              aria-current={isOpenTab ? undefined : "page"}
              className={`${tabClass} ${!isOpenTab ? "border-slate-300 bg-white text-slate-900" : "border-transparent text-brand-700 hover:underline"}`}
            >
              Erledigt
            </Link>
          </li>
        </ul>
      </nav>
      <Pagination page={page} pageCount={pageCount} baseUrl={baseUrl} label="Seiten der Meldungen" />
      {reports.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
          {isOpenTab ? "Keine offenen Meldungen. Alles erledigt!" : "Noch keine erledigten Meldungen."}
        </p>
      ) : (
        <ol className="mt-4 space-y-4" aria-label={isOpenTab ? "Offene Meldungen" : "Erledigte Meldungen"} aria-live="polite">
          {reports.map((report) => (
            <li key={report.id}>
              <ReportCard report={report} onClosed={onClosed} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} baseUrl={baseUrl} label="Seiten der Meldungen" />
    </>
  );
}

function ReportCard({ report, onClosed }: { report: ReportDto; onClosed: (report: ReportDto) => void }) {
  const [isClosing, setIsClosing] = useState(false);
  const headingId = useId();
  const { post } = report;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={headingId} className="font-semibold break-words">
        {reportReasonLabels[report.reason]}
        <span className="font-normal text-slate-700">
          {" "}
          – Beitrag #{post.number} von {post.author.name} ({post.author.organisation})
        </span>
      </h2>
      <p className="mt-1 text-sm break-words text-slate-600">
        in{" "}
        <Link href={`/arbeitsgruppen/${post.group.slug}/themen/${post.thread.id}?beitrag=${post.number}#beitrag-${post.number}`} className="text-brand-700 underline">
          {post.thread.title}
        </Link>{" "}
        ({post.group.name})
      </p>
      <blockquote className="mt-3 border-l-4 border-slate-300 pl-3 break-words text-slate-800">{post.excerpt || "(kein Text)"}</blockquote>
      <p className="mt-2">
        <Link href={`/beitraege/${post.id}`} className="text-sm font-semibold text-brand-700 underline">
          Beitrag #{post.number} ansehen
        </Link>
      </p>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Gemeldet von</dt>
        <dd className="break-words">
          {report.reporter.name} ({report.reporter.organisation}), <RelativeTime iso={report.createdAt} />
        </dd>
        {report.note && (
          <>
            <dt className="font-semibold">Erläuterung</dt>
            <dd className="break-words whitespace-pre-line">{report.note}</dd>
          </>
        )}
        {report.closedAt && report.outcome && (
          <>
            <dt className="font-semibold">Ergebnis</dt>
            <dd className="break-words">
              {reportOutcomeLabels[report.outcome]}
              {report.closedBy && ` – ${report.closedBy.name}, ${formatShortDate(report.closedAt)}`}
            </dd>
            {report.outcomeNote && (
              <>
                <dt className="font-semibold">Anmerkung</dt>
                <dd className="break-words whitespace-pre-line">{report.outcomeNote}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {!report.closedAt &&
        (isClosing ? (
          <CloseForm report={report} onDone={onClosed} onCancel={() => setIsClosing(false)} />
        ) : (
          <div className="mt-3">
            <Button variant="secondary" onClick={() => setIsClosing(true)}>
              Abschließen<span className="sr-only"> (Meldung zu Beitrag #{post.number})</span>
            </Button>
          </div>
        ))}
    </article>
  );
}

function CloseForm({ report, onDone, onCancel }: { report: ReportDto; onDone: (report: ReportDto) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const id = useId();
  const [outcome, setOutcome] = useState<ReportOutcomeName | null>(null);
  const [note, setNote] = useState("");
  const [outcomeError, setOutcomeError] = useState<string | null>(null);
  const close = useMutation(trpc.report.close.mutationOptions({ onSuccess: onDone }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) return setOutcomeError("Bitte wählen Sie ein Ergebnis.");
    setOutcomeError(null);
    close.mutate({ reportId: report.id, outcome, outcomeNote: note });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label="Meldung abschließen">
      <fieldset aria-describedby={outcomeError ? `${id}-error` : undefined}>
        <legend className="mb-1 font-medium">Ergebnis</legend>
        <div className="space-y-1">
          {reportOutcomes.map((value) => (
            <label key={value} className="flex items-start gap-2">
              <input type="radio" name={`${id}-outcome`} value={value} checked={outcome === value} onChange={() => setOutcome(value)} className="mt-1 h-4 w-4" />
              <span>{reportOutcomeLabels[value]}</span>
            </label>
          ))}
        </div>
        {outcomeError && (
          <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
            {outcomeError}
          </p>
        )}
      </fieldset>
      <TextArea
        label="Anmerkung für die meldende Person"
        hint={`Freiwillig, höchstens ${REPORT_NOTE_MAX.toLocaleString("de-DE")} Zeichen.`}
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={close.error?.data?.fieldErrors?.outcomeNote?.[0]}
      />
      {close.error && !close.error.data?.fieldErrors?.outcomeNote && <Alert tone="error">{close.error.message}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={close.isPending}>
          Meldung abschließen
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Abbrechen
        </Button>
      </div>
    </form>
  );
}
