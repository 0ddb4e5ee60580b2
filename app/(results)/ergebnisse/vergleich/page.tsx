import type { Metadata } from "next";
import Link from "next/link";
import { ResultDiff } from "@/app/_components/results/result-diff";
import { versionDate } from "@/app/_components/results/format";
import { buttonClass } from "@/app/_components/ui/button";
import { plainControlClass } from "@/app/_components/ui/field";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { parseVersionParam } from "@/server/schemas/results";
import { compareResultVersions } from "@/server/services/results/compare-versions";
import type { ResultVersionSummaryDto } from "@/server/services/results/dto";
import { listResultVersions } from "@/server/services/results/versions";
import { mayReadResults } from "../may-read";

export const metadata: Metadata = { title: "Versionen vergleichen – Ergebnisdokument" };

type Props = { searchParams: Promise<{ von?: string | string[]; zu?: string | string[] }> };

/**
 * The two versions to compare: what the URL names where that version exists; otherwise the latest
 * and the one before it (or, with only "von" given, the version after it). Older first.
 */
function chooseVersions(versions: ResultVersionSummaryDto[], fromParam: number | null, toParam: number | null): [number, number] {
  const numbers = versions.map((version) => version.number).sort((a, b) => a - b);
  const exists = (value: number | null): value is number => value !== null && numbers.includes(value);
  const latest = numbers.at(-1)!;
  const before = (value: number) => numbers.filter((number) => number < value).at(-1);
  const after = (value: number) => numbers.find((number) => number > value);
  let to = exists(toParam) ? toParam : exists(fromParam) ? (after(fromParam) ?? latest) : latest;
  let from = exists(fromParam) ? fromParam : (before(to) ?? numbers[0]!);
  if (from === to) from = before(to) ?? after(to) ?? from;
  if (from > to) [from, to] = [to, from];
  return [from, to];
}

function VersionSelect({ name, label, value, versions }: { name: string; label: string; value: number; versions: ResultVersionSummaryDto[] }) {
  return (
    <div>
      <label htmlFor={`vergleich-${name}`} className="mb-1 block font-medium">
        {label}
      </label>
      <select id={`vergleich-${name}`} name={name} defaultValue={value} className={plainControlClass}>
        {versions.map((version) => (
          <option key={version.number} value={version.number}>
            Version {version.number} vom {versionDate(version)}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function ResultComparePage({ searchParams }: Props) {
  const actor = await getActor();
  if (!(await mayReadResults(actor))) return null;
  const query = await searchParams;
  const versions = await listResultVersions(actor);
  const back = (
    <Link href="/ergebnisse" className="text-brand-700 underline hover:no-underline">
      Zum Ergebnisdokument
    </Link>
  );
  if (versions.length < 2) {
    return (
      <>
        <PageHeader title="Versionen vergleichen" lead={back} />
        <p className="max-w-3xl rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700" data-testid="nothing-to-compare">
          {versions.length === 0
            ? "Es ist noch keine Version des Ergebnisdokuments veröffentlicht. Sobald es zwei Versionen gibt, können Sie sie hier vergleichen."
            : "Bisher gibt es nur eine veröffentlichte Version. Sobald die Moderation eine weitere veröffentlicht, sehen Sie hier, was sich geändert hat."}
        </p>
      </>
    );
  }
  const [from, to] = chooseVersions(versions, parseVersionParam(query.von), parseVersionParam(query.zu));
  const comparison = await compareResultVersions(actor, { from, to });
  return (
    <>
      <PageHeader title="Versionen vergleichen" lead={back} />
      <form method="get" action="/ergebnisse/vergleich" className="mb-8 flex max-w-3xl flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <VersionSelect name="von" label="Ältere Version" value={from} versions={versions} />
        <VersionSelect name="zu" label="Neuere Version" value={to} versions={versions} />
        <button type="submit" className={buttonClass("secondary")}>
          Vergleichen
        </button>
      </form>
      <ResultDiff comparison={comparison} />
    </>
  );
}
