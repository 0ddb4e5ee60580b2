import type { Metadata } from "next";
import { ForbiddenContent } from "@/app/_components/shell/forbidden-content";

export const metadata: Metadata = { title: "Kein Zugriff" };

/** The editor is moderation's: participants may read the draft, so they are told where they can comment instead. */
export default function SectionEditorForbidden() {
  return <ForbiddenContent reservedFor="Abschnitte des Ergebnisdokuments bearbeitet die Moderation; kommentieren können Teilnehmende im Entwurf." />;
}
