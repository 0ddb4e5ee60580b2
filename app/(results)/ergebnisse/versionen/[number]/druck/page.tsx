import type { Metadata } from "next";
import Link from "next/link";
import { versionHref } from "@/app/_components/results/format";
import { PrintButton } from "@/app/_components/results/print-button";
import { ResultDocument } from "@/app/_components/results/result-document";
import { loadVersion } from "../load-version";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadVersion((await params).number);
  if (!loaded) return { title: "Ergebnisdokument" };
  const { version } = loaded;
  return { title: `Druckansicht Version ${version.number} – Ergebnisdokument` };
}

/** Margins and page numbers for the printout; Chromium draws the margin box, other browsers keep their own footer. */
const pageRules = `@page { margin: 2cm; @bottom-center { content: "Seite " counter(page) " von " counter(pages); } }`;

/** The version to print or save as PDF from the browser: the document alone, the app's header and footer hidden in print. */
export default async function ResultPrintPage({ params }: Props) {
  const loaded = await loadVersion((await params).number);
  if (!loaded) return null;
  const { version } = loaded;
  return (
    <div className="result-print mx-auto max-w-3xl">
      <style>{pageRules}</style>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-white p-3 print:hidden">
        <Link href={version.number === version.latestNumber ? "/ergebnisse" : versionHref(version.number)} className="text-brand-700 underline hover:no-underline">
          Zurück zur Version {version.number}
        </Link>
        <PrintButton />
      </div>
      <ResultDocument version={version} />
    </div>
  );
}
