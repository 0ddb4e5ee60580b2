import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { NewThreadForm } from "@/app/_components/threads/new-thread-form";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { getGroupBySlug } from "@/server/services/groups/list-groups";

export const metadata: Metadata = { title: "Neues Thema" };

export default async function NewThreadPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await getActor();
  if (!can(actor, "thread.create")) forbidden();
  const group = await getGroupBySlug(actor, await params).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <>
      <nav aria-label="Brotkrumen" className="mb-3 text-sm">
        <Link href="/arbeitsgruppen" className="text-brand-700 underline">
          Arbeitsgruppen
        </Link>{" "}
        ›{" "}
        <Link href={`/arbeitsgruppen/${group.slug}`} className="text-brand-700 underline">
          {group.name}
        </Link>{" "}
        › Neues Thema
      </nav>
      <PageHeader title="Neues Thema eröffnen" lead={`in der ${group.name}: ${group.question}`} />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <NewThreadForm groupId={group.id} groupSlug={group.slug} />
      </div>
    </>
  );
}
