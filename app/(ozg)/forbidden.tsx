import type { Metadata } from "next";
import { ForbiddenContent } from "../_components/shell/forbidden-content";

export const metadata: Metadata = { title: "Kein Zugriff" };

/** forbidden() inside the signed-in shell: its layout already has the main landmark. */
export default function Forbidden() {
  return <ForbiddenContent reservedFor="Der Import der OZG-Daten ist der Moderation vorbehalten." />;
}
