import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { DemoNotice } from "@/app/_components/ozg/demo-notice";
import { ImportDetail } from "@/app/_components/ozg/import/import-detail";
import { OzgTabs } from "@/app/_components/ozg/ozg-tabs";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { idSchema } from "@/server/schemas/common";
import { getOzgImport } from "@/server/services/ozg/import/get-import";
import { readOzgSettings } from "@/server/services/ozg/settings";

export const metadata: Metadata = { title: "Import der Nachnutzungsübersicht" };

type Props = { params: Promise<{ importId: string }> };

/** One import: its dry run with "Import einspielen" while it is CHECKED, its record once applied. */
export default async function OzgImportDetailPage({ params }: Props) {
  const actor = await getActor();
  if (!actor || !can(actor, "ozg.import")) forbidden();
  const { importId } = await params;
  if (!idSchema.safeParse(importId).success) notFound();
  const [settings, detail] = await Promise.all([
    readOzgSettings(),
    getOzgImport(actor, { importId }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
  ]);
  return (
    <>
      <PageHeader
        title={detail.status === "CHECKED" ? `Probe: ${detail.fileName}` : `Import: ${detail.fileName}`}
        lead={
          <Link href="/ozg/import" className="font-semibold text-brand-700 underline">
            Zurück zu allen Importen
          </Link>
        }
      />
      <DemoNotice isDemoData={settings.isDemoData} />
      <OzgTabs current="import" showImport />
      <ImportDetail detail={detail} isDemoData={settings.isDemoData} />
    </>
  );
}
