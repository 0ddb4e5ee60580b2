import type { Metadata } from "next";
import Link from "next/link";
import { FocusProgress } from "@/app/_components/ozg/charts/focus-progress";
import { HistoryChart } from "@/app/_components/ozg/charts/history-chart";
import { PhaseBarChart } from "@/app/_components/ozg/charts/phase-bar-chart";
import { StackedPhaseChart } from "@/app/_components/ozg/charts/stacked-bar-chart";
import { percent } from "@/app/_components/ozg/charts/chart-parts";
import { DemoNotice } from "@/app/_components/ozg/demo-notice";
import { OzgTabs } from "@/app/_components/ozg/ozg-tabs";
import { PublicToggle } from "@/app/_components/ozg/public-toggle";
import { requireOzgReader } from "@/app/_components/ozg/require-ozg-reader";
import { PageHeader } from "@/app/_components/ui/page-header";
import { formatCount, formatShortDate } from "@/app/_lib/format";
import { can } from "@/server/auth/policy";
import { ozgTableHref } from "@/server/schemas/ozg-params";
import { ozgOverview, type OzgPhaseGroup } from "@/server/services/ozg/overview";
import { ozgPhaseHistory } from "@/server/services/ozg/phase-history";

export const metadata: Metadata = { title: "Nachnutzungsübersicht" };

export default async function OzgOverviewPage() {
  const { actor } = await requireOzgReader("/ozg");
  const [overview, history] = await Promise.all([ozgOverview(actor), ozgPhaseHistory(actor)]);
  const { byPhase, total, focus } = overview;
  const inProgress = byPhase.PILOT + byPhase.ROLLOUT;
  const focusDone = focus.filter((service) => service.phase === "DONE").length;

  return (
    <>
      <PageHeader
        // the soft hyphen: at 320 px the word breaks where German would, not after "übersi"
        title={"Nachnutzungs\u00ADübersicht"}
        lead="Welche OZG-Leistungen Sachsen-Anhalt online anbietet, in welcher Phase jede ist, wer sie verantwortet und wie sie priorisiert ist – monatlich von den Ressorts gemeldet."
      />
      <OzgTabs current="overview" showImport={can(actor, "ozg.import")} />
      <DemoNotice isDemoData={overview.settings.isDemoData} />
      {can(actor, "ozg.publish") && <PublicToggle isPublic={overview.settings.isPublic} />}

      <section aria-labelledby="kennzahlen-titel" className="mb-6">
        <h2 id="kennzahlen-titel" className="sr-only">
          Kennzahlen
        </h2>
        <dl className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2 lg:grid-cols-5">
          <Figure label="Leistungen" value={formatCount(total)} href={ozgTableHref({})} note="im OZG-Umsetzungskatalog" />
          <Figure label="Umgesetzt" value={formatCount(byPhase.DONE)} href={ozgTableHref({ phases: ["DONE"] })} note={`${percent(byPhase.DONE, total)} % aller Leistungen`} />
          <Figure label="In Umsetzung" value={formatCount(inProgress)} href={ozgTableHref({ phases: ["PILOT", "ROLLOUT"] })} note="Pilotierung oder Rollout" />
          <Figure label="Fokusleistungen umgesetzt" value={`${focusDone} von ${focus.length}`} href={ozgTableHref({ focusOnly: true, phases: ["DONE"] })} />
          <div className="rounded-lg border border-slate-200 bg-white p-4 min-[400px]:col-span-2 lg:col-span-1">
            <dt className="text-sm text-slate-700">Letzter Import</dt>
            <dd className="mt-1">
              {overview.lastImport ? (
                <>
                  <span className="block font-semibold">{formatShortDate(overview.lastImport.appliedAt)}</span>
                  {overview.lastImport.fileName && <span className="block text-sm break-all text-slate-700">{overview.lastImport.fileName}</span>}
                </>
              ) : (
                <span className="font-semibold">noch keiner</span>
              )}
            </dd>
          </div>
        </dl>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <PhaseBarChart byPhase={byPhase} total={total} />
        <StackedPhaseChart
          id="prioritaeten"
          title="Priorität und Phase"
          summary={prioritySummary(overview.byPriority)}
          rowHeader="Priorität"
          rows={overview.byPriority.map((bar) => ({
            ...groupRow(bar),
            href: (phase) => (typeof bar.key === "number" ? ozgTableHref({ priorities: [bar.key as 1], ...(phase ? { phases: [phase] } : {}) }) : null),
          }))}
        />
        <StackedPhaseChart
          id="ressorts"
          className="lg:col-span-2"
          title="Ressort und Phase"
          summary={ressortSummary(overview.byRessort)}
          rowHeader="Ressort"
          rows={overview.byRessort.map((bar) => ({
            ...groupRow(bar),
            href: (phase) => (typeof bar.key === "string" ? ozgTableHref({ ressorts: [bar.key], ...(phase ? { phases: [phase] } : {}) }) : null),
          }))}
        />
        <HistoryChart months={history} className="lg:col-span-2" />
        <FocusProgress focus={focus} className="lg:col-span-2" />
      </div>
      <p className="mt-6 text-sm text-slate-700">
        Alle Zahlen als Liste mit Filtern und Export: <Link href="/ozg/leistungen" className="font-semibold text-brand-700 underline underline-offset-2">Alle Leistungen</Link>
      </p>
    </>
  );
}

function Figure({ label, value, note, href }: { label: string; value: string; note?: string; href: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1">
        <Link href={href} className="text-2xl font-bold text-brand-800 underline-offset-2 hover:underline">
          {value}
        </Link>
        {note && <span className="block text-sm text-slate-600">{note}</span>}
      </dd>
    </div>
  );
}

const groupRow = (bar: OzgPhaseGroup) => ({ key: String(bar.key), label: bar.label, title: bar.title, counts: bar.counts, total: bar.total });

function prioritySummary(bars: OzgPhaseGroup[]): string {
  const parts = bars
    .filter((bar) => bar.total > 0)
    .map((bar) => `von ${formatCount(bar.total)} Leistungen mit Priorität „${bar.label}“ ${formatCount(bar.counts.DONE)} (${percent(bar.counts.DONE, bar.total)} %)`);
  return parts.length ? `Umgesetzt sind ${parts.join(", ")}.` : "Noch keine Leistung hat eine Priorität.";
}

function ressortSummary(bars: OzgPhaseGroup[]): string {
  const withServices = bars.filter((bar) => bar.total > 0 && bar.key !== null);
  if (!withServices.length) return "Noch keine Leistung ist einem Ressort zugeordnet.";
  const largest = withServices.reduce((a, b) => (b.total > a.total ? b : a));
  const furthest = withServices.reduce((a, b) => (b.counts.DONE / b.total > a.counts.DONE / a.total ? b : a));
  return (
    `${withServices.length} Ressorts verantworten Leistungen; die meisten hat ${largest.title} (${largest.label}, ${formatCount(largest.total)}, davon ${formatCount(largest.counts.DONE)} umgesetzt), ` +
    `den größten Anteil umgesetzter Leistungen ${furthest.title} (${furthest.label}, ${percent(furthest.counts.DONE, furthest.total)} %).`
  );
}
