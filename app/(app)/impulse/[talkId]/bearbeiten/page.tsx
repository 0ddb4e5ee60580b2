import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { TalkForm } from "@/app/_components/impulse/talk-form";
import { Alert } from "@/app/_components/ui/alert";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { idSchema } from "@/server/schemas/common";
import { listGroups } from "@/server/services/groups/list-groups";
import { getImpulseTalkForEditing } from "@/server/services/impulse-talks/get-talk-for-editing";

type Props = { params: Promise<{ talkId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: can(await getActor(), "impulse.manage") ? "Impulsvortrag bearbeiten" : "Kein Zugriff" };
}

export default async function EditTalkPage({ params }: Props) {
  const actor = await getActor();
  if (!actor || !can(actor, "impulse.manage")) forbidden();
  const { talkId } = await params;
  if (!idSchema.safeParse(talkId).success) notFound();
  const talk = await getImpulseTalkForEditing(actor, talkId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "TALK_CANCELLED") return null;
    throw error;
  });
  const breadcrumbs = (
    <nav aria-label="Brotkrumen" className="mb-3 text-sm">
      <Link href="/impulse" className="text-brand-700 underline">
        Impulsvorträge
      </Link>{" "}
      ›{" "}
      <Link href={`/impulse/${talkId}`} className="text-brand-700 underline [overflow-wrap:anywhere]">
        {talk?.title ?? "Vortrag"}
      </Link>{" "}
      › Bearbeiten
    </nav>
  );
  if (!talk) {
    return (
      <>
        {breadcrumbs}
        <PageHeader title="Impulsvortrag bearbeiten" />
        <Alert tone="error">Dieser Impulsvortrag wurde abgesagt und kann nicht mehr bearbeitet werden.</Alert>
      </>
    );
  }
  const groups = await listGroups(actor);
  return (
    <>
      {breadcrumbs}
      <PageHeader title="Impulsvortrag bearbeiten" lead="Wird der Termin oder der Ort geändert, erhalten alle, die dem Vortrag folgen, eine Benachrichtigung." />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <TalkForm groups={groups.map((group) => ({ id: group.id, name: group.name }))} talk={talk} />
      </div>
    </>
  );
}
