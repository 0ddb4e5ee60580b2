import type { Metadata } from "next";
import { ForbiddenContent } from "@/app/_components/shell/forbidden-content";

export const metadata: Metadata = { title: "Kein Zugriff" };

/** The editor is moderation's: participants may read the draft, so they get the plain refusal, not the draft's. */
export default function SectionEditorForbidden() {
  return <ForbiddenContent />;
}
