import Link from "next/link";
import { formatCount, formatShortDate } from "@/app/_lib/format";
import type { OzgImportSummary } from "@/server/services/ozg/import/import-summary";
import { ImportStatus, ShortHash } from "./import-status";

/** The imports, newest first: who brought which file in when, and what it did. */
export function ImportList({ imports }: { imports: OzgImportSummary[] }) {
  return (
    <section aria-labelledby="importe" className="mt-8">
      <h2 id="importe" className="text-xl font-semibold">
        Bisherige Importe
      </h2>
      {imports.length === 0 ? (
        <p className="mt-2">Noch keine Importe.</p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Importe, neueste zuerst</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Datei
                </th>
                <th scope="col" className="px-3 py-2">
                  Hochgeladen
                </th>
                <th scope="col" className="px-3 py-2">
                  SHA-256
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Zeilen
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Neu
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Geändert
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Fehler
                </th>
                <th scope="col" className="px-3 py-2">
                  Stand
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.map((item) => (
                <tr key={item.id} className="border-t border-slate-200 align-top">
                  <td className="max-w-64 px-3 py-2 break-words">
                    <Link href={`/ozg/import/${item.id}`} className="font-semibold text-brand-700 underline">
                      {item.fileName}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {formatShortDate(item.uploadedAt)}
                    {item.uploadedBy && <span className="block text-slate-600">{item.uploadedBy}</span>}
                  </td>
                  <td className="px-3 py-2">
                    <ShortHash sha256={item.sha256} />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(item.rowCount)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(item.newCount)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(item.changedCount)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(item.errorCount)}</td>
                  <td className="px-3 py-2">
                    <ImportStatus status={item.status} />
                    {item.appliedAt && (
                      <span className="block text-slate-600">
                        {formatShortDate(item.appliedAt)}
                        {item.appliedBy && `, ${item.appliedBy}`}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
