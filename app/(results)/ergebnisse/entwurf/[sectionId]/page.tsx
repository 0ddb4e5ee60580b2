import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { SectionEditor } from "@/app/_components/results/editor-form";
import { getActor } from "@/server/auth/get-actor";
import { can } from "@/server/auth/policy";
import { AppError } from "@/server/errors";
import { idSchema } from "@/server/schemas/common";
import { redirectToSignIn } from "../../may-read";
import { getSectionForEditing } from "@/server/services/results/get-section-for-editing";

type Props = { params: Promise<{ sectionId: string }> };

/**
 * A draft section for moderation's editor. Others get the refusal whatever the address names; for
 * moderation, anything that is no section (not an id, an unknown id) is the German 404.
 */
const loadSection = cache(async (sectionId: string) => {
  const actor = await getActor();
  if (!actor) return redirectToSignIn(`/ergebnisse/entwurf/${encodeURIComponent(sectionId)}`);
  if (!can(actor, "results.edit")) return null;
  if (!idSchema.safeParse(sectionId).success) notFound();
  const section = await getSectionForEditing(actor, { sectionId }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "SECTION_NOT_FOUND" || error.code === "NOT_FOUND")) notFound();
    throw error;
  });
  return section;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await loadSection((await params).sectionId);
  // forbidden() here would title the page as Next's not-found: only the page refuses
  return { title: section ? `${section.title} bearbeiten – Ergebnisdokument` : "Kein Zugriff" };
}

export default async function SectionEditorPage({ params }: Props) {
  const section = await loadSection((await params).sectionId);
  if (!section) forbidden();
  return <SectionEditor key={section.id} initial={section} />;
}
