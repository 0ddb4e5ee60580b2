import type { Metadata } from "next";
import { ResultVersionView } from "@/app/_components/results/result-version-view";
import { can } from "@/server/auth/policy";
import { recordResultVisit } from "@/server/services/results/reader-summary";
import { listResultVersions } from "@/server/services/results/versions";
import { loadVersion } from "./load-version";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadVersion((await params).number);
  if (!loaded) return { title: "Ergebnisdokument" };
  const { version } = loaded;
  return { title: `Version ${version.number} – Ergebnisdokument` };
}

export default async function ResultVersionPage({ params }: Props) {
  const loaded = await loadVersion((await params).number);
  if (!loaded) return null;
  const { actor, version } = loaded;
  const versions = await listResultVersions(actor);
  if (actor && version.number === version.latestNumber) await recordResultVisit(actor, version.number);
  return <ResultVersionView version={version} versions={versions} canReadDraft={can(actor, "results.readDraft")} />;
}
