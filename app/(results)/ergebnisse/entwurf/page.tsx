import type { Metadata } from "next";
import Link from "next/link";
import { DraftView } from "@/app/_components/results/draft-view";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { AppError, appErrors } from "@/server/errors";
import { listGroups } from "@/server/services/groups/list-groups";
import { getResultDraft } from "@/server/services/results/get-draft";
import { redirectToSignIn } from "../may-read";

export const metadata: Metadata = { title: "Entwurf – Ergebnisdokument" };

/**
 * The working draft with its comments: participants comment, moderation also arranges sections and
 * publishes. Readers are told where the published versions are (the service refuses with DRAFT_INTERNAL).
 */
export default async function ResultDraftPage() {
  const actor = await getActor();
  if (!actor) return redirectToSignIn("/ergebnisse/entwurf");
  const draft = await getResultDraft(actor).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "DRAFT_INTERNAL" || error.code === "FORBIDDEN")) return null;
    throw error;
  });
  if (!draft) {
    return (
      <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6" data-testid="draft-internal">
        <h1 className="text-2xl font-bold">Entwurf nicht verfügbar</h1>
        <p className="mt-2">{appErrors.DRAFT_INTERNAL.message}</p>
        <p className="mt-4">
          <Link href="/ergebnisse" className="font-semibold text-brand-700 underline">
            Zu den veröffentlichten Ergebnissen
          </Link>
        </p>
      </div>
    );
  }
  const canEdit = can(actor, "results.edit");
  const groups = canEdit ? (await listGroups(actor)).map((group) => ({ id: group.id, name: group.name })) : [];
  return (
    <DraftView
      initialDraft={draft}
      viewer={{ id: actor.id, canEdit, canResolve: can(actor, "results.resolve"), canPublish: can(actor, "results.publish") }}
      groups={groups}
    />
  );
}
