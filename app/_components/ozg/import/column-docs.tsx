import { acceptedHeaders, ignoredExportHeaders, importColumns, type ImportColumn } from "@/server/services/ozg/import/columns";
import { acceptedAvailabilityValues, acceptedPhaseValues } from "@/server/services/ozg/import/values";
import { ressorts } from "@/server/schemas/ressorts";

const acceptedValues: Record<ImportColumn, string> = {
  ozgId: "Pflicht in jeder Zeile, z. B. 10169. Jede OZG-ID nur einmal. Eine ID, die es im Katalog nicht gibt, legt eine neue Leistung an.",
  name: "Text. Leer: bleibt, wie er ist. Pflicht für neue Leistungen.",
  lage: "Text. Leer: bleibt. Pflicht für neue Leistungen.",
  themenfeld: "Text. Leer: bleibt. Pflicht für neue Leistungen.",
  ressort: `Kürzel (${ressorts.map((r) => r.code).join(", ")}) oder voller Name des Ministeriums. Leer: kein Ressort.`,
  priority: "1 hoch, 2 mittel, 3 niedrig, 4 kein Bedarf – oder nur die Zahl 1–4 oder nur das Wort. Leer: keine Priorität.",
  phase: `${acceptedPhaseValues.join(", ")}; auch nur die Nummer (0–6) oder der Name ohne Nummer („Pilotierung“). Leer: bleibt.`,
  implementationModel: "Text, z. B. EfA-Nachnutzung. Leer: kein Umsetzungsmodell.",
  leadState: "Text, z. B. Hessen. Leer: keines.",
  isFocus: "ja oder nein; auch x, 1/0, wahr/falsch. Leer: nein.",
  availability: `${acceptedAvailabilityValues.slice(0, 3).join(", ")}; auch ja, teilweise, nein. Leer: nicht verfügbar.`,
};

/** Which columns the import reads, under which names, with which values: the import page's reference. */
export function ImportColumnDocs() {
  return (
    <section aria-labelledby="spalten" className="mt-8">
      <h2 id="spalten" className="text-xl font-semibold">
        Spalten der Datei
      </h2>
      <p className="mt-2 max-w-3xl text-slate-700">
        Die erste Zeile (bzw. die erste Zeile des ersten Blatts) nennt die Spalten, so wie der Export sie schreibt. Groß- und Kleinschreibung, Umlaute (ä oder ae),
        Leerzeichen, Bindestriche und Satzzeichen spielen keine Rolle. Fehlt eine Spalte, bleibt dieses Feld bei allen Leistungen unverändert. Nicht gelesen werden{" "}
        {ignoredExportHeaders.map((header) => `„${header}“`).join(" und ")} sowie unbekannte Spalten.
      </p>
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full min-w-[40rem] border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Spalten, die der Import liest, mit den erkannten Namen und erlaubten Werten</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                Spalte
              </th>
              <th scope="col" className="px-3 py-2">
                Erkannte Namen
              </th>
              <th scope="col" className="px-3 py-2">
                Erlaubte Werte
              </th>
            </tr>
          </thead>
          <tbody>
            {importColumns.map((column) => {
              const [header, ...aliases] = acceptedHeaders(column);
              return (
                <tr key={column} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 font-semibold">
                    {header}
                  </th>
                  <td className="px-3 py-2">{aliases.join(", ")}</td>
                  <td className="px-3 py-2">{acceptedValues[column]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
