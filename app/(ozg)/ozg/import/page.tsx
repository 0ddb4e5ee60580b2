import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DemoNotice } from "@/app/_components/ozg/demo-notice";
import { ImportColumnDocs } from "@/app/_components/ozg/import/column-docs";
import { ImportList } from "@/app/_components/ozg/import/import-list";
import { ImportUploadForm } from "@/app/_components/ozg/import/upload-form";
import { OzgTabs } from "@/app/_components/ozg/ozg-tabs";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { listOzgImports } from "@/server/services/ozg/import/list-imports";
import { readOzgSettings } from "@/server/services/ozg/settings";

export const metadata: Metadata = { title: "Import der Nachnutzungsübersicht" };

/** Moderation's monthly import: upload, the columns it reads, and every import so far. */
export default async function OzgImportPage() {
  const actor = await getActor();
  if (!actor || !can(actor, "ozg.import")) forbidden();
  const [settings, imports] = await Promise.all([readOzgSettings(), listOzgImports(actor)]);
  return (
    <>
      <PageHeader
        title="Import der Nachnutzungsübersicht"
        lead="Laden Sie die monatliche Datei der Ressorts hoch. Sie sehen zuerst eine Probe: was neu ist, was sich ändert und welche Zeilen fehlerhaft sind. Erst danach spielen Sie den Import ein."
      />
      <DemoNotice isDemoData={settings.isDemoData} />
      <OzgTabs current="import" showImport />
      <ImportUploadForm />
      <ImportColumnDocs />
      <ImportList imports={imports} />
    </>
  );
}
