import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DraftView } from "@/app/_components/results/draft-view";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { listGroups } from "@/server/services/groups/list-groups";
import { getResultDraft } from "@/server/services/results/get-draft";
import { redirectToSignIn } from "../may-read";

export const metadata: Metadata = { title: "Entwurf – Ergebnisdokument" };

/**
 * The working draft with its comments: participants comment, moderation also arranges sections and
 * publishes. Readers are refused with 403 and told where the published versions are (forbidden.tsx beside this).
 */
export default async function ResultDraftPage() {
  const actor = await getActor();
  if (!actor) return redirectToSignIn("/ergebnisse/entwurf");
  const draft = await getResultDraft(actor).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "DRAFT_INTERNAL" || error.code === "FORBIDDEN")) return null;
    throw error;
  });
  if (!draft) forbidden();
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
