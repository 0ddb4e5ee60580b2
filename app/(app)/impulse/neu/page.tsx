import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { TalkForm } from "@/app/_components/impulse/talk-form";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { listGroups } from "@/server/services/groups/list-groups";

export async function generateMetadata(): Promise<Metadata> {
  return { title: can(await getActor(), "impulse.manage") ? "Impulsvortrag ansetzen" : "Kein Zugriff" };
}

export default async function NewTalkPage() {
  const actor = await getActor();
  if (!actor || !can(actor, "impulse.manage")) forbidden();
  const groups = await listGroups(actor);
  return (
    <>
      <nav aria-label="Brotkrumen" className="mb-3 text-sm">
        <Link href="/impulse" className="text-brand-700 underline">
          Impulsvorträge
        </Link>{" "}
        › Ansetzen
      </nav>
      <PageHeader title="Impulsvortrag ansetzen" lead="Lösungen anderer Bundesländer, Leuchtturmprojekte Sachsen-Anhalts und der Blick in die Zukunft: Wer folgt, wird über Verschiebungen und Absagen benachrichtigt." />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <TalkForm groups={groups.map((group) => ({ id: group.id, name: group.name }))} />
      </div>
    </>
  );
}
