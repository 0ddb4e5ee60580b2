import Link from "next/link";

export type OzgTab = "overview" | "table" | "import";

/** The status section's own navigation: overview, table and, for moderation, the import. */
export function OzgTabs({ current, showImport }: { current: OzgTab; showImport: boolean }) {
  const tabs: { id: OzgTab; href: string; label: string }[] = [
    { id: "overview", href: "/ozg", label: "Übersicht" },
    { id: "table", href: "/ozg/leistungen", label: "Alle Leistungen" },
    ...(showImport ? [{ id: "import" as const, href: "/ozg/import", label: "Import" }] : []),
  ];
  return (
    <nav aria-label="Nachnutzungsübersicht" className="mb-6 border-b border-slate-300">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link
              href={tab.href}
              aria-current={tab.id === current ? "page" : undefined}
              className="-mb-px block border-b-3 border-transparent px-3 py-2 text-sm font-semibold text-brand-800 hover:bg-slate-100 aria-[current=page]:border-brand-700"
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
