import Link from "next/link";
import type { ReactNode } from "react";
import { formatCount, formatShortDate } from "@/app/_lib/format";
import { ozgFieldHeaders, type OzgField } from "@/server/schemas/ozg-fields";
import { moreErrorsMessage, newServiceFields, refusedMessage, type OzgPlanFieldChange } from "@/server/schemas/ozg-import";
import { ozgServiceHref } from "@/server/schemas/ozg-params";
import type { OzgImportDetail } from "@/server/services/ozg/import/get-import";
import { Alert } from "../../ui/alert";
import { FieldChange, shownValue } from "../field-change";
import { ImportActions } from "./import-actions";
import { ImportStatus } from "./import-status";

const fieldLabel = (field: string) => ozgFieldHeaders[field as OzgField] ?? field;

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-xl font-semibold">
        {title}
        {count !== undefined && <span className="ml-2 text-base font-normal text-slate-600">({formatCount(count)})</span>}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function ServiceLink({ ozgId, name }: { ozgId: string; name: string }) {
  return (
    <Link href={ozgServiceHref(ozgId)} className="font-semibold text-brand-700 underline">
      {ozgId} {name}
    </Link>
  );
}

function Changes({ changes }: { changes: OzgPlanFieldChange[] }) {
  return (
    <ul className="mt-1 space-y-1">
      {changes.map((change) => (
        <li key={change.field} className="break-words">
          <FieldChange label={fieldLabel(change.field)} oldValue={change.oldValue} newValue={change.newValue} />
        </li>
      ))}
    </ul>
  );
}

const cardList = "divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white";

/** The dry run of an import and, once applied, its record. Demo imports of the seed have counts and history but no plan. */
/** `isDemoData`: the statuses are still the seed's generated ones, which applying this file ends. */
export function ImportDetail({ detail, isDemoData }: { detail: OzgImportDetail; isDemoData: boolean }) {
  const { plan } = detail;
  const moreErrors = moreErrorsMessage(plan);
  const isChecked = detail.status === "CHECKED";
  const isStale = isChecked && detail.baseVersion !== detail.catalogVersion;
  const hasChanges = detail.newCount + detail.changedCount > 0;
  const summary = `${formatCount(detail.newCount)} neue und ${formatCount(detail.changedCount)} geänderte Leistungen werden übernommen${
    detail.errorCount ? `; ${formatCount(detail.errorCount)} fehlerhafte Zeilen bleiben außen vor` : ""
  }.`;
  const counts: [string, number][] = [
    ["Zeilen mit Leistungen", detail.rowCount],
    ["Neu", detail.newCount],
    ["Geändert", detail.changedCount],
    ["Unverändert", detail.unchangedCount],
    ["Fehlt in der Datei", detail.missingCount],
    ["Fehlerhafte Zeilen", detail.errorCount],
  ];

  return (
    <>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Stand</dt>
        <dd>
          <ImportStatus status={detail.status} />
        </dd>
        <dt className="font-semibold">Datei</dt>
        <dd className="break-words">
          {detail.fileName} ({detail.format}, {formatCount(Math.ceil(detail.sizeBytes / 1024))} KB)
        </dd>
        <dt className="font-semibold">SHA-256</dt>
        <dd className="font-mono text-sm break-all">{detail.sha256}</dd>
        <dt className="font-semibold">Hochgeladen</dt>
        <dd>
          {formatShortDate(detail.uploadedAt)}
          {detail.uploadedBy && ` von ${detail.uploadedBy}`}
        </dd>
        {detail.appliedAt && (
          <>
            <dt className="font-semibold">Eingespielt</dt>
            <dd>
              {formatShortDate(detail.appliedAt)}
              {detail.appliedBy && ` von ${detail.appliedBy}`}
            </dd>
          </>
        )}
      </dl>

      <ul aria-label="Zusammenfassung" className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {counts.map(([label, value]) => (
          <li key={label} className="rounded-lg border border-slate-200 bg-white p-3">
            <span className="block text-2xl font-bold tabular-nums">{formatCount(value)}</span>
            <span className="text-sm text-slate-700">{label}</span>
          </li>
        ))}
      </ul>

      <div className="mt-4 space-y-3">
        {detail.sameFileApplied && (
          <Alert tone="info">
            Eine Datei mit dieser SHA-256 wurde bereits am{" "}
            <Link href={`/ozg/import/${detail.sameFileApplied.id}`} className="font-semibold underline">
              {formatShortDate(detail.sameFileApplied.appliedAt)}
            </Link>{" "}
            eingespielt.{isChecked && !hasChanges && " Sie enthält gegenüber dem aktuellen Stand keine Änderungen."}
          </Alert>
        )}
        {isChecked && plan.isRefused && <Alert tone="error">{refusedMessage(plan)}</Alert>}
        {isStale && (
          <Alert tone="warning">
            Seit dieser Probe wurde ein anderer Import eingespielt. Bitte laden Sie die Datei erneut hoch, damit die Probe den aktuellen Stand zeigt.
          </Alert>
        )}
        {detail.isApplying && <Alert tone="warning">Dieser Import wird gerade eingespielt.</Alert>}
        {isChecked && !hasChanges && !plan.isRefused && <Alert tone="info">Die Datei ändert nichts am aktuellen Stand.</Alert>}
        {isChecked && <ImportActions importId={detail.id} canApply={!plan.isRefused && !isStale} summary={summary} endsDemoData={isDemoData} />}
      </div>

      {plan.errors.length > 0 && (
        <Section id="fehler" title="Fehler" count={Math.max(plan.errorCount, plan.errors.length)}>
          <p className="mb-2 text-slate-700">Zeilen mit Fehlern werden nicht übernommen. Zeile 1 ist die Kopfzeile.</p>
          <div className="overflow-x-auto rounded-lg border border-slate-200">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">Fehler nach Zeile</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Zeile
                  </th>
                  <th scope="col" className="px-3 py-2">
                    OZG-ID
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Fehler
                  </th>
                </tr>
              </thead>
              <tbody>
                {plan.errors.map((error, index) => (
                  <tr key={index} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2 tabular-nums">{error.line}</td>
                    <td className="px-3 py-2">{error.ozgId ?? "–"}</td>
                    <td className="px-3 py-2 break-words">{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {moreErrors && <p className="mt-2 text-slate-700">{moreErrors}</p>}
        </Section>
      )}

      {detail.status === "APPLIED" ? (
        <Section id="aenderungen" title="Übernommene Änderungen" count={detail.historyTotal}>
          {detail.history.length === 0 ? (
            <p>Dieser Import hat nichts geändert.</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200">
              <table className="w-full min-w-[36rem] border-collapse bg-white text-left text-sm">
                <caption className="sr-only">Geänderte Felder je Leistung</caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      Leistung
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Feld
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Vorher
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Nachher
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {detail.history.map((change, index) => (
                    <tr key={index} className="border-t border-slate-200 align-top">
                      <td className="px-3 py-2 break-words">
                        <ServiceLink ozgId={change.ozgId} name={change.serviceName} />
                      </td>
                      <td className="px-3 py-2">{fieldLabel(change.field)}</td>
                      <td className="px-3 py-2 break-words text-slate-700">{shownValue(change.oldValue)}</td>
                      <td className="px-3 py-2 font-semibold break-words">{shownValue(change.newValue)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {detail.historyTotal > detail.history.length && (
                <p className="p-3 text-sm text-slate-700">
                  Gezeigt werden die ersten {formatCount(detail.history.length)} von {formatCount(detail.historyTotal)} Änderungen; alle stehen in der Historie der jeweiligen Leistung.
                </p>
              )}
            </div>
          )}
        </Section>
      ) : (
        <>
          <Section id="neu" title="Neu" count={plan.newServices.length}>
            {plan.newServices.length === 0 ? (
              <p>Keine neuen Leistungen.</p>
            ) : (
              <ul className={cardList}>
                {plan.newServices.map((service) => (
                  <li key={service.ozgId} className="p-3">
                    <span className="text-sm text-slate-600">Zeile {service.line}: </span>
                    <span className="font-semibold">
                      {service.ozgId} {service.name}
                    </span>
                    <Changes changes={newServiceFields(service).filter((field) => field.field !== "name")} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section id="geaendert" title="Geändert" count={plan.changed.length}>
            {plan.changed.length === 0 ? (
              <p>Keine Änderungen.</p>
            ) : (
              <ul className={cardList}>
                {plan.changed.map((service) => (
                  <li key={service.ozgId} className="p-3">
                    <span className="text-sm text-slate-600">Zeile {service.line}: </span>
                    <ServiceLink ozgId={service.ozgId} name={service.name} />
                    <Changes changes={service.changes} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}

      <Section id="fehlt" title="Fehlt in der Datei" count={detail.missingCount}>
        <p className="text-slate-700">Leistungen des Katalogs, die die Datei nicht nennt. Sie werden nicht gelöscht und bleiben unverändert.</p>
        {plan.missing.length > 0 && (
          <details className="mt-2 rounded-lg border border-slate-200 bg-white p-3">
            <summary className="cursor-pointer font-semibold">{formatCount(plan.missing.length)} Leistungen anzeigen</summary>
            <ul className="mt-2 columns-1 gap-6 text-sm sm:columns-2">
              {plan.missing.map((service) => (
                <li key={service.ozgId} className="break-words">
                  <ServiceLink ozgId={service.ozgId} name={service.name} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </Section>

      <Section id="unveraendert" title="Unverändert" count={detail.unchangedCount}>
        <p className="text-slate-700">
          {formatCount(detail.unchangedCount)} {detail.unchangedCount === 1 ? "Leistung steht" : "Leistungen stehen"} in der Datei so, wie sie schon {detail.status === "APPLIED" ? "waren" : "sind"}.
        </p>
      </Section>
    </>
  );
}
