/**
 * Shown on every status page while the statuses are the seed's generated values: the catalogue is
 * real, Sachsen-Anhalt's phases, priorities and Ressorts are not until the first real import.
 */
export function DemoNotice({ isDemoData }: { isDemoData: boolean }) {
  if (!isDemoData) return null;
  return (
    <aside aria-label="Hinweis zu Demodaten" className="mb-6 rounded-md border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p>
        <strong>Demodaten:</strong> Die Leistungen, Lagen, Themenfelder und LeiKa-Leistungen stammen aus dem OZG-Umsetzungskatalog (Stand 2019). Ressort,
        Priorität, Phase, Umsetzungsmodell, themenfeldführendes Land, Fokusleistung und Verfügbarkeit sind <strong>erfundene Beispielwerte</strong>, bis die
        Moderation die erste echte Nachnutzungsübersicht importiert.
      </p>
    </aside>
  );
}
